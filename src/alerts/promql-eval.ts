// Evaluates the supported PromQL subset (promql-parse.ts) at one instant over
// a trial's scraped series, with the semantics of Prometheus 2.x, the version
// promtool checks it against (test/alerts/promtool-agree.test.ts):
//   - an instant selector takes each series' latest sample in [t − 5m, t] unless it is a
//     staleness marker (a failed scrape), so a down target's series vanish at once;
//   - a range selector takes the samples in [t − range, t], staleness markers left out;
//   - rate/increase/delta extrapolate as Prometheus's extrapolatedRate does (counter resets
//     handled, extrapolation to the range edges limited to 1.1 × the mean sample spacing and
//     never below a counter's zero point);
//   - comparisons filter and keep the vector's value and labels; arithmetic drops the name;
//     aggregations and functions drop it; and/or/unless match on all labels but the name.
import { LOOKBACK_MS } from '../scenario/alerts-config.js';
import { dropName, firstAtOrAfter, isStale, labelsKey, lastAtOrBefore, type Labels, type Series, type SeriesStore } from './series.js';
import { matchValue, type Expr, type RangeFn } from './promql-parse.js';

export interface Sample {
  readonly labels: Labels;
  readonly v: number;
}

export type Value = { readonly type: 'scalar'; readonly v: number } | { readonly type: 'vector'; readonly samples: readonly Sample[] };

export class Evaluator {
  constructor(
    private readonly store: SeriesStore,
    private readonly lookbackMs = LOOKBACK_MS,
  ) {}

  /** The expression's value at tMs. */
  eval(e: Expr, tMs: number): Value {
    switch (e.kind) {
      case 'number':
        return { type: 'scalar', v: e.value };
      case 'selector':
        return { type: 'vector', samples: this.instant(e, tMs) };
      case 'range':
        throw new Error('a range vector cannot be evaluated on its own (the parser refuses this)');
      case 'rangeFn':
        return { type: 'vector', samples: this.rangeFn(e.fn, e.arg.selector, e.arg.rangeMs, tMs) };
      case 'aggregate':
        return { type: 'vector', samples: aggregate(e.op, e.without, e.labels, this.vector(e.arg, tMs)) };
      case 'absent':
        return { type: 'vector', samples: this.vector(e.arg, tMs).length > 0 ? [] : [{ labels: absentLabels(e.arg), v: 1 }] };
      case 'neg': {
        const a = this.eval(e.arg, tMs);
        return a.type === 'scalar' ? { type: 'scalar', v: -a.v } : { type: 'vector', samples: a.samples.map((s) => ({ labels: dropName(s.labels), v: -s.v })) };
      }
      case 'binary':
        return this.binary(e.op, this.eval(e.lhs, tMs), this.eval(e.rhs, tMs));
    }
  }

  private vector(e: Expr, tMs: number): readonly Sample[] {
    const v = this.eval(e, tMs);
    if (v.type !== 'vector') throw new Error('expected a vector (the parser checks this)');
    return v.samples;
  }

  private selected(sel: Extract<Expr, { kind: 'selector' }>): Series[] {
    return this.store.named(sel.name).filter((s) => sel.matchers.every((m) => matchValue(m, s.labels[m.label] ?? '')));
  }

  private instant(sel: Extract<Expr, { kind: 'selector' }>, tMs: number): Sample[] {
    const out: Sample[] = [];
    for (const s of this.selected(sel)) {
      const i = lastAtOrBefore(s, tMs);
      if (i < 0 || s.tMs[i] < tMs - this.lookbackMs || isStale(s.v[i])) continue;
      out.push({ labels: s.labels, v: s.v[i] });
    }
    return out;
  }

  private rangeFn(fn: RangeFn, sel: Extract<Expr, { kind: 'selector' }>, rangeMs: number, tMs: number): Sample[] {
    const out: Sample[] = [];
    for (const s of this.selected(sel)) {
      const ts: number[] = [];
      const vs: number[] = [];
      for (let i = firstAtOrAfter(s, tMs - rangeMs); i < s.tMs.length && s.tMs[i] <= tMs; i++) {
        if (isStale(s.v[i])) continue;
        ts.push(s.tMs[i]);
        vs.push(s.v[i]);
      }
      const v = rangeValue(fn, ts, vs, tMs - rangeMs, tMs, rangeMs);
      if (v !== null) out.push({ labels: dropName(s.labels), v });
    }
    return out;
  }

  private binary(op: Extract<Expr, { kind: 'binary' }>['op'], a: Value, b: Value): Value {
    if (op === 'and' || op === 'or' || op === 'unless') {
      if (a.type !== 'vector' || b.type !== 'vector') throw new Error('set operators need vectors (the parser checks this)');
      const rhs = new Set(b.samples.map((s) => labelsKey(dropName(s.labels))));
      if (op === 'and') return { type: 'vector', samples: a.samples.filter((s) => rhs.has(labelsKey(dropName(s.labels)))) };
      if (op === 'unless') return { type: 'vector', samples: a.samples.filter((s) => !rhs.has(labelsKey(dropName(s.labels)))) };
      const lhs = new Set(a.samples.map((s) => labelsKey(dropName(s.labels))));
      return { type: 'vector', samples: [...a.samples, ...b.samples.filter((s) => !lhs.has(labelsKey(dropName(s.labels))))] };
    }
    if (a.type === 'scalar' && b.type === 'scalar') return { type: 'scalar', v: arith(op, a.v, b.v) };
    const swap = a.type === 'scalar';
    const vec = (swap ? b : a) as Extract<Value, { type: 'vector' }>;
    const k = ((swap ? a : b) as Extract<Value, { type: 'scalar' }>).v;
    const out: Sample[] = [];
    for (const s of vec.samples) {
      const l = swap ? k : s.v;
      const r = swap ? s.v : k;
      if (isComparison(op)) {
        if (compare(op, l, r)) out.push(s);
      } else out.push({ labels: dropName(s.labels), v: arith(op, l, r) });
    }
    return { type: 'vector', samples: out };
  }
}

function isComparison(op: string): op is '==' | '!=' | '<' | '>' | '<=' | '>=' {
  return op === '==' || op === '!=' || op === '<' || op === '>' || op === '<=' || op === '>=';
}

function compare(op: '==' | '!=' | '<' | '>' | '<=' | '>=', a: number, b: number): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
  }
}

function arith(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    default:
      throw new Error(`not an arithmetic operator: ${op}`);
  }
}

function aggregate(op: Extract<Expr, { kind: 'aggregate' }>['op'], without: boolean, labels: readonly string[] | null, samples: readonly Sample[]): Sample[] {
  const groups = new Map<string, { labels: Labels; vs: number[] }>();
  for (const s of samples) {
    const g: Record<string, string> = {};
    if (labels !== null && !without) {
      for (const l of labels) if (s.labels[l] !== undefined && s.labels[l] !== '') g[l] = s.labels[l];
    } else if (without) {
      for (const [k, v] of Object.entries(s.labels)) if (k !== '__name__' && !(labels ?? []).includes(k)) g[k] = v;
    }
    const key = labelsKey(g);
    const e = groups.get(key);
    if (e === undefined) groups.set(key, { labels: g, vs: [s.v] });
    else e.vs.push(s.v);
  }
  return [...groups.values()].map(({ labels: l, vs }) => ({ labels: l, v: reduce(op, vs) }));
}

function reduce(op: Extract<Expr, { kind: 'aggregate' }>['op'], vs: readonly number[]): number {
  switch (op) {
    case 'sum':
      return vs.reduce((a, b) => a + b, 0);
    case 'count':
      return vs.length;
    case 'avg':
      return vs.reduce((a, b) => a + b, 0) / vs.length;
    case 'max':
      return vs.reduce((a, b) => (Number.isNaN(a) || b > a ? b : a));
    case 'min':
      return vs.reduce((a, b) => (Number.isNaN(a) || b < a ? b : a));
  }
}

/** absent()'s labels: the equality matchers of a plain selector (a label matched twice is left out), as Prometheus makes them. */
function absentLabels(arg: Expr): Labels {
  if (arg.kind !== 'selector') return {};
  const out: Record<string, string> = {};
  const dup = new Set<string>();
  for (const m of arg.matchers) {
    if (m.op !== '=' || m.label === '__name__') continue;
    if (m.label in out) dup.add(m.label);
    out[m.label] = m.value;
  }
  for (const d of dup) delete out[d];
  return out;
}

/** A range function over the samples (times ascending) in [startMs, endMs]; null: no output for the series. */
export function rangeValue(fn: RangeFn, ts: readonly number[], vs: readonly number[], startMs: number, endMs: number, rangeMs: number): number | null {
  if (vs.length === 0) return null;
  switch (fn) {
    case 'changes': {
      let c = 0;
      for (let i = 1; i < vs.length; i++) if (vs[i] !== vs[i - 1]) c++;
      return c;
    }
    case 'resets': {
      let c = 0;
      for (let i = 1; i < vs.length; i++) if (vs[i] < vs[i - 1]) c++;
      return c;
    }
    case 'avg_over_time':
      return vs.reduce((a, b) => a + b, 0) / vs.length;
    case 'max_over_time':
      return Math.max(...vs);
    case 'min_over_time':
      return Math.min(...vs);
    case 'count_over_time':
      return vs.length;
    default:
      return extrapolatedRate(ts, vs, startMs, endMs, rangeMs, fn !== 'delta', fn === 'rate');
  }
}

/** Prometheus's extrapolatedRate (promql/functions.go, 2.x). */
function extrapolatedRate(ts: readonly number[], vs: readonly number[], startMs: number, endMs: number, rangeMs: number, isCounter: boolean, isRate: boolean): number | null {
  if (vs.length < 2) return null;
  const n = vs.length;
  let result = vs[n - 1] - vs[0];
  if (isCounter) {
    let last = 0;
    for (const v of vs) {
      if (v < last) result += last;
      last = v;
    }
  }
  let toStart = (ts[0] - startMs) / 1000;
  const toEnd = (endMs - ts[n - 1]) / 1000;
  const sampled = (ts[n - 1] - ts[0]) / 1000;
  const avgGap = sampled / (n - 1);
  if (isCounter && result > 0 && vs[0] >= 0) {
    const toZero = sampled * (vs[0] / result);
    if (toZero < toStart) toStart = toZero;
  }
  const threshold = avgGap * 1.1;
  let interval = sampled;
  interval += toStart < threshold ? toStart : avgGap / 2;
  interval += toEnd < threshold ? toEnd : avgGap / 2;
  result *= interval / sampled;
  if (isRate) result /= rangeMs / 1000;
  return result;
}
