// Baseline comparison rules (src/verdict/baseline.ts): p99 time to leader
// slower by more than 10%, spurious elections/hour up by more than 10% + 0.5,
// write availability down by more than 1 point.
import { describe, expect, it } from 'vitest';
import { BaselineError, DEFAULT_TOLERANCES, makeBaseline, parseBaseline, serializeBaseline } from '../../src/verdict/baseline.js';
import { compareBaseline } from '../../src/verdict/baseline-compare.js';
import type { CheckedConfig } from '../../src/verdict/check.js';

interface Headline {
  p99: number | null;
  spurious: number;
  availability: number | null;
}

function config(h: Headline, file = 'scenarios/a.json5', point: Record<string, unknown> = {}): CheckedConfig {
  const metrics = { timeToLeaderMs: { p99: h.p99 }, spuriousElectionsPerHour: h.spurious, writeAvailability: h.availability };
  return { scenario: 'a', file, seed: '1', trials: 100, point, expectations: [], result: { metrics, violations: [] } } as unknown as CheckedConfig;
}

function verdicts(before: Headline, after: Headline, tol = DEFAULT_TOLERANCES) {
  const c = compareBaseline(makeBaseline([config(before)]), [config(after)], tol);
  return Object.fromEntries(c.rows.map((r) => [r.metric, r.regressed]));
}

const OK: Headline = { p99: 300, spurious: 2, availability: 0.995 };

describe('baseline tolerances', () => {
  it('time to leader p99: up to 10% slower passes, more fails, beyond the horizon fails', () => {
    expect(verdicts(OK, { ...OK, p99: 330 })['timeToLeaderMs.p99']).toBe(false);
    expect(verdicts(OK, { ...OK, p99: 330.1 })['timeToLeaderMs.p99']).toBe(true);
    expect(verdicts(OK, { ...OK, p99: null })['timeToLeaderMs.p99']).toBe(true);
    expect(verdicts({ ...OK, p99: null }, OK)['timeToLeaderMs.p99']).toBe(false);
    expect(verdicts(OK, { ...OK, p99: 330.1 }, { ...DEFAULT_TOLERANCES, p99SlowerPct: 20 })['timeToLeaderMs.p99']).toBe(false);
  });

  it('spurious elections per hour: up by 10% + 0.5 passes, more fails', () => {
    expect(verdicts(OK, { ...OK, spurious: 2.7 }).spuriousElectionsPerHour).toBe(false);
    expect(verdicts(OK, { ...OK, spurious: 2.71 }).spuriousElectionsPerHour).toBe(true);
    expect(verdicts({ ...OK, spurious: 0 }, { ...OK, spurious: 0.5 }).spuriousElectionsPerHour).toBe(false);
    expect(verdicts({ ...OK, spurious: 0 }, { ...OK, spurious: 0.51 }).spuriousElectionsPerHour).toBe(true);
  });

  it('write availability: down by 1 point passes, more fails; without a workload there is nothing to compare', () => {
    expect(verdicts(OK, { ...OK, availability: 0.985 }).writeAvailability).toBe(false);
    expect(verdicts(OK, { ...OK, availability: 0.984 }).writeAvailability).toBe(true);
    expect(verdicts({ ...OK, availability: null }, { ...OK, availability: null }).writeAvailability).toBe(false);
  });

  it('reports configurations only on one side, and sweep points separately', () => {
    const p = (v: boolean) => ({ 'raft.preVote': v });
    const base = makeBaseline([config(OK, 'a.json5', p(false)), config(OK, 'gone.json5')]);
    const c = compareBaseline(base, [config(OK, 'a.json5', p(false)), config(OK, 'a.json5', p(true))], DEFAULT_TOLERANCES);
    expect(c.rows).toHaveLength(3);
    expect(c.added).toEqual(['a [raft.preVote=true]']);
    expect(c.missing).toEqual(['a']);
    expect(c.regressions).toBe(0);
  });
});

describe('the baseline file', () => {
  it('round-trips, with entries in key order', () => {
    const b = makeBaseline([config(OK, 'z.json5'), config(OK, 'a.json5')]);
    expect(Object.keys(b.entries)).toEqual(['a.json5', 'z.json5']);
    expect(parseBaseline(serializeBaseline(b))).toEqual(b);
  });

  it('rejects what is not a baseline, naming the problem', () => {
    expect(() => parseBaseline('nope')).toThrow(BaselineError);
    expect(() => parseBaseline('{"format":"x"}')).toThrow(/not a raftsim baseline/);
    expect(() => parseBaseline('{"format":"raftsim-baseline/1","entries":{"a":{"timeToLeaderP99Ms":"1"}}}')).toThrow(/entry "a"/);
  });
});
