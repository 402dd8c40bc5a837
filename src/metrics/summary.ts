// Summaries over trials. A censored observation (not reached by the horizon)
// is counted and treated as larger than every real value: it is never dropped
// and never averaged in as the horizon. A quantile that falls among censored
// observations is null ("beyond the horizon"). The mean and its 95% confidence
// interval are over the uncensored values only, and say so by `n - censored`.
// Each quantile also has a distribution-free 95% interval from order statistics
// (src/stats/quantile-ci.ts) in which censored values are counted.
import { quantileInterval, type Bound } from '../stats/quantile-ci.js';

export interface DurationSummary {
  /** Observations, censored ones included. */
  readonly n: number;
  /** Mean of the uncensored values (ms), null when there are none. */
  readonly mean: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
  /** Largest uncensored value (ms); see `censored` for any beyond the horizon. */
  readonly max: number | null;
  readonly censored: number;
  /** 95% confidence interval for the mean (normal approximation), ms. */
  readonly ci95: readonly [number, number] | null;
  /**
   * 95% intervals for p50, p90 and p99 from order statistics (distribution-free; censored
   * values counted): a bound is ms, "> horizon" when it lands on a censored observation, or
   * null when n observations cannot bound it (a p99 needs n >= 368). Absent in results saved
   * before it existed.
   */
  readonly quantileCi95?: QuantileIntervals;
}

export interface QuantileIntervals {
  readonly p50: readonly [Bound, Bound];
  readonly p90: readonly [Bound, Bound];
  readonly p99: readonly [Bound, Bound];
}

/** Summarises values in µs (null = censored) into milliseconds. */
export function summarizeDurations(valuesUs: readonly (number | null)[]): DurationSummary {
  const real = valuesUs.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const n = valuesUs.length;
  const censored = n - real.length;
  const ms = (x: number) => round3(x / 1000);
  // Censored values sort last, as +Infinity.
  const all = [...real, ...new Array(censored).fill(Infinity)];
  const interval = (p: number) => quantileInterval(all, p, 0.95).map((b) => (typeof b === 'number' ? ms(b) : b)) as [Bound, Bound];
  const quantileCi95 = n === 0 ? undefined : { p50: interval(0.5), p90: interval(0.9), p99: interval(0.99) };
  const q = (p: number): number | null => {
    if (n === 0) return null;
    const v = sortedQuantile(all, p);
    return Number.isFinite(v) ? ms(v) : null;
  };
  if (real.length === 0) return { n, mean: null, p50: q(0.5), p90: q(0.9), p99: q(0.99), max: null, censored, ci95: null, ...(quantileCi95 ? { quantileCi95 } : {}) };
  const mean = real.reduce((a, b) => a + b, 0) / real.length;
  const variance = real.length > 1 ? real.reduce((a, b) => a + (b - mean) ** 2, 0) / (real.length - 1) : 0;
  const half = 1.96 * Math.sqrt(variance / real.length);
  return {
    n,
    mean: ms(mean),
    p50: q(0.5),
    p90: q(0.9),
    p99: q(0.99),
    max: ms(real[real.length - 1]),
    censored,
    ci95: [ms(mean - half), ms(mean + half)],
    quantileCi95,
  };
}

/**
 * Linear-interpolation quantile (type 7, as d3-array and R's default) that also
 * handles +Infinity: d3's quantile would return NaN for Infinity × a zero weight.
 */
function sortedQuantile(sorted: readonly number[], p: number): number {
  const i = p * (sorted.length - 1);
  const i0 = Math.floor(i);
  const x0 = sorted[i0];
  if (i === i0) return x0;
  const x1 = sorted[i0 + 1];
  if (!Number.isFinite(x0) || !Number.isFinite(x1)) return Infinity;
  return x0 + (x1 - x0) * (i - i0);
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
