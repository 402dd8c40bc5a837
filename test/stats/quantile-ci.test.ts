// Quantile intervals from order statistics: known ranks, censoring, and
// coverage checked by simulation (fixed seed, so the test is deterministic).
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import { quantileInterval, quantileOneSided, quantileRanks, samplesForUpperBound, sortedWithCensored, boundValue } from '../../src/stats/quantile-ci.js';

/** Exact coverage of ranks (l, u): P(l ≤ B ≤ u − 1), B ~ Binomial(n, p). */
function exactCoverage(n: number, p: number, l: number, u: number): number {
  const upper = u > n ? 1 : binomialCdf(u - 1, n, p);
  const lower = l < 1 ? 0 : binomialCdf(l - 1, n, p);
  return upper - lower;
}

describe('quantile ranks', () => {
  it('match the textbook ranks for a median of 100 (40th and 61st) and never cover less than asked', () => {
    expect(quantileRanks(100, 0.5, 0.95)).toEqual({ low: 40, high: 61 });
    for (const [n, p] of [[50, 0.5], [300, 0.99], [1000, 0.99], [5000, 0.999], [37, 0.9]] as const) {
      const r = quantileRanks(n, p, 0.95);
      expect(exactCoverage(n, p, r.low, r.high)).toBeGreaterThanOrEqual(0.95);
      // Tight: moving either bound inwards loses the guarantee on that side.
      if (r.low < n) expect(binomialCdf(r.low, n, p)).toBeGreaterThan(0.025);
      if (r.high <= n && r.high > 1) expect(binomialCdf(r.high - 2, n, p)).toBeLessThan(0.975);
    }
  });

  it('a p99 has no upper bound from fewer than 299 samples (one-sided 95%), nor two-sided below 368', () => {
    expect(samplesForUpperBound(0.99, 0.95)).toBe(299);
    const sorted = Array.from({ length: 298 }, (_, i) => i + 1);
    expect(quantileOneSided(sorted, 0.99, 0.95).high).toBeNull();
    expect(quantileOneSided([...sorted, 299], 0.99, 0.95).high).toBe(299);
    expect(samplesForUpperBound(0.99, 0.975)).toBe(368);
    expect(quantileInterval(Array.from({ length: 367 }, (_, i) => i), 0.99, 0.95)[1]).toBeNull();
    expect(quantileInterval(Array.from({ length: 368 }, (_, i) => i), 0.99, 0.95)[1]).toBe(367);
  });

  it('a bound on a censored observation reads "> horizon"; censored values are counted, never dropped', () => {
    const values = [...Array.from({ length: 990 }, (_, i) => i), ...new Array(10).fill(null)];
    const sorted = sortedWithCensored(values);
    expect(sorted).toHaveLength(1000);
    const [lo, hi] = quantileInterval(sorted, 0.99, 0.95);
    expect(lo).toBe(982); // rank 983
    expect(hi).toBe('> horizon'); // rank 997 is censored
    // Dropping the censored values instead would claim a finite p99 bound: that is what must not happen.
    expect(typeof quantileInterval(sortedWithCensored(values.filter((v) => v !== null)), 0.99, 0.95)[1]).toBe('number');
    expect(boundValue('> horizon')).toBe(Infinity);
  });
});

describe('coverage by simulation', () => {
  const draw = (rng: () => number) => -Math.log(1 - rng()) * 100; // exponential, mean 100
  const trueP99 = -Math.log(0.01) * 100;

  function coverage(reps: number, n: number, horizon: number, interval: (sorted: number[]) => [number, number]): number {
    const rng = seedrandom('coverage-1');
    let covered = 0;
    for (let r = 0; r < reps; r++) {
      const values = Array.from({ length: n }, () => {
        const v = draw(rng);
        return v > horizon ? null : v;
      });
      const [lo, hi] = interval(sortedWithCensored(values));
      if (lo <= trueP99 && trueP99 <= hi) covered++;
    }
    return covered / reps;
  }

  const ours = (sorted: number[]): [number, number] => {
    const [lo, hi] = quantileInterval(sorted, 0.99, 0.95);
    return [typeof lo === 'number' ? lo : Infinity, boundValue(hi)];
  };

  it('a 95% interval for a p99 covers the true p99 in about 95% of 2,000 repetitions (n = 1,000)', () => {
    const exact = exactCoverage(1000, 0.99, quantileRanks(1000, 0.99, 0.95).low, quantileRanks(1000, 0.99, 0.95).high);
    expect(exact).toBeGreaterThanOrEqual(0.95);
    const c = coverage(2000, 1000, Infinity, ours);
    // Binomial noise over 2,000 repetitions is ±0.01 (2σ); the exact coverage is ~0.95–0.96.
    expect(c).toBeGreaterThan(0.935);
    expect(c).toBeLessThan(0.985);
    expect(Math.abs(c - exact)).toBeLessThan(0.015);
  });

  it('censoring beyond the true p99 leaves the coverage intact', () => {
    const c = coverage(1000, 1000, trueP99 * 1.2, ours);
    expect(c).toBeGreaterThan(0.93);
  });

  it('a plausible wrong interval (one-sided 95% ranks on both sides, or censored values dropped) fails the same tolerance', () => {
    const oneSidedRanks = (sorted: number[]): [number, number] => {
      const r = quantileRanks(sorted.length, 0.99, 0.9);
      return [sorted[r.low - 1], boundValue(sorted[r.high - 1] ?? null)];
    };
    expect(coverage(1000, 1000, Infinity, oneSidedRanks)).toBeLessThan(0.935);
    const dropCensored = (sorted: number[]) => ours(sorted.filter(Number.isFinite));
    expect(coverage(600, 1000, trueP99 * 0.97, dropCensored)).toBeLessThan(0.935);
  });
});
