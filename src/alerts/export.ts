// A trial's scraped series, written for Prometheus tools:
//   - OpenMetrics text with timestamps (seconds from the trial's start), one family
//     per metric name, counters as <family>_total; staleness markers have no
//     OpenMetrics form and are left out (the gap shows the failed scrapes, and `up`
//     says so). `promtool tsdb create-blocks-from openmetrics` reads it.
//   - a `promtool test rules` file: every series as input_series on a 1 s grid in
//     promtool's expanding notation ("1+0x4" five 1s, "_x14" fourteen missing, "stale"),
//     and, for every rule at every evaluation time, the alerts the built-in evaluator
//     says fire (labels and rendered annotations), so promtool passes exactly when
//     Prometheus's own engine agrees.
import { stringify } from 'yaml';
import { firstAtOrAfter, isStale, type Labels, type Series, type SeriesStore } from './series.js';
import { evaluationTimesMs, firingAt, type RuleOutcome } from './rule-eval.js';

const GRID_MS = 1000;

function selectorText(labels: Labels): string {
  const name = labels.__name__ ?? '';
  const rest = Object.keys(labels)
    .filter((k) => k !== '__name__')
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`);
  return `${name}{${rest.join(',')}}`;
}

function num(v: number): string {
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

export function openMetricsText(store: SeriesStore): string {
  const families = new Map<string, Series[]>();
  for (const s of store.all) {
    const name = s.labels.__name__ ?? '';
    const list = families.get(name);
    if (list === undefined) families.set(name, [s]);
    else list.push(s);
  }
  const out: string[] = [];
  for (const name of [...families.keys()].sort()) {
    const counter = name.endsWith('_total');
    out.push(`# TYPE ${counter ? name.slice(0, -'_total'.length) : name} ${counter ? 'counter' : 'gauge'}`);
    for (const s of families.get(name)!) {
      const sel = selectorText(s.labels);
      for (let i = 0; i < s.tMs.length; i++) if (!isStale(s.v[i])) out.push(`${sel} ${num(s.v[i])} ${(s.tMs[i] / 1000).toFixed(3)}`);
    }
  }
  out.push('# EOF');
  return `${out.join('\n')}\n`;
}

/** One series on the 1 s grid from 0 to its last sample, in expanding notation. */
export function seriesValues(s: Series): string {
  const tokens: string[] = [];
  let step = 0;
  for (let i = 0; i < s.tMs.length; i++) {
    if (s.tMs[i] % GRID_MS !== 0) throw new Error(`sample at ${s.tMs[i]} ms is off the ${GRID_MS} ms grid`);
    const at = s.tMs[i] / GRID_MS;
    for (; step < at; step++) tokens.push('_');
    tokens.push(isStale(s.v[i]) ? 'stale' : num(s.v[i]));
    step = at + 1;
  }
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i + 1;
    while (j < tokens.length && tokens[j] === tokens[i]) j++;
    const k = j - i;
    const t = tokens[i];
    if (k === 1 || t === 'stale') out.push(...tokens.slice(i, j));
    else out.push(t === '_' ? `_x${k}` : `${t}+0x${k - 1}`);
    i = j;
  }
  return out.join(' ');
}

/** Go's fmt %v of a float64, as Prometheus templates print $value. */
export function goFloat(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e21)) {
    const [m, e] = v.toExponential().split('e');
    const exp = Number(e);
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(v);
}

/** Renders {{ $labels.x }}, {{ .Labels.x }}, {{ $value }}, {{ .Value }}; null when the template uses anything else. */
export function renderTemplate(text: string, labels: Labels, value: number): string | null {
  let ok = true;
  const out = text.replace(/\{\{-?\s*([^}]*?)\s*-?\}\}/g, (_m, body: string) => {
    const l = /^(?:\$labels|\.Labels)\.([a-zA-Z_][a-zA-Z0-9_]*)$/.exec(body);
    if (l !== null) return labels[l[1]] ?? '<no value>';
    if (body === '$value' || body === '.Value') return goFloat(value);
    ok = false;
    return '';
  });
  return ok ? out : null;
}

export interface PromtoolTestOptions {
  /** The rules file name as the test file refers to it (relative to the test file). */
  readonly ruleFile: string;
  readonly store: SeriesStore;
  readonly outcomes: readonly RuleOutcome[];
  readonly evaluationIntervalMs: number;
  readonly endMs: number;
  /** The value each firing alert had (for {{ $value }}); default: none (templates using it are refused). */
  readonly valueOf?: (rule: RuleOutcome, labels: Labels, tMs: number) => number | null;
}

/** The test file's text; throws an Error naming the annotation when a template cannot be rendered. */
export function promtoolTestFile(o: PromtoolTestOptions): string {
  const series = o.store.all.filter((s) => s.tMs.length > 0 && s.tMs[0] <= o.endMs);
  const input = series.map((s) => {
    const upTo = firstAtOrAfter(s, o.endMs + 1);
    const clipped: Series = { labels: s.labels, tMs: s.tMs.slice(0, upTo), v: s.v.slice(0, upTo) };
    return { series: selectorText(s.labels), values: seriesValues(clipped) };
  });
  const tests: unknown[] = [];
  for (const t of evaluationTimesMs(o.endMs, o.evaluationIntervalMs)) {
    for (const r of o.outcomes) {
      const exp = firingAt(r, t).map((labels) => {
        const { alertname: _, ...rest } = labels;
        const annotations: Record<string, string> = {};
        for (const [k, text] of Object.entries(r.rule.annotations)) {
          const value = o.valueOf?.(r, labels, t) ?? NaN;
          const rendered = renderTemplate(text, labels, value);
          if (rendered === null || (Number.isNaN(value) && /\$value|\.Value/.test(text))) {
            throw new Error(`annotation ${JSON.stringify(k)} of ${r.rule.name} uses a template the exporter cannot render (only {{ $labels.x }} and {{ $value }})`);
          }
          annotations[k] = rendered;
        }
        return { exp_labels: rest, ...(Object.keys(annotations).length > 0 ? { exp_annotations: annotations } : {}) };
      });
      tests.push({ eval_time: `${t / 1000}s`, alertname: r.rule.name, exp_alerts: exp });
    }
  }
  const doc = {
    rule_files: [o.ruleFile],
    evaluation_interval: `${o.evaluationIntervalMs / 1000}s`,
    tests: [{ interval: `${GRID_MS / 1000}s`, input_series: input, alert_rule_test: tests }],
  };
  return stringify(doc, { lineWidth: 0 });
}
