// What `raftsim replay --json` prints about one trial, and what the library's replayTrial returns:
// the trial's trace hash and event count, its safety verdict, per-fault figures, per-trial metrics
// (all durations in µs) and the faults as they were injected.
import type { TrialMetrics } from '../metrics/derive.js';
import type { SafetyViolation } from '../invariants/safety.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { TrialOutcome } from './trial.js';

export interface ReplayResult {
  readonly scenario: string;
  readonly seed: string;
  readonly trial: number;
  /** Rolling hash of the trial's whole event stream: equal hashes, equal runs. */
  readonly hash: string;
  /** Kernel events the trial took. */
  readonly events: number;
  readonly violation: SafetyViolation | null;
  /** One entry per fault occurrence (µs; null = censored); the same as metrics.faults. */
  readonly faults: TrialMetrics['faults'];
  readonly metrics: TrialMetrics;
  readonly faultLog: TrialOutcome['faultLog'];
}

export function replayResult(s: ResolvedScenario, trial: number, r: TrialOutcome): ReplayResult {
  return { scenario: s.name, seed: s.seed, trial, hash: r.hash, events: r.events, violation: r.violation, faults: r.metrics.faults, metrics: r.metrics, faultLog: r.faultLog };
}
