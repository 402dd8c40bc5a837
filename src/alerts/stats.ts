// Intervals stated without assuming a distribution:
//   - a quantile's 95% confidence interval from order statistics: with n observations
//     the number below the true p-quantile is Binomial(n, p), so [x_(l), x_(u)] covers it
//     with probability at least 95% for l, u cut at 2.5% on each side. Censored and
//     missed observations sort last (+∞); a bound that falls among them, or beyond the
//     data, is null ("not bounded by these trials");
//   - a rate's one-sided 95% upper bound for a Poisson count k over an exposure: the μ with
//     P(X ≤ k | μ) = 5% (k = 0 gives the "rule of three", ≈ 3.0 / exposure).

function logSumExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

/** P(B ≤ k) for B ~ Binomial(n, p), computed in log space (no underflow for large n). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  let logPmf = n * Math.log1p(-p);
  let logCdf = logPmf;
  const r = Math.log(p) - Math.log1p(-p);
  for (let i = 0; i < k; i++) {
    logPmf += Math.log(n - i) - Math.log(i + 1) + r;
    logCdf = logSumExp(logCdf, logPmf);
  }
  return Math.min(1, Math.exp(logCdf));
}

/**
 * 1-based order-statistic ranks [l, u] bracketing the p-quantile with ≥ `level` confidence;
 * l = 0 means "no lower bound", u = n + 1 "no upper bound".
 */
export function quantileRanks(n: number, p: number, level = 0.95): [number, number] {
  const tail = (1 - level) / 2;
  let l = 0;
  for (let k = 1; k <= n; k++) if (binomialCdf(k - 1, n, p) <= tail) l = k;
  let u = n + 1;
  for (let k = 1; k <= n; k++) {
    if (binomialCdf(k - 1, n, p) >= 1 - tail) {
      u = k;
      break;
    }
  }
  return [l, u];
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

/** P(X ≤ k) for X ~ Poisson(mu). */
export function poissonCdf(k: number, mu: number): number {
  if (mu <= 0) return 1;
  let logPmf = -mu;
  let logCdf = logPmf;
  for (let i = 1; i <= k; i++) {
    logPmf += Math.log(mu) - Math.log(i);
    logCdf = logSumExp(logCdf, logPmf);
  }
  return Math.min(1, Math.exp(logCdf));
}

/** The one-sided upper confidence bound on the Poisson mean after observing k events. */
export function poissonUpper(k: number, level = 0.95): number {
  const alpha = 1 - level;
  let lo = k;
  let hi = k + 10 + 10 * Math.sqrt(k + 1);
  while (poissonCdf(k, hi) > alpha) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (poissonCdf(k, mid) > alpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
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
