// The metric names a scenario's `expect` block may test: the metric table's
// (table.ts) expectable entries, with a duration's summary fields, plus safety
// and one per alert threshold.
import { formatUs } from '../sim/time.js';
import { METRICS, METRIC_NAMES, metricsOfKind } from './table.js';

/** Per-fault or per-sample durations in ms, summarised over all trials (table order). */
export const DURATION_METRICS = Object.freeze(metricsOfKind('duration').filter((n) => METRICS[n].expectable));

/** Summary fields of each duration metric; `censored` counts samples that never completed. */
export const SUMMARY_FIELDS = Object.freeze(['n', 'mean', 'p50', 'p90', 'p99', 'max', 'censored'] as const);

/** The expectable metrics that are one number: counts, rates and fractions (table order). */
export const SCALAR_METRICS = Object.freeze(METRIC_NAMES.filter((n) => METRICS[n].kind !== 'duration' && METRICS[n].expectable));

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

/** The names `expect` accepts, as the scenario format's description lists them (the JSON Schema's text). */
export function expectableMetricsText(): string {
  return (
    `Metrics: ${SAFETY_METRIC}; ${DURATION_METRICS.join(', ')} with ${SUMMARY_FIELDS.map((f) => `.${f}`).join(' ')}; ` +
    `${SCALAR_METRICS.join(', ')}; ${ALERTS_METRIC}.<threshold> for each of measure.alerts.`
  );
}
