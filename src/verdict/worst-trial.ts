// Which trial to replay for a failed expectation: the one that contributed the
// worst value in the direction the expectation failed — the largest time to
// leader for "timeToLeaderMs.p99 < 1000" (a trial that never got one counts as
// largest), the lowest availability for "writeAvailability > 0.99". Its replay
// command reproduces that value exactly.
import type { TrialSummary } from '../metrics/aggregate.js';
import { METRICS, metric, trialValues, type MetricName } from '../metrics/table.js';
import type { TrialMetrics } from '../metrics/derive.js';
import type { ExpectationResult } from './expect.js';
import { ALERTS_METRIC, SAFETY_METRIC, alertLabel } from '../metrics/metric-names.js';

/** Per trial, the samples behind a metric (µs, counts, per hour or 0–1; null = censored, sorts as +∞). */
type Samples = (m: TrialMetrics) => readonly (number | null)[];

function samplesFor(name: string, alertThresholdsUs: readonly number[]): Samples | null {
  const dot = name.indexOf('.');
  const head = dot < 0 ? name : name.slice(0, dot);
  const field = dot < 0 ? '' : name.slice(dot + 1);
  if (head === ALERTS_METRIC) {
    const i = alertThresholdsUs.findIndex((t) => alertLabel(t) === field);
    return i < 0 ? null : (m) => [m.alertsFired[i]];
  }
  if (!Object.hasOwn(METRICS, head)) return null;
  const e = metric(head as MetricName);
  const values: Samples = (m) => trialValues(e, m);
  if (e.kind !== 'duration') return values;
  if (field === 'n') return (m) => [values(m).length];
  if (field === 'censored') return (m) => [values(m).filter((x) => x === null).length];
  return values;
}

/** Did the expectation fail because the value is too high (true) or too low (false)? */
function failedHigh(e: ExpectationResult): boolean {
  if (e.op === '>' || e.op === '>=') return false;
  if (e.op === '==' && typeof e.actual === 'number' && typeof e.bound === 'number') return e.actual > e.bound;
  return true;
}

/** The trial to replay for a failed expectation; null when no single trial stands out (no samples). */
export function worstTrial(e: ExpectationResult, trials: readonly TrialSummary[], alertThresholdsUs: readonly number[]): number | null {
  if (e.metric === SAFETY_METRIC) return trials.find((t) => t.violation !== null)?.trial ?? null;
  const samples = samplesFor(e.metric, alertThresholdsUs);
  if (samples === null) return null;
  const high = failedHigh(e);
  const key = (x: number | null) => (x === null ? Infinity : x);
  let best: { trial: number; v: number } | null = null;
  for (const t of trials) {
    for (const x of samples(t.metrics)) {
      const v = key(x);
      if (best === null || (high ? v > best.v : v < best.v)) best = { trial: t.trial, v };
    }
  }
  return best?.trial ?? null;
}
