// Distribution-free confidence intervals for quantiles, from order statistics.
// If X(1) ≤ … ≤ X(n) are n independent draws of a continuous distribution and
// B ~ Binomial(n, p) counts those below the true p-quantile ξ, then
// P(X(l) ≤ ξ ≤ X(u)) = P(l ≤ B ≤ u − 1), whatever the distribution. The ranks
// l and u are chosen so that each tail holds at most (1 − level)/2: the
// interval covers ξ in at least `level` of repetitions (exactly, up to the
// discreteness of the binomial). Censored observations ("no leader by the
// horizon") are upper-censored: they sort last as +Infinity, and a bound that
// lands on one is reported as "> horizon". A rank below 1 has no lower bound
// but 0 (durations are never negative); a rank above n has no upper bound from
// n samples at all (a p99 needs n ≥ 367 for a two-sided 95% upper bound).
import { binomialCdf } from './dists.js';

/** A bound in the sample's unit; "> horizon" when it lands on a censored value; null when n samples cannot give one. */
export type Bound = number | '> horizon' | null;

export interface RankInterval {
  /** 1-based rank of the lower bound; 0 = no lower bound from the sample (the bound is the smallest possible value). */
  readonly low: number;
  /** 1-based rank of the upper bound; n + 1 = no upper bound from the sample. */
  readonly high: number;
}

/** Ranks of a two-sided interval for the p-quantile at `level` (e.g. 0.95). */
export function quantileRanks(n: number, p: number, level: number): RankInterval {
  const tail = (1 - level) / 2;
  return { low: lowerRank(n, p, tail), high: upperRank(n, p, tail) };
}

/** Largest l with P(B ≤ l − 1) ≤ tail: P(X(l) > ξ) ≤ tail. 0 when even l = 1 is too likely above ξ. */
export function lowerRank(n: number, p: number, tail: number): number {
  // P(B ≤ l − 1) grows with l: binary search for the last l in [0, n] where it is ≤ tail (l = 0 always is).
  return lastTrue(0, n, (l) => l === 0 || binomialCdf(l - 1, n, p) <= tail);
}

/** Smallest u with P(B ≥ u) ≤ tail, i.e. P(B ≤ u − 1) ≥ 1 − tail: P(X(u) < ξ) ≤ tail. n + 1 when no rank will do. */
export function upperRank(n: number, p: number, tail: number): number {
  // P(B ≤ u − 1) grows with u: the first u in [1, n + 1] where it reaches 1 − tail (u = n + 1 stands for "none").
  return lastTrue(0, n + 1, (u) => u === 0 || binomialCdf(u - 1, n, p) < 1 - tail) + 1;
}

/** The largest x in [lo, hi] with ok(x), for ok true at lo and monotone (true then false). */
function lastTrue(lo: number, hi: number, ok: (x: number) => boolean): number {
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The bound at a 1-based rank of sorted values (censored = +Infinity at the end). */
export function boundAt(sorted: readonly number[], rank: number, side: 'low' | 'high'): Bound {
  if (rank < 1) return side === 'low' ? 0 : null;
  if (rank > sorted.length) return null;
  const v = sorted[rank - 1];
  return Number.isFinite(v) ? v : '> horizon';
}

/** Sorted ascending with censored (null) values last as +Infinity. */
export function sortedWithCensored(values: readonly (number | null)[]): number[] {
  const real = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return [...real, ...new Array<number>(values.length - real.length).fill(Infinity)];
}

/** A two-sided interval for the p-quantile of sorted values (see sortedWithCensored). */
export function quantileInterval(sorted: readonly number[], p: number, level: number): [Bound, Bound] {
  const r = quantileRanks(sorted.length, p, level);
  return [boundAt(sorted, r.low, 'low'), boundAt(sorted, r.high, 'high')];
}

/**
 * One-sided bounds for goal checks at `level`: the p-quantile is above `low`
 * and below `high`, each with probability at least `level`. A censored value
 * counts as larger than any bound (it is beyond the horizon).
 */
export function quantileOneSided(sorted: readonly number[], p: number, level: number): { low: Bound; high: Bound } {
  const tail = 1 - level;
  const n = sorted.length;
  return { low: boundAt(sorted, lowerRank(n, p, tail), 'low'), high: boundAt(sorted, upperRank(n, p, tail), 'high') };
}

/** Fewest samples that give any one-sided upper bound for the p-quantile at `level` (p99 at 95%: 299). */
export function samplesForUpperBound(p: number, level: number): number {
  return Math.ceil(Math.log(1 - level) / Math.log(p));
}

/** A bound as people read it: "412", "> horizon", "—" (no bound from this many samples). */
export function formatBound(b: Bound, fmt: (x: number) => string): string {
  return b === null ? '—' : typeof b === 'string' ? b : fmt(b);
}

/** "[388, 447]" in the unit `fmt` gives. */
export function formatInterval(i: readonly [Bound, Bound], fmt: (x: number) => string): string {
  return `[${formatBound(i[0], fmt)}, ${formatBound(i[1], fmt)}]`;
}

/** Comparable number for a bound: censored and missing upper bounds are +Infinity. */
export function boundValue(b: Bound): number {
  return b === null || typeof b === 'string' ? Infinity : b;
}
