// One trial with its simulated Prometheus: the cluster runs exactly as in
// `raftsim run` (the exposition only observes), always to the horizon — alert
// rules need the whole span, so measure.until "resolved" is not applied — and
// the rules are evaluated over what was scraped.
import { runTrialWith } from '../run/trial.js';
import type { NodeFactory } from '../cluster/host.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { TrialHistory } from '../metrics/history.js';
import type { TrialOutcome } from '../run/trial.js';
import { ExpositionRecorder } from './exposition.js';
import { evaluateRules, type RuleOutcome } from './rule-eval.js';
import type { AlertRule } from './rules-file.js';
import type { AlertsConfig } from '../scenario/alerts-config.js';
import type { SeriesStore } from './series.js';

export interface AlertTrial {
  readonly trial: number;
  readonly outcome: TrialOutcome;
  readonly history: TrialHistory;
  readonly store: SeriesStore;
  readonly outcomes: readonly RuleOutcome[];
  /** The last evaluation and scrape instant, ms. */
  readonly endMs: number;
}

/** The scenario as alert evaluation runs it: to the horizon. */
export function toHorizon(s: ResolvedScenario): ResolvedScenario {
  return s.measure.until === 'horizon' ? s : { ...s, measure: { ...s.measure, until: 'horizon' } };
}

export function runAlertTrial(s: ResolvedScenario, cfg: AlertsConfig, rules: readonly AlertRule[], trial: number, factory: NodeFactory): AlertTrial {
  let recorder: ExpositionRecorder | null = null;
  const outcome = runTrialWith(toHorizon(s), trial, factory, {
    keepHistory: true,
    onSimulation: (sim) => {
      recorder = new ExpositionRecorder(sim.host, cfg, s.workload.clientTimeoutUs);
      if (sim.workload !== null) recorder.watchWrites(sim.workload.log);
      sim.host.addObserver(recorder);
    },
  });
  const history = outcome.history!;
  const endMs = Math.floor(history.endUs / 1000);
  const store = (recorder as ExpositionRecorder | null)!.finish(history.endUs);
  return { trial, outcome, history, store, outcomes: evaluateRules(rules, store, endMs, cfg.evaluationIntervalMs), endMs };
}
