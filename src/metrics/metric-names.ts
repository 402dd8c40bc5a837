// The metric names a scenario's `expect` block may test. These are the names the
// runner's summary uses; keep them in step with it (see derive.ts for meanings).
import { formatUs } from '../sim/time.js';

/** Per-fault or per-sample durations in ms, summarised over all trials. */
export const DURATION_METRICS = Object.freeze([
  'timeToLeaderMs',
  'timeToLeaderHeardMs',
  'timeToStableLeaderMs',
  'timeToLeaderCommitMs',
  'timeToWriteMs',
  'leaderlessMs',
  'commitLatencyMs',
  'deposedLeaderMs',
  'recoveryMs',
] as const);

/** Summary fields of each duration metric; `censored` counts samples that never completed. */
export const SUMMARY_FIELDS = Object.freeze(['n', 'mean', 'p50', 'p90', 'p99', 'max', 'censored'] as const);

export const SCALAR_METRICS = Object.freeze([
  'electionsPerTrial',
  'splitVotesPerTrial',
  'leaderChangesPerTrial',
  'termInflationPerTrial',
  'spuriousElectionsPerHour',
  'writeAvailability',
] as const);

/** Compared with "ok" only: no safety invariant was violated in any trial. */
export const SAFETY_METRIC = 'safety';

/** One per measure.alerts threshold: "alertsFiredPerTrial.30s". */
export const ALERTS_METRIC = 'alertsFiredPerTrial';

/** The label of an alert threshold inside a metric name ("30s", "1min"), as aggregate.ts keys them. */
export function alertLabel(thresholdUs: number): string {
  return formatUs(thresholdUs);
}

/** Every metric name `expect` accepts, given the alert thresholds (µs) of measure.alerts. */
export function expectableMetrics(alertThresholdsUs: readonly number[]): string[] {
  const names: string[] = [SAFETY_METRIC];
  for (const m of DURATION_METRICS) for (const f of SUMMARY_FIELDS) names.push(`${m}.${f}`);
  names.push(...SCALAR_METRICS);
  for (const t of alertThresholdsUs) names.push(`${ALERTS_METRIC}.${alertLabel(t)}`);
  return names;
}

/** The metric names with the default alert thresholds (30 s and 1 min). */
export const EXPECTABLE_METRICS: readonly string[] = Object.freeze(expectableMetrics([30_000_000, 60_000_000]));
