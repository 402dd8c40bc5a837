// Worker-thread entry for `raftsim alerts`: runs a batch of trials with their
// simulated Prometheus and returns each trial's scores (small), never the
// series themselves. Trials are deterministic, so where they run changes nothing.
import { nodeFactoryFor } from '../run/implementation.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { deriveOptionsOf } from '../run/trial.js';
import { runAlertTrial } from './run-trial.js';
import { scoreTrial, type TrialScore } from './score.js';
import type { AlertRule } from './rules-file.js';
import type { AlertsConfig } from '../scenario/alerts-config.js';

export interface AlertBatch {
  readonly scenario: ResolvedScenario;
  readonly config: AlertsConfig;
  readonly rules: readonly AlertRule[];
  readonly trials: readonly number[];
}

export interface ScoredTrial {
  readonly score: TrialScore;
  readonly violation: boolean;
}

export async function scoreBatch({ scenario, config, rules, trials }: AlertBatch): Promise<ScoredTrial[]> {
  const factory = await nodeFactoryFor(scenario.raft.implementation);
  const derive = deriveOptionsOf(scenario);
  return trials.map((trial) => {
    const a = runAlertTrial(scenario, config, rules, trial, factory);
    return { score: scoreTrial(trial, a.history, a.outcomes, a.endMs, config, derive), violation: a.outcome.violation !== null };
  });
}

export default scoreBatch;
