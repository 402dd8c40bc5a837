// Runs the trials of one or more configurations, serially or on worker
// threads (piscina). Results are put back in (configuration, trial) order, so
// the output is byte-identical whichever way it ran. When interrupted
// (the signal aborts), configurations whose trials all finished are kept.
import { availableParallelism } from 'node:os';
import { runBatch, type TrialBatch } from './worker.js';
import { runBatches } from './batches.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { TrialSummary } from '../metrics/aggregate.js';
import { range } from 'd3-array';

export interface ExecuteOptions {
  /**
   * Worker threads; 1 runs in this thread. Default: automatic, up to the number of
   * cores: the first batch runs in this thread, and threads start only when the
   * rest is worth their start-up and warm-up (worthThreads), or are already warm.
   */
  readonly workers?: number;
  /** Only these trial indexes (default 0..trials-1). */
  readonly trials?: readonly number[];
  /** Only these trial indexes of configuration c (shards, resumed runs); overrides `trials`. */
  readonly trialsOf?: (config: number) => readonly number[];
  /** Called as each batch finishes (checkpoints of interrupted work). */
  readonly onBatch?: (config: number, summaries: readonly TrialSummary[]) => void;
  /** After each batch: trials done of all, and the configuration the batch belonged to. */
  readonly onProgress?: (done: number, total: number, config: number) => void;
  /** A batch of configuration `config`'s trials is about to start (progress labels, wall-clock timing in the CLI). */
  readonly onBatchStart?: (config: number) => void;
  /** How many threads run the trials (1: this thread), once decided (automatic workers decide after the first batch). */
  readonly onThreads?: (threads: number) => void;
  readonly signal?: AbortSignal;
}

export interface ExecuteResult {
  /** Per configuration, its trial summaries in trial order; null when interrupted before it completed. */
  readonly results: (TrialSummary[] | null)[];
  /** Per configuration, every trial that finished, in trial order (complete or not). */
  readonly finished: TrialSummary[][];
  readonly interrupted: boolean;
}

/** A worker-thread count callers may ask for: a whole number from 1 to 256. */
export function isWorkerCount(workers: number): boolean {
  return Number.isInteger(workers) && workers >= 1 && workers <= 256;
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export async function executeTrials(configs: readonly ResolvedScenario[], opts: ExecuteOptions = {}): Promise<ExecuteResult> {
  const workers = Math.max(1, opts.workers ?? defaultWorkers());
  const automatic = opts.workers === undefined;
  const wanted = (c: number): readonly number[] => opts.trialsOf?.(c) ?? opts.trials ?? range(configs[c].trials);
  const batches = planBatches(configs, wanted, workers);
  const total = batches.reduce((a, b) => a + b.trials.length, 0);
  const out: (TrialSummary | undefined)[][] = configs.map(() => []);
  let done = 0;
  const record = (config: number, summaries: TrialSummary[]) => {
    for (const s of summaries) out[config][s.trial] = s;
    done += summaries.length;
    opts.onBatch?.(config, summaries);
    opts.onProgress?.(done, total, config);
  };
  await runBatches<TrialBatch, TrialSummary[]>(batches.map((b) => ({ scenario: configs[b.config], trials: b.trials })), {
    workerUrl: new URL('./worker.js', import.meta.url),
    exportName: 'runBatchJson',
    fromWorker: (json) => JSON.parse(json as string) as TrialSummary[],
    local: runBatch,
    workers,
    signal: opts.signal,
    onStart: (i) => opts.onBatchStart?.(batches[i].config),
    onDone: (i, summaries) => record(batches[i].config, summaries),
    onThreads: opts.onThreads,
    worthStartingPool: automatic ? (first, remainingBatches) => worthThreads(first, total - first.length, Math.min(workers, remainingBatches)) : undefined,
  });
  const results = out.map((trials, c) => {
    const list = wanted(c).map((t) => trials[t]);
    return list.every((x) => x !== undefined) ? (list as TrialSummary[]) : null;
  });
  const finished = out.map((trials) => trials.filter((x): x is TrialSummary => x !== undefined));
  return { results, finished, interrupted: opts.signal?.aborted === true };
}

/**
 * Simulated events a fresh pool must save to pay for itself. Starting threads costs
 * about a second of wall time on the 2-core development machine (module loading, then
 * V8 compiling the hot path again in every thread, slowed by the threads competing for
 * the cores the compiler and GC threads would use); a run saves (1 − 1/threads) of its
 * serial time, at ~2.5M events a second. The measurements behind it are in
 * docs/scale-out.md. The rule counts cores, not load: on a busy machine the pool can
 * cost more than it saves (`--workers 1` then).
 */
const POOL_START_EVENTS = 2_500_000;

/**
 * Automatic workers: are the trials left after the first batch (at the first batch's events
 * per trial) worth starting threads, of which `threads` can be busy at once?
 */
export function worthThreads(first: readonly TrialSummary[], remainingTrials: number, threads: number): boolean {
  const eventsPerTrial = first.reduce((a, s) => a + s.events, 0) / Math.max(1, first.length);
  return eventsPerTrial * remainingTrials * (1 - 1 / Math.max(1, threads)) > POOL_START_EVENTS;
}

interface Batch {
  readonly config: number;
  readonly trials: number[];
}

function planBatches(configs: readonly ResolvedScenario[], wanted: (config: number) => readonly number[], workers: number): Batch[] {
  const batches: Batch[] = [];
  configs.forEach((_c, config) => {
    const trials = [...wanted(config)];
    // Small batches keep all cores busy to the end; large enough to amortise messaging.
    const size = Math.max(1, Math.min(32, Math.ceil(trials.length / (workers * 4))));
    for (let i = 0; i < trials.length; i += size) batches.push({ config, trials: trials.slice(i, i + size) });
  });
  return batches;
}

