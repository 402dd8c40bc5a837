// The evaluator that runs real trials: each request's scenario comes from the
// tune file (load.ts) and runs through the same executeTrials as run and
// sweep (serially or on worker threads; the results are the same either way).
import { executeTrials } from '../run/execute.js';
import type { TrialSummary } from '../metrics/aggregate.js';
import type { TuneSpec } from './load.js';
import type { Evaluator, Observation, Request } from './types.js';

export interface SimEvaluatorOptions {
  readonly workers?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

export class InterruptedError extends Error {}

export function simEvaluator(spec: TuneSpec, o: SimEvaluatorOptions = {}): Evaluator {
  return async (requests: readonly Request[]): Promise<Observation[]> => {
    const out: Observation[] = new Array(requests.length);
    // executeTrials runs one list of trial indexes for many configurations: group requests by it.
    const groups = new Map<string, number[]>();
    requests.forEach((r, i) => {
      const key = r.trials.join(',');
      groups.set(key, [...(groups.get(key) ?? []), i]);
    });
    const total = requests.reduce((a, r) => a + r.trials.length, 0);
    let before = 0;
    for (const members of groups.values()) {
      const trials = requests[members[0]].trials;
      const { results, interrupted } = await executeTrials(
        members.map((i) => spec.scenario(requests[i].candidate, requests[i].kind)),
        { workers: o.workers, trials, signal: o.signal, onProgress: (done) => o.onProgress?.(before + done, total) },
      );
      if (interrupted || results.some((r) => r === null)) throw new InterruptedError('interrupted');
      members.forEach((i, k) => (out[i] = observe(results[k]!, requests[i].kind !== 'quiet')));
      before += trials.length * members.length;
    }
    return out;
  };
}

export function observe(trials: readonly TrialSummary[], failover: boolean): Observation {
  return {
    failoverUs: failover ? trials.flatMap((t) => t.metrics.faults.map((f) => f.stableUs)) : [],
    spurious: trials.reduce((a, t) => a + t.metrics.spuriousElections, 0),
    hours: trials.reduce((a, t) => a + t.metrics.measuredUs, 0) / 3.6e9,
    violations: trials.filter((t) => t.violation !== null).length,
  };
}
