// The built-in PromQL evaluator on hand-built series, against values worked
// out from Prometheus's documented semantics (promtool agrees on real trials:
// promtool.test.ts).
import { describe, expect, it } from 'vitest';
import { SeriesStore, STALE, type Labels } from '../../src/alerts/series.js';
import { parsePromql, PromqlError } from '../../src/alerts/promql-parse.js';
import { Evaluator, rangeValue, type Sample } from '../../src/alerts/promql-eval.js';
import { evaluateRules, firingAt, pagesOf } from '../../src/alerts/rule-eval.js';
import type { AlertRule } from '../../src/alerts/rules-file.js';

function store(series: [Labels, [number, number][]][]): SeriesStore {
  const st = new SeriesStore();
  for (const [labels, samples] of series) {
    const s = st.series(labels);
    for (const [t, v] of samples) st.append(s, t, v);
  }
  return st;
}

function vec(st: SeriesStore, expr: string, t: number): Sample[] {
  const v = new Evaluator(st).eval(parsePromql(expr), t);
  if (v.type !== 'vector') throw new Error('not a vector');
  return [...v.samples].sort((a, b) => JSON.stringify(a.labels).localeCompare(JSON.stringify(b.labels)));
}

const state = (instance: string, s: string, samples: [number, number][]): [Labels, [number, number][]] => [{ __name__: 'raft_state', instance, job: 'raft', state: s }, samples];

describe('selectors', () => {
  const st = store([state('n0', 'leader', [[0, 1], [15_000, 1], [30_000, STALE]]), state('n1', 'leader', [[5_000, 0], [20_000, 0]])]);

  it('takes the latest sample at or before t, and a staleness marker removes the series at once', () => {
    expect(vec(st, 'raft_state{state="leader"}', 29_999).map((s) => [s.labels.instance, s.v])).toEqual([['n0', 1], ['n1', 0]]);
    expect(vec(st, 'raft_state{state="leader"}', 30_000).map((s) => s.labels.instance)).toEqual(['n1']);
    expect(vec(st, 'raft_state{state="leader"}', 4_999).map((s) => s.labels.instance)).toEqual(['n0']);
  });

  it('looks back 5 minutes, inclusive', () => {
    expect(vec(st, 'raft_state{instance="n1"}', 320_000)).toHaveLength(1);
    expect(vec(st, 'raft_state{instance="n1"}', 320_001)).toHaveLength(0);
  });

  it('matches =, !=, =~ (anchored) and !~', () => {
    expect(vec(st, 'raft_state{instance=~"n"}', 20_000)).toHaveLength(0);
    expect(vec(st, 'raft_state{instance=~"n.*"}', 20_000)).toHaveLength(2);
    expect(vec(st, 'raft_state{instance!~"n0|n2"}', 20_000).map((s) => s.labels.instance)).toEqual(['n1']);
    expect(vec(st, 'raft_state{instance!="n1"}', 20_000).map((s) => s.labels.instance)).toEqual(['n0']);
    expect(vec(st, '{__name__="raft_state", instance="n1"}', 20_000)).toHaveLength(1);
  });
});

describe('aggregations and operators', () => {
  const st = store([
    state('n0', 'leader', [[0, 1]]),
    state('n1', 'leader', [[0, 0]]),
    state('n2', 'leader', [[0, 0]]),
    [{ __name__: 'up', instance: 'n0', job: 'raft' }, [[0, 1]]],
    [{ __name__: 'up', instance: 'n1', job: 'raft' }, [[0, 0]]],
  ]);

  it('sum, count, min, max, avg with by and without', () => {
    expect(vec(st, 'sum(raft_state)', 0)).toEqual([{ labels: {}, v: 1 }]);
    expect(vec(st, 'count by (job) (raft_state)', 0)).toEqual([{ labels: { job: 'raft' }, v: 3 }]);
    expect(vec(st, 'max without (instance) (raft_state)', 0)).toEqual([{ labels: { job: 'raft', state: 'leader' }, v: 1 }]);
    expect(vec(st, 'min(raft_state) by (instance)', 0).map((s) => s.v)).toEqual([1, 0, 0]);
    expect(vec(st, 'avg(raft_state)', 0)[0].v).toBeCloseTo(1 / 3);
  });

  it('comparisons filter and keep the vector value and name, from either side', () => {
    expect(vec(st, 'raft_state == 0', 0).map((s) => s.labels.instance)).toEqual(['n1', 'n2']);
    expect(vec(st, '0 < raft_state', 0)).toEqual([{ labels: { __name__: 'raft_state', instance: 'n0', job: 'raft', state: 'leader' }, v: 1 }]);
    expect(vec(st, 'sum(raft_state) == 0', 0)).toEqual([]);
    expect(vec(st, 'sum(raft_state) > 0.5', 0)).toEqual([{ labels: {}, v: 1 }]);
  });

  it('arithmetic drops the name', () => {
    expect(vec(st, 'raft_state{instance="n0"} * 2 + 1', 0)).toEqual([{ labels: { instance: 'n0', job: 'raft', state: 'leader' }, v: 3 }]);
    expect(vec(st, '-up{instance="n0"}', 0)).toEqual([{ labels: { instance: 'n0', job: 'raft' }, v: -1 }]);
  });

  it('and / or / unless match on all labels but the name', () => {
    expect(vec(st, 'up and raft_state{instance="n0"}', 0).map((s) => s.labels.instance)).toEqual([]);
    expect(vec(st, 'count(up == 1) or absent(nothing)', 0).map((s) => s.v)).toEqual([1]);
    expect(vec(st, 'up unless up == 0', 0).map((s) => s.labels.instance)).toEqual(['n0']);
  });

  it('absent() takes its labels from the equality matchers', () => {
    expect(vec(st, 'absent(raft_state{job="raft", state="leader", instance=~"n.*"})', 0)).toEqual([]);
    expect(vec(st, 'absent(nothing{job="raft", instance=~"n.*"})', 0)).toEqual([{ labels: { job: 'raft' }, v: 1 }]);
    expect(vec(st, 'absent(sum(nothing))', 0)).toEqual([{ labels: {}, v: 1 }]);
  });
});

describe('range functions', () => {
  it('increase and rate extrapolate as Prometheus does', () => {
    // Samples every 15 s from 0 to 300 s, counter +1 each: a [5m] window at t = 300 s holds 21 samples at its very edges.
    const ts = Array.from({ length: 21 }, (_, i) => i * 15_000);
    const vs = ts.map((_, i) => i);
    expect(rangeValue('increase', ts, vs, 0, 300_000, 300_000)).toBeCloseTo(20);
    // Window [10 s, 310 s]: first sample at 15 s (5 s in, < 1.1 × 15 s: extrapolated by 5 s, but only to
    // the counter's zero point 15 s × 1/19 away), last at 300 s (10 s before the end: extrapolated by 10 s).
    const inside = ts.slice(1);
    const v = rangeValue('increase', inside, vs.slice(1), 10_000, 310_000, 300_000)!;
    const sampled = 285;
    const expected = 19 * ((sampled + Math.min(5, sampled * (1 / 19)) + 10) / sampled);
    expect(v).toBeCloseTo(expected, 9);
    expect(rangeValue('rate', inside, vs.slice(1), 10_000, 310_000, 300_000)!).toBeCloseTo(expected / 300, 9);
  });

  it('a counter reset adds the value before it; fewer than two samples give no output', () => {
    expect(rangeValue('increase', [0, 15_000, 30_000], [5, 7, 1], 0, 30_000, 30_000)).toBeCloseTo(3);
    expect(rangeValue('increase', [15_000], [3], 0, 30_000, 30_000)).toBeNull();
  });

  it('changes and resets count transitions', () => {
    expect(rangeValue('changes', [0, 1, 2, 3], [1, 1, 2, 1], 0, 3, 3)).toBe(2);
    expect(rangeValue('resets', [0, 1, 2, 3], [1, 3, 2, 0], 0, 3, 3)).toBe(2);
    expect(rangeValue('changes', [0], [4], 0, 3, 3)).toBe(0);
  });

  it('range selectors skip staleness markers and include both window edges', () => {
    const st = store([[{ __name__: 'c_total', instance: 'n0' }, [[0, 0], [15_000, 1], [30_000, STALE], [45_000, 0], [60_000, 1]]]]);
    expect(vec(st, 'resets(c_total[60s])', 60_000)).toEqual([{ labels: { instance: 'n0' }, v: 1 }]);
    expect(vec(st, 'count_over_time(c_total[45s])', 60_000)[0].v).toBe(3); // 15 s, 45 s, 60 s
  });
});

describe('for: pending → firing', () => {
  const rule = (expr: string, forMs: number): AlertRule => ({ group: 'g', name: 'A', exprText: expr, expr: parsePromql(expr), forMs, labels: { severity: 'page' }, annotations: {}, line: 1, rangeMs: 0 });
  // Leader gone from 30 s to 120 s (scrapes every 15 s).
  const st = store([state('n0', 'leader', Array.from({ length: 13 }, (_, i): [number, number] => [i * 15_000, i >= 2 && i < 8 ? 0 : 1]))]);

  it('fires at the first evaluation at least `for` after it became active and resolves when it stops matching', () => {
    const [o] = evaluateRules([rule('sum(raft_state{state="leader"}) == 0', 30_000)], st, 180_000, 15_000);
    expect(o.instances).toEqual([{ labels: { severity: 'page', alertname: 'A' }, activeAtMs: 30_000, firedAtMs: 60_000, endMs: 120_000 }]);
    expect(firingAt(o, 45_000)).toEqual([]);
    expect(firingAt(o, 105_000)).toHaveLength(1);
    expect(pagesOf(o)).toEqual([{ startMs: 60_000, endMs: 120_000 }]);
  });

  it('for: 0 fires at once; a condition shorter than `for` never fires', () => {
    expect(evaluateRules([rule('sum(raft_state{state="leader"}) == 0', 0)], st, 180_000, 15_000)[0].instances[0].firedAtMs).toBe(30_000);
    expect(evaluateRules([rule('sum(raft_state{state="leader"}) == 0', 120_000)], st, 180_000, 15_000)[0].instances[0].firedAtMs).toBeNull();
  });
});

describe('unsupported PromQL is refused with a position', () => {
  const cases: [string, RegExp][] = [
    ['histogram_quantile(0.9, x)', /function "histogram_quantile" is not supported/],
    ['x > bool 1', /"bool" modifier/],
    ['a == b', /between two vectors/],
    ['x offset 5m', /offset/],
    ['rate(x[5m:1m])', /subqueries/],
    ['sum(x[5m])', /needs an instant vector/],
    ['topk(3, x)', /"topk" is not supported/],
    ['1 == 1', /bool modifier/],
    ['x{a=~"("}', /bad regular expression/],
    ['sum(x', /expected "\)"/],
  ];
  for (const [expr, msg] of cases) {
    it(expr, () => {
      let err: unknown;
      try {
        parsePromql(expr);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PromqlError);
      expect((err as Error).message).toMatch(msg);
      expect((err as PromqlError).offset).toBeGreaterThanOrEqual(0);
      expect((err as PromqlError).offset).toBeLessThanOrEqual(expr.length);
    });
  }
});
