// The evaluator that runs real trials: each request's scenario comes from the
// tune file (load.ts) and runs through the same executeTrials as run and
// sweep (serially or on worker threads; the results are the same either way).
// Every finished trial goes into a TrialCache first, and a request is answered
// from it: only trials the cache lacks run, so a resumed tune (its cache loaded
// from the partial file) repeats no finished trial.
import { executeTrials } from '../run/execute.js';
import type { TuneSpec } from './load.js';
import { TrialCache, type TuneTrial } from './trial-cache.js';
import type { Evaluator, Observation, Request } from './types.js';

export interface SimEvaluatorOptions {
  readonly workers?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  /** Where finished trials are kept across calls (the CLI's, loaded from the partial file on --resume); default: one per call, kept by nobody. */
  readonly cache?: TrialCache;
  /** After each batch of trials has gone into the cache (the CLI checkpoints here). */
  readonly onTrials?: () => void;
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
    const cache = o.cache ?? new TrialCache();
    const total = requests.reduce((a, r) => a + r.trials.length, 0);
    let before = 0;
    for (const members of groups.values()) {
      const trials = requests[members[0]].trials;
      const configs = members.map((i) => spec.scenario(requests[i].candidate, requests[i].kind));
      const keys = configs.map((c) => cache.key(c));
      const need = keys.map((k) => cache.missing(k, trials));
      const held = trials.length * members.length - need.reduce((a, n) => a + n.length, 0);
      const { interrupted } = await executeTrials(configs, {
        workers: o.workers,
        trialsOf: (c) => need[c],
        signal: o.signal,
        onProgress: (done) => o.onProgress?.(before + held + done, total),
        onBatch: (c, summaries) => {
          cache.add(keys[c], summaries);
          o.onTrials?.();
        },
      });
      if (interrupted) throw new InterruptedError('interrupted');
      members.forEach((i, k) => (out[i] = observe(cache.take(keys[k], trials), requests[i].kind !== 'quiet')));
      before += trials.length * members.length;
    }
    return out;
  };
}

export function observe(trials: readonly TuneTrial[], failover: boolean): Observation {
  return {
    failoverUs: failover ? trials.flatMap((t) => t.stableUs) : [],
    spurious: trials.reduce((a, t) => a + t.spuriousElections, 0),
    hours: trials.reduce((a, t) => a + t.measuredUs, 0) / 3.6e9,
    violations: trials.filter((t) => t.violated).length,
  };
}
