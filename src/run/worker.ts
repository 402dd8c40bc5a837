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

export default runBatch;
