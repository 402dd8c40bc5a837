// The recommendation rule (src/report/recommend.ts): lowest p99 failover among
// safe configurations with zero spurious elections, with stated tie-breaks and
// a stated fallback.
import { describe, expect, it } from 'vitest';
import { FALLBACK_RULE, RECOMMENDATION_RULE, compareFailover, isEligible, recommend } from '../../src/report/recommend.js';
import { config } from './fixtures.js';

describe('recommend', () => {
  it('picks the lowest p99 among configurations with zero spurious elections', () => {
    const r = recommend([config({ p99: 100, spurious: 30 }), config({ p99: 250 }), config({ p99: 180 }), config({ p99: 400 })]);
    expect(r).toEqual({ index: 2, rule: RECOMMENDATION_RULE, fallback: null, eligible: 3 });
  });

  it('never recommends a configuration that violated safety, however fast', () => {
    const r = recommend([config({ p99: 50, violated: true }), config({ p99: 300 })]);
    expect(r?.index).toBe(1);
    expect(isEligible(config({ violated: true }))).toBe(false);
  });

  it('ranks a p99 beyond the horizon (null) last, and fewer censored trials first among those', () => {
    const r = recommend([config({ p99: null, censored: 3 }), config({ p99: null, censored: 1 }), config({ p99: 900 })]);
    expect(r?.index).toBe(2);
    expect(recommend([config({ p99: null, censored: 3 }), config({ p99: null, censored: 1 })])?.index).toBe(1);
  });

  it('breaks ties on p99 by p50, then max, then sweep order', () => {
    expect(recommend([config({ p99: 200, p50: 150 }), config({ p99: 200, p50: 120 })])?.index).toBe(1);
    expect(recommend([config({ p99: 200, p50: 120, max: 260 }), config({ p99: 200, p50: 120, max: 230 })])?.index).toBe(1);
    expect(recommend([config({ p99: 200 }), config({ p99: 200 })])?.index).toBe(0);
    expect(compareFailover(config({ p99: 200 }), config({ p99: 200 }))).toBe(0);
  });

  it('falls back to the fewest spurious elections, then p99, and says so', () => {
    const r = recommend([config({ p99: 100, spurious: 9 }), config({ p99: 300, spurious: 2 }), config({ p99: 200, spurious: 2 })]);
    expect(r).toEqual({ index: 2, rule: RECOMMENDATION_RULE, fallback: FALLBACK_RULE, eligible: 0 });
  });

  it('recommends nothing when there is nothing safe to recommend', () => {
    expect(recommend([])).toBeNull();
    expect(recommend([config({ violated: true })])).toBeNull();
  });

  it('states the rule in words the report can print', () => {
    expect(RECOMMENDATION_RULE).toMatch(/zero spurious elections/);
    expect(RECOMMENDATION_RULE).toMatch(/lowest p99 time to leader/);
  });
});
