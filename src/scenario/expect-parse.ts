// `expect` entries: metric → "<op> <number>", or "ok" for safety.
import { parseDuration } from '../format/duration.js';
import { ALERTS_METRIC, SAFETY_METRIC, alertLabel, expectableMetrics } from '../metrics/metric-names.js';
import { nearest } from './suggest.js';

export type ExpectOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

export interface Expectation {
  readonly metric: string;
  readonly op: ExpectOp;
  readonly value: number | string;
}

export type ExpectResult =
  | { readonly ok: true; readonly expectation: Expectation }
  | { readonly ok: false; readonly on: 'key' | 'value'; readonly message: string; readonly suggestion?: string; readonly expected?: string };

const COMPARISON = /^\s*(<=|>=|==|!=|<|>)\s*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\s*$/;

/** Validates one entry; alert metrics may name their threshold in any unit ("60s" for "1min"). */
export function parseExpectation(metric: string, text: string, alertThresholdsUs: readonly number[]): ExpectResult {
  const canonical = canonicalMetric(metric, alertThresholdsUs);
  if (canonical === undefined) {
    const names = expectableMetrics(alertThresholdsUs);
    return { ok: false, on: 'key', message: `unknown metric "${metric}"`, suggestion: nearest(metric, names), expected: 'a metric such as "timeToLeaderMs.p99", "spuriousElectionsPerHour" or "safety"' };
  }
  if (canonical === SAFETY_METRIC) {
    return /^\s*(==\s*)?ok\s*$/.test(text)
      ? { ok: true, expectation: { metric: canonical, op: '==', value: 'ok' } }
      : { ok: false, on: 'value', message: `safety can only be expected to be "ok", got ${JSON.stringify(text)}`, expected: '"ok"' };
  }
  const m = COMPARISON.exec(text);
  if (m === null) {
    return { ok: false, on: 'value', message: `${JSON.stringify(text)} is not a comparison; write e.g. "< 1000"`, expected: '"<op> <number>" with op one of <, <=, >, >=, ==, !=' };
  }
  const bound = Number(m[2]);
  if (!Number.isFinite(bound)) {
    return { ok: false, on: 'value', message: `${m[2]} is not a finite number (a bound of infinity would always pass or always fail)`, expected: 'a finite number' };
  }
  return { ok: true, expectation: { metric: canonical, op: m[1] as ExpectOp, value: bound } };
}

function canonicalMetric(metric: string, alertThresholdsUs: readonly number[]): string | undefined {
  if (expectableMetrics(alertThresholdsUs).includes(metric)) return metric;
  const prefix = `${ALERTS_METRIC}.`;
  if (!metric.startsWith(prefix)) return undefined;
  const d = parseDuration(metric.slice(prefix.length));
  if (!d.ok || !alertThresholdsUs.includes(d.us)) return undefined;
  return `${prefix}${alertLabel(d.us)}`;
}
