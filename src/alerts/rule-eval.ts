// Alerting rules evaluated as Prometheus (and promtool) do: at 0, interval,
// 2 × interval, … up to the end. Each output sample of the expression is an
// alert instance, labelled with the sample's labels (name dropped), the rule's
// labels and alertname. A new instance is pending from that evaluation; it
// fires at the first evaluation at least `for` after it became active (at once
// when `for` is 0); it is resolved at the first evaluation that no longer
// returns it.
import { Evaluator } from './promql-eval.js';
import { dropName, labelsKey, type Labels, type SeriesStore } from './series.js';
import type { AlertRule } from './rules-file.js';

export interface AlertInstance {
  readonly labels: Labels;
  readonly activeAtMs: number;
  /** The evaluation at which it fired; null: it never left pending. */
  firedAtMs: number | null;
  /** The first evaluation without it; null: still active at the end. */
  endMs: number | null;
}

export interface RuleOutcome {
  readonly rule: AlertRule;
  /** Every instance, in order of activation (then of labels). */
  readonly instances: readonly AlertInstance[];
}

export function evaluationTimesMs(endMs: number, intervalMs: number): number[] {
  const out: number[] = [];
  for (let t = 0; t <= endMs; t += intervalMs) out.push(t);
  return out;
}

export function alertLabels(rule: AlertRule, sample: Labels): Labels {
  return { ...dropName(sample), ...rule.labels, alertname: rule.name };
}

export function evaluateRules(rules: readonly AlertRule[], store: SeriesStore, endMs: number, intervalMs: number): RuleOutcome[] {
  const ev = new Evaluator(store);
  const times = evaluationTimesMs(endMs, intervalMs);
  return rules.map((rule) => {
    const instances: AlertInstance[] = [];
    let active = new Map<string, AlertInstance>();
    for (const t of times) {
      const v = ev.eval(rule.expr, t);
      if (v.type !== 'vector') throw new Error('an alert expression gave a number (the rules reader refuses these)');
      const next = new Map<string, AlertInstance>();
      const fresh: [string, AlertInstance][] = [];
      for (const s of v.samples) {
        const labels = alertLabels(rule, s.labels);
        const key = labelsKey(labels);
        if (next.has(key)) continue; // Prometheus refuses duplicate alert label sets; the first is kept here
        const a = active.get(key) ?? { labels, activeAtMs: t, firedAtMs: null, endMs: null };
        if (!active.has(key)) fresh.push([key, a]);
        if (a.firedAtMs === null && t - a.activeAtMs >= rule.forMs) a.firedAtMs = t;
        next.set(key, a);
      }
      for (const [key, a] of active) if (!next.has(key)) a.endMs = t;
      fresh.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
      for (const [, a] of fresh) instances.push(a);
      active = next;
    }
    return { rule, instances };
  });
}

/** The labels of the instances firing at evaluation time tMs. */
export function firingAt(o: RuleOutcome, tMs: number): Labels[] {
  return o.instances.filter((a) => a.firedAtMs !== null && a.firedAtMs <= tMs && (a.endMs === null || a.endMs > tMs)).map((a) => a.labels);
}

/** Pages: stretches in which at least one instance of the rule fires ([startMs, endMs), endMs null: to the end). */
export function pagesOf(o: RuleOutcome): { startMs: number; endMs: number | null }[] {
  const spans = o.instances
    .filter((a) => a.firedAtMs !== null)
    .map((a) => ({ startMs: a.firedAtMs!, endMs: a.endMs }))
    .sort((a, b) => a.startMs - b.startMs);
  const out: { startMs: number; endMs: number | null }[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && (last.endMs === null || s.startMs <= last.endMs)) {
      if (last.endMs !== null) last.endMs = s.endMs === null ? null : Math.max(last.endMs, s.endMs);
    } else out.push({ ...s });
  }
  return out;
}

/** The value of the expression's sample that makes the alert with these labels, at tMs (NaN when none): {{ $value }}. */
export function alertValue(store: SeriesStore, rule: AlertRule, labels: Labels, tMs: number): number {
  const v = new Evaluator(store).eval(rule.expr, tMs);
  if (v.type !== 'vector') return NaN;
  const key = labelsKey(labels);
  return v.samples.find((s) => labelsKey(alertLabels(rule, s.labels)) === key)?.v ?? NaN;
}
