// Worker-thread entry: runs a batch of trials of one configuration and
// returns their summaries. Trials are independent and deterministic, so
// where they run never changes what they produce.
import { nodeFactoryFor } from './implementation.js';
import { runTrialWith } from './trial.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { TrialSummary } from '../metrics/aggregate.js';

export interface TrialBatch {
  readonly scenario: ResolvedScenario;
  readonly trials: readonly number[];
}

export async function runBatch({ scenario, trials }: TrialBatch): Promise<TrialSummary[]> {
  const factory = await nodeFactoryFor(scenario.raft.implementation);
  return trials.map((trial) => {
    const r = runTrialWith(scenario, trial, factory);
    return { trial, metrics: r.metrics, violation: r.violation, events: r.events, hash: r.hash };
  });
}

/**
 * The same batch as JSON text, what the pool returns: the summaries cross the thread
 * boundary as one string (copied flat) instead of a structured clone of every object,
 * which costs the main thread about 2.5 times as much to decode. They are plain JSON
 * data already: shard and resume files store them as JSON and give identical output.
 */
export async function runBatchJson(batch: TrialBatch): Promise<string> {
  return JSON.stringify(await runBatch(batch));
}

export default runBatch;
