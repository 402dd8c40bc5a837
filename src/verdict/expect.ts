// Evaluates a scenario's `expect` clauses against aggregated metrics.
// A quantile or max that is null lies beyond the horizon (censored trials), so
// it compares as larger than any bound; any other null was not measured (e.g.
// write availability without a workload) and fails the expectation.
import type { Metrics } from '../metrics/aggregate.js';
import type { ResolvedScenario } from '../scenario/types.js';

export interface ExpectationResult {
  readonly metric: string;
  readonly op: ResolvedScenario['expect'][number]['op'];
  readonly bound: number | string;
  /** The measured value; null when there is none (see above). */
  readonly actual: number | string | null;
  readonly pass: boolean;
}

/** "timeToLeaderMs.p99" → metrics.timeToLeaderMs.p99; "alertsFiredPerTrial.30s" → metrics.alertsFiredPerTrial["30s"]. */
export function metricValue(metrics: Metrics, name: string): number | string | null {
  const dot = name.indexOf('.');
  const head = dot < 0 ? name : name.slice(0, dot);
  let v: unknown = (metrics as unknown as Record<string, unknown>)[head];
  if (dot >= 0) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[name.slice(dot + 1)] : undefined;
  return typeof v === 'number' || typeof v === 'string' ? v : null;
}

export function evaluateExpectations(expect: ResolvedScenario['expect'], metrics: Metrics): ExpectationResult[] {
  return expect.map((e) => {
    const actual = metricValue(metrics, e.metric);
    const beyondHorizon = actual === null && /\.(p50|p90|p99|max)$/.test(e.metric);
    const pass = beyondHorizon ? compare(Infinity, e.op, e.value) : actual !== null && compare(actual, e.op, e.value);
    return { metric: e.metric, op: e.op, bound: e.value, actual, pass };
  });
}

function compare(a: number | string, op: ExpectationResult['op'], b: number | string): boolean {
  if (typeof a === 'string' || typeof b === 'string') return op === '!=' ? String(a) !== String(b) : op === '==' && String(a) === String(b);
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
    case '==': return a === b;
    case '!=': return a !== b;
  }
}
