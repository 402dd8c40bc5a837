import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { summarizeDurations } from '../../src/metrics/summary.js';

describe('summarizeDurations', () => {
  it('converts µs to ms and interpolates quantiles like R type 7', () => {
    const s = summarizeDurations([1000, 2000, 3000, 4000, 5000]);
    expect(s).toMatchObject({ n: 5, mean: 3, p50: 3, p90: 4.6, max: 5, censored: 0 });
    expect(s.p99).toBeCloseTo(4.96, 6);
  });

  it('counts censored values, leaves them out of the mean, and returns null for quantiles among them', () => {
    const s = summarizeDurations([1000, 2000, null, null]);
    expect(s.n).toBe(4);
    expect(s.censored).toBe(2);
    expect(s.mean).toBe(1.5);
    expect(s.max).toBe(2);
    expect(s.p90).toBeNull();
    expect(s.p50).toBeNull(); // between 2 ms and a censored value: beyond what is known
  });

  it('never reports a quantile below the true one when values are censored (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }), { minLength: 1, maxLength: 50 }), (values) => {
        const s = summarizeDurations(values);
        const real = values.filter((v): v is number => v !== null);
        expect(s.n).toBe(values.length);
        expect(s.censored).toBe(values.length - real.length);
        // A reported quantile is at most the largest real value: censored ones are never averaged in as numbers.
        for (const q of [s.p50, s.p90, s.p99]) if (q !== null) expect(q).toBeLessThanOrEqual(Math.max(...real) / 1000 + 1e-9);
        if (s.ci95 && s.mean !== null) expect(s.ci95[0]).toBeLessThanOrEqual(s.mean + 1e-9);
      }),
    );
  });
});
