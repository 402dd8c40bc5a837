// Intervals stated without assuming a distribution:
//   - a quantile's 95% confidence interval from order statistics: with n observations
//     the number below the true p-quantile is Binomial(n, p), so [x_(l), x_(u)] covers it
//     with probability at least 95% for l, u cut at 2.5% on each side. Censored and
//     missed observations sort last (+∞); a bound that falls among them, or beyond the
//     data, is null ("not bounded by these trials");
//   - a rate's one-sided 95% upper bound for a Poisson count k over an exposure: the μ with
//     P(X ≤ k | μ) = 5% (k = 0 gives the "rule of three", ≈ 3.0 / exposure).

// The computations are src/stats's (library-backed binomial and gamma functions); this
// file keeps the shapes the alert reports use.
import { binomialCdf as binomialCdfOf } from '../stats/dists.js';
import { quantileRanks as ranksOf } from '../stats/quantile-ci.js';
import { rateUpper } from '../stats/poisson.js';

/** P(B ≤ k) for B ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  return binomialCdfOf(k, n, p);
}

/**
 * 1-based order-statistic ranks [l, u] bracketing the p-quantile with ≥ `level` confidence;
 * l = 0 means "no lower bound", u = n + 1 "no upper bound".
 */
export function quantileRanks(n: number, p: number, level = 0.95): [number, number] {
  const r = ranksOf(n, p, level);
  return [r.low, r.high];
}

export interface QuantileInterval {
  readonly p: number;
  /** ms; null: beyond the data (censored or missed observations, or too few trials). */
  readonly lo: number | null;
  readonly hi: number | null;
}

/** The 95% interval of the p-quantile of values (ms; null = censored or missed, larger than every value). */
export function quantileInterval(values: readonly (number | null)[], p: number, level = 0.95): QuantileInterval {
  if (values.length === 0) return { p, lo: null, hi: null };
  const sorted = values.map((v) => (v === null ? Infinity : v)).sort((a, b) => a - b);
  const [l, u] = quantileRanks(sorted.length, p, level);
  const at = (rank: number): number | null => (rank >= 1 && rank <= sorted.length && Number.isFinite(sorted[rank - 1]) ? sorted[rank - 1] : null);
  return { p, lo: l === 0 ? 0 : at(l), hi: at(u) };
}

/** The one-sided upper confidence bound on the Poisson mean after observing k events. */
export function poissonUpper(k: number, level = 0.95): number {
  return rateUpper(k, 1, level)!;
}

export interface RateBound {
  readonly count: number;
  /** Exposure in cluster-days. */
  readonly exposureDays: number;
  /** count / exposure (null without exposure). */
  readonly perDay: number | null;
  /** One-sided 95% upper bound per day (null without exposure). */
  readonly upper95PerDay: number | null;
}

export function rateBound(count: number, exposureDays: number): RateBound {
  if (!(exposureDays > 0)) return { count, exposureDays: 0, perDay: null, upper95PerDay: null };
  return { count, exposureDays, perDay: count / exposureDays, upper95PerDay: poissonUpper(count) / exposureDays };
}
