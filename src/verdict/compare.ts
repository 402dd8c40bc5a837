// Two configurations' results side by side, metric by metric (each the metric
// table gives a `compare` row), with the difference and whether it is significant: the log-rank test for durations
// whose raw values the results keep (censored values stay at risk past every
// observed one), the exact conditional test for the spurious-election rate, and
// for every duration the 95% quantile intervals of each side.
import { logRank, rateTest } from '../stats/logrank.js';
import { formatInterval, type Bound } from '../stats/quantile-ci.js';
import type { ConfigResult } from './result.js';
import type { DurationSummary } from '../metrics/summary.js';
import { METRICS, metric, metricsOfKind, type MetricOf } from '../metrics/table.js';

export interface Side {
  readonly label: string;
  readonly file: string;
  readonly scenario: string;
  readonly point: Readonly<Record<string, unknown>>;
  readonly result: ConfigResult;
}

export interface CompareRow {
  readonly metric: string;
  readonly unit: 'ms' | 'per hour' | 'per trial' | 'fraction';
  readonly a: { readonly n: number | null; readonly p50: number | null; readonly p99: number | null; readonly value: number | null; readonly p99Ci95: readonly [Bound, Bound] | null; readonly censored: number | null };
  readonly b: CompareRow['a'];
  /** B − A of the headline figure (p99 for durations, the value otherwise); null when either is missing. */
  readonly difference: number | null;
  readonly test: 'log-rank' | 'exact Poisson' | 'quantile intervals' | 'none';
  readonly p: number | null;
  readonly significant: boolean | null;
  /** Which side is better when significant ("a", "b"). */
  readonly better: 'a' | 'b' | null;
}

export interface Comparison {
  readonly format: 'raftsim-compare/1';
  readonly a: Omit<Side, 'result'>;
  readonly b: Omit<Side, 'result'>;
  readonly alpha: number;
  /** What differs between the two configurations (resolved config, dotted paths; per-node settings collapsed when all nodes agree). */
  readonly differences: readonly ConfigDifference[];
  readonly rows: readonly CompareRow[];
}

export interface ConfigDifference {
  readonly key: string;
  /** JSON text of each side's value ("absent" when a side lacks the key). */
  readonly a: string;
  readonly b: string;
}

type SavedSamples = Partial<Record<string, readonly (number | null)[]>> | undefined;

/**
 * The rows, from the metric table (metrics/table.ts): durations in table order (log-rank where the
 * results keep raw values, else the quantile intervals), then rates, then counts per trial.
 */
export function compareResults(a: Side, b: Side, alpha = 0.05): Comparison {
  const rows: CompareRow[] = [];
  for (const key of metricsOfKind('duration')) {
    const c = metric(key).compare;
    if (c === null) continue;
    const sa = a.result.metrics[key] as DurationSummary | undefined;
    const sb = b.result.metrics[key] as DurationSummary | undefined;
    // Results saved by an older raftsim may lack a metric: compare what both have.
    if (!sa || !sb || (sa.n === 0 && sb.n === 0)) continue;
    if (c.test === 'log-rank') {
      const va = (a.result.samples as unknown as SavedSamples)?.[key] ?? [];
      const vb = (b.result.samples as unknown as SavedSamples)?.[key] ?? [];
      const t = va.length > 0 && vb.length > 0 ? logRank(va, vb) : null;
      const sig = t === null ? null : t.p < alpha;
      rows.push({ ...durationRow(c.label, sa, sb), test: t ? 'log-rank' : 'none', p: t ? round4(t.p) : null, significant: sig, better: sig ? (t!.observedMinusExpectedA > 0 ? 'a' : 'b') : null });
    } else {
      const disjoint = disjointP99(sa, sb);
      rows.push({ ...durationRow(c.label, sa, sb), test: 'quantile intervals', p: null, significant: disjoint, better: disjoint === true ? (upper(sa) < lower(sb) ? 'a' : 'b') : null });
    }
  }
  for (const key of metricsOfKind('perHour')) {
    const c = metric(key).compare;
    if (c === null) continue;
    const ra = rate(a.result, key);
    const rb = rate(b.result, key);
    const p = rateTest(ra.events, ra.hours, rb.events, rb.hours);
    const sig = p < alpha;
    rows.push({
      metric: c.label,
      unit: 'per hour',
      a: valueSide(ra.perHour),
      b: valueSide(rb.perHour),
      difference: round3(rb.perHour - ra.perHour),
      test: 'exact Poisson',
      p: round4(p),
      significant: sig,
      better: sig ? (ra.perHour < rb.perHour ? 'a' : 'b') : null,
    });
  }
  for (const key of metricsOfKind('perTrial')) {
    const c = metric(key).compare;
    if (c === null) continue;
    const x = a.result.metrics[key];
    const y = b.result.metrics[key];
    rows.push({ metric: c.label, unit: 'per trial', a: valueSide(x), b: valueSide(y), difference: round3(y - x), test: 'none', p: null, significant: null, better: null });
  }
  const strip = ({ result: _r, ...s }: Side) => s;
  return { format: 'raftsim-compare/1', a: strip(a), b: strip(b), alpha, differences: configDifferences(a.result.config, b.result.config), rows };
}

/** The leaves of two resolved configurations that differ, in key order. */
export function configDifferences(a: unknown, b: unknown): ConfigDifference[] {
  const fa = collapseNodes(flatten(a, ''));
  const fb = collapseNodes(flatten(b, ''));
  const keys = [...new Set([...fa.keys(), ...fb.keys()])].sort();
  return keys.filter((k) => fa.get(k) !== fb.get(k)).map((k) => ({ key: k, a: fa.get(k) ?? 'absent', b: fb.get(k) ?? 'absent' }));
}

function flatten(v: unknown, path: string, out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(v) && v.length > 0) v.forEach((x, i) => flatten(x, `${path}[${i}]`, out));
  else if (v !== null && typeof v === 'object' && Object.keys(v).length > 0) for (const k of Object.keys(v).sort()) flatten((v as Record<string, unknown>)[k], path === '' ? k : `${path}.${k}`, out);
  else if (path !== '') out.set(path, JSON.stringify(v));
  return out;
}

/** "raft.nodes[0].preVote" … "raft.nodes[4].preVote" → "raft.preVote" when every node has the same value. */
function collapseNodes(flat: Map<string, string>): Map<string, string> {
  const groups = new Map<string, { key: string; values: string[] }>();
  for (const [k, v] of flat) {
    const m = /^(.*?)\.?nodes\[\d+\]\.(.*)$/.exec(k);
    if (!m) continue;
    const key = m[1] === '' ? m[2] : `${m[1]}.${m[2]}`;
    const g = groups.get(key) ?? { key, values: [] };
    g.values.push(v);
    groups.set(key, g);
  }
  const out = new Map([...flat].filter(([k]) => !/nodes\[\d+\]\./.test(k)));
  for (const [k, g] of groups) out.set(k, g.values.every((v) => v === g.values[0]) ? g.values[0] : `per node [${g.values.join(', ')}]`);
  return out;
}

function durationRow(metric: string, a: DurationSummary, b: DurationSummary): Pick<CompareRow, 'metric' | 'unit' | 'a' | 'b' | 'difference'> {
  const side = (s: DurationSummary) => ({ n: s.n, p50: s.p50, p99: s.p99, value: s.p99, p99Ci95: s.quantileCi95?.p99 ?? null, censored: s.censored });
  return { metric, unit: 'ms', a: side(a), b: side(b), difference: a.p99 !== null && b.p99 !== null ? round3(b.p99 - a.p99) : null };
}

function valueSide(v: number | null) {
  return { n: null, p50: null, p99: null, value: v, p99Ci95: null, censored: null };
}

const lower = (s: DurationSummary) => {
  const b = s.quantileCi95?.p99[0];
  return typeof b === 'number' ? b : b === '> horizon' ? Infinity : 0;
};
const upper = (s: DurationSummary) => {
  const b = s.quantileCi95?.p99[1];
  return typeof b === 'number' ? b : Infinity;
};

/** True when the two p99 intervals do not overlap (null without intervals). */
function disjointP99(a: DurationSummary, b: DurationSummary): boolean | null {
  if (!a.quantileCi95 || !b.quantileCi95) return null;
  return upper(a) < lower(b) || upper(b) < lower(a);
}

/** A rate's events and exposure; results saved before its evidence was stored give the count back from the rate. */
function rate(r: ConfigResult, key: MetricOf<'perHour'>): { events: number; hours: number; perHour: number } {
  const s = r.metrics[METRICS[key].evidence];
  if (s) return { events: s.events, hours: s.hours, perHour: s.perHour };
  const hours = r.metrics.measuredHours;
  return { events: Math.round(r.metrics[key] * hours), hours, perHour: r.metrics[key] };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** The comparison as table cells (terminal, CSV and HTML). */
const f = (v: number | null) => (v === null ? '—' : Math.abs(v) >= 100 ? String(Math.round(v * 10) / 10) : String(Math.round(v * 100) / 100));

export function compareCells(c: Comparison, o: { p50?: boolean } = {}): { header: string[]; rows: string[][] } {
  const p50 = o.p50 ?? true;
  const side = (s: Comparison['rows'][number]['a'], unit: string) =>
    unit === 'ms' ? `${p50 ? `${f(s.p50)} · ` : ''}${s.p99 === null ? (s.censored ? '> horizon' : '—') : f(s.p99)}${s.p99Ci95 ? ` ${formatInterval(s.p99Ci95 as [Bound, Bound], (v) => f(v))}` : ''} (${s.n}${s.censored ? `, ${s.censored} cens.` : ''})` : f(s.value);
  const header = ['metric', 'unit', 'A', 'B', 'B − A', 'test', 'p', 'significant'];
  const rows = c.rows.map((r) => [
    r.metric,
    r.unit === 'ms' ? 'ms (p99 diff.)' : r.unit,
    side(r.a, r.unit),
    side(r.b, r.unit),
    f(r.difference),
    r.test,
    r.p === null ? '—' : r.p < 0.0001 ? '< 0.0001' : String(r.p),
    r.significant === null ? '—' : r.significant ? `yes: ${r.better === 'a' ? 'A' : 'B'} better` : 'no',
  ]);
  return { header, rows };
}

