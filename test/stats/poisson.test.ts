// Rate bounds from exposure, and the two-sample tests for censored samples.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { hoursToBound, rateEstimate, rateUpper, HOURS_PER_MONTH } from '../../src/stats/poisson.js';
import { logRank, rateTest } from '../../src/stats/logrank.js';

describe('Poisson rate bounds', () => {
  it('zero events in T hours bound the rate by about 3/T at 95% (one-sided)', () => {
    expect(rateUpper(0, 10, 0.95)).toBeCloseTo(2.9957 / 10, 4);
    expect(rateEstimate(0, 10).perHour).toBe(0);
    expect(rateEstimate(0, 10).ci[0]).toBe(0);
  });

  it('match the Garwood table for 10 events (95%: 4.795 .. 18.39)', () => {
    const r = rateEstimate(10, 1, 0.95);
    expect(r.ci[0]).toBeCloseTo(4.7954, 3);
    expect(r.ci[1]).toBeCloseTo(18.39, 2);
  });

  it('one spurious election per cluster-month at 95% needs ~2,157 h of event-free exposure', () => {
    expect(hoursToBound(1 / HOURS_PER_MONTH, 0.95)).toBeCloseTo(2157, 0);
  });

  it('no exposure gives no bound rather than zero', () => {
    expect(rateEstimate(0, 0).upper).toBeNull();
  });
});

describe('two-sample tests', () => {
  it('log-rank: the same distribution is not significant, a 30% slower one is, and censoring counts as slow', () => {
    const rng = seedrandom('logrank');
    const exp = (mean: number) => Array.from({ length: 400 }, () => -Math.log(1 - rng()) * mean);
    expect(logRank(exp(100), exp(100)).p).toBeGreaterThan(0.01);
    const slow = logRank(exp(100), exp(130));
    expect(slow.p).toBeLessThan(0.01);
    expect(slow.observedMinusExpectedA).toBeGreaterThan(0); // A's events come earlier: A is faster
    const censoredB = [...exp(100).slice(0, 300), ...new Array(100).fill(null)];
    expect(logRank(exp(100), censoredB).p).toBeLessThan(0.001);
  });

  it('rate test: 0 vs 10 events over equal exposure is significant; 3 vs 5 is not', () => {
    expect(rateTest(0, 10, 10, 10)).toBeLessThan(0.01);
    expect(rateTest(3, 10, 5, 10)).toBeGreaterThan(0.2);
    expect(rateTest(0, 10, 0, 10)).toBe(1);
  });
});
