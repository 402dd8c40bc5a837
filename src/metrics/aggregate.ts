// Summaries over the trials of one configuration: the `metrics` object of the
// --json contract (docs/json.md), one key per entry of the metric table
// (table.ts) in its order, then the alerts, safety and exposure. Duration
// metrics are DurationSummary objects in milliseconds; counts and rates carry
// their unit in their name.
import { summarizeDurations, round3, type DurationSummary } from './summary.js';
import type { TrialMetrics } from './derive.js';
import type { SafetyViolation } from '../invariants/safety.js';
import { rateEstimate } from '../stats/poisson.js';
import { METRICS, METRIC_NAMES, metric, type MetricName, type MetricOf } from './table.js';
import { alertLabel } from './metric-names.js';

/** What a worker sends back per trial (no histories: those are re-run on demand). */
export interface TrialSummary {
  readonly trial: number;
  readonly metrics: TrialMetrics;
  readonly violation: SafetyViolation | null;
  readonly events: number;
  readonly hash: string;
}

type ValueOf<E> = E extends { readonly kind: 'duration' } ? DurationSummary : E extends { readonly kind: 'fraction' } ? number | null : number;

/** Every metric of the table (table.ts), by its kind's value. */
export type TableMetrics = { readonly [N in MetricName]: ValueOf<(typeof METRICS)[N]> };

/** A rate's evidence under its own key (absent in results saved before it existed). */
export type RateEvidence = { readonly [N in MetricOf<'perHour'> as (typeof METRICS)[N]['evidence']]?: RateSummary };

export interface Metrics extends TableMetrics, RateEvidence {
  /** Mean alerts fired per trial, keyed by threshold ("30s", "1min"). */
  readonly alertsFiredPerTrial: Readonly<Record<string, number>>;
  /** Trials in which each alert fired at least once. */
  readonly trialsWithAlert: Readonly<Record<string, number>>;
  readonly safety: 'ok' | 'violated';
  readonly safetyViolations: number;
  readonly measuredHours: number;
  readonly eventsPerTrial: number;
}

/** A rate with its evidence: events over simulated hours, a two-sided 95% interval and a one-sided 95% upper bound (per hour). */
export interface RateSummary {
  readonly events: number;
  readonly hours: number;
  readonly perHour: number;
  readonly ci95: readonly [number, number | null];
  readonly upper95: number | null;
}

export function rateSummary(events: number, hours: number): RateSummary {
  const r = rateEstimate(events, hours, 0.95);
  const hi = r.ci[1];
  return { events, hours: round3(hours), perHour: round3(r.perHour), ci95: [round3(r.ci[0]), hi === null ? null : round3(hi)], upper95: r.upper === null ? null : round3(r.upper) };
}

export function aggregate(trials: readonly TrialSummary[], alertThresholdsUs: readonly number[]): Metrics {
  const ms = trials.map((t) => t.metrics);
  const per = (f: (m: TrialMetrics) => number) => (ms.length === 0 ? 0 : round3(ms.reduce((a, m) => a + f(m), 0) / ms.length));
  const hours = ms.reduce((a, m) => a + m.measuredUs, 0) / 3.6e9;
  const sum = (f: (m: TrialMetrics) => number) => ms.reduce((a, m) => a + f(m), 0);
  const table: Record<string, unknown> = {};
  for (const name of METRIC_NAMES) {
    const e = metric(name);
    switch (e.kind) {
      case 'duration':
        table[name] = e.measuredIf === null || e.measuredIf(ms) ? summarizeDurations(ms.flatMap(e.samples)) : summarizeDurations([]);
        break;
      case 'perTrial':
        table[name] = per(e.count);
        break;
      case 'perHour':
        table[name] = hours > 0 ? round3(sum(e.events) / hours) : 0;
        table[e.evidence] = rateSummary(sum(e.events), hours);
        break;
      case 'fraction': {
        const whole = sum(e.whole);
        table[name] = whole > 0 ? round3(sum(e.part) / whole) : null;
        break;
      }
    }
  }
  const alertKeys = alertThresholdsUs.map(alertLabel);
  return {
    ...(table as unknown as TableMetrics & RateEvidence),
    alertsFiredPerTrial: Object.fromEntries(alertKeys.map((k, i) => [k, per((m) => m.alertsFired[i])])),
    trialsWithAlert: Object.fromEntries(alertKeys.map((k, i) => [k, ms.filter((m) => m.alertsFired[i] > 0).length])),
    safety: trials.some((t) => t.violation !== null) ? 'violated' : 'ok',
    safetyViolations: trials.filter((t) => t.violation !== null).length,
    measuredHours: round3(hours),
    eventsPerTrial: trials.length === 0 ? 0 : Math.round(trials.reduce((a, t) => a + t.events, 0) / trials.length),
  };
}
