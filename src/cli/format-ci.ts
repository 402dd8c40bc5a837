// Interval cells for the terminal tables: quantile intervals from order
// statistics and rate bounds from exposure (src/stats), as people read them.
import { formatInterval, type Bound } from '../stats/quantile-ci.js';
import type { DurationSummary } from '../metrics/summary.js';
import type { Metrics, RateSummary } from '../metrics/aggregate.js';
import { num } from './table.js';

/** "[280.1, 301.2]", "[280.1, > horizon]", "[280.1, —]" (too few observations), or "—" without intervals. */
export function quantileCiCell(s: DurationSummary, key: 'p50' | 'p90' | 'p99'): string {
  const ci = s.quantileCi95?.[key];
  return ci ? formatInterval(ci as readonly [Bound, Bound], (x) => num(x)) : '—';
}

/** The spurious-election rate's evidence, from the metrics (recomputed for results saved before it was stored). */
export function spuriousOf(m: Metrics): RateSummary | null {
  return m.spuriousElections ?? null;
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
