// Interval cells for the terminal tables: quantile intervals from order
// statistics and rate bounds from exposure (src/stats), as people read them.
import { formatInterval, type Bound } from '../stats/quantile-ci.js';
import type { DurationSummary } from '../metrics/summary.js';
import type { Metrics, RateSummary } from '../metrics/aggregate.js';
import { num } from './table.js';
import { METRICS, type MetricOf } from '../metrics/table.js';

/** "[280.1, 301.2]", "[280.1, > horizon]", "[280.1, —]" (too few observations), or "—" without intervals. */
export function quantileCiCell(s: DurationSummary, key: 'p50' | 'p90' | 'p99'): string {
  const ci = s.quantileCi95?.[key];
  return ci ? formatInterval(ci as readonly [Bound, Bound], (x) => num(x)) : '—';
}

/** A rate's evidence (events, exposure, interval), from the metrics; null in results saved before it was stored. */
export function rateOf(m: Metrics, key: MetricOf<'perHour'>): RateSummary | null {
  return m[METRICS[key].evidence] ?? null;
}

/** The spurious-election rate's evidence. */
export function spuriousOf(m: Metrics): RateSummary | null {
  return rateOf(m, 'spuriousElectionsPerHour');
}

/** "0.00 /h [0, 8.89] over 0.337 h (0 events)". */
export function rateCell(r: RateSummary | null, perHour: number): string {
  if (r === null) return `${num(perHour, 2)} /h`;
  return `${num(r.perHour, 2)} /h [${num(r.ci95[0], 2)}, ${r.ci95[1] === null ? '—' : num(r.ci95[1], 2)}] over ${num(r.hours, 3)} h (${r.events} event${r.events === 1 ? '' : 's'})`;
}

/** "[0, 8.89]" for a table column. */
export function rateCiCell(r: RateSummary | null): string {
  return r === null ? '—' : `[${num(r.ci95[0], 2)}, ${r.ci95[1] === null ? '—' : num(r.ci95[1], 2)}]`;
}
