// Runs batches of trials on worker threads (piscina) or in this thread, the one
// mechanism behind `run`/`sweep`/`check` (execute.ts) and `raftsim alerts`.
// Workers need compiled JS: from TypeScript sources (tests), with one worker or
// one batch, everything runs in this thread. One batch is in flight per worker;
// after an abort no new batch starts and running ones finish. Callers put the
// results back in order, so where a batch ran never changes the output.
//
// The pool outlives a call: a fresh worker thread runs its first ~2,000 small
// trials several times slower than a warm one (V8 compiles the hot path per
// isolate, about a CPU-second), so `tune` rounds, check's configurations and the
// bench's rows reuse the warm threads of the previous call. Idle piscina workers
// are unref'd, so a kept pool never holds the process open. For the same reason a
// caller may ask for the automatic mode (worthStartingPool): without a warm pool,
// the first batch runs here and tells whether the rest pays for fresh threads.
//
// Results come back in whatever form the worker export returns (fromWorker turns
// it into a result): trial summaries travel as one JSON string, which the main
// thread decodes ~2.5x faster than a structured clone of every object.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Piscina as PiscinaPool } from 'piscina';

export interface BatchRunner<B, R> {
  /** The compiled worker module and the function it exports; each batch is its argument. */
  readonly workerUrl: URL;
  readonly exportName: string;
  /** Turns what the worker export returned into a result (default: as it came). */
  readonly fromWorker?: (raw: unknown) => R;
  /** The same function, run in this thread. */
  readonly local: (batch: B) => Promise<R>;
  readonly workers: number;
  readonly signal?: AbortSignal;
  readonly onStart?: (index: number) => void;
  readonly onDone: (index: number, result: R) => void;
  /**
   * Automatic mode: when set and no warm pool of this size exists yet, the first batch
   * runs in this thread and the pool starts only if this says the remaining batches are
   * worth it (fresh threads cost start-up and per-thread JIT warm-up; see above).
   */
  readonly worthStartingPool?: (first: R, remainingBatches: number) => boolean;
  /** Told once how many threads run the batches (1: this thread only), as soon as that is decided. */
  readonly onThreads?: (threads: number) => void;
}

export async function runBatches<B, R>(batches: readonly B[], o: BatchRunner<B, R>): Promise<void> {
  const workerFile = fileURLToPath(o.workerUrl);
  if (o.workers === 1 || !existsSync(workerFile) || batches.length <= 1) {
    o.onThreads?.(1);
    await runHere(batches, 0, o);
    return;
  }
  let start = 0;
  if (o.worthStartingPool !== undefined && !pools.has(poolKey(workerFile, o.exportName, o.workers))) {
    if (o.signal?.aborted) return;
    o.onStart?.(0);
    const first = await o.local(batches[0]);
    o.onDone(0, first);
    await nextTurn();
    start = 1;
    if (o.signal?.aborted) return; // interrupted during the first batch: no pool for nothing
    if (!o.worthStartingPool(first, batches.length - 1)) {
      o.onThreads?.(1);
      await runHere(batches, 1, o);
      return;
    }
  }
  o.onThreads?.(o.workers);
  const pool = await sharedPool(workerFile, o.exportName, o.workers);
  let next = start;
  let failed = false; // after a batch fails no new one starts (the kept pool is not torn down to stop them)
  const lane = async () => {
    while (next < batches.length && !o.signal?.aborted && !failed) {
      const i = next++;
      o.onStart?.(i);
      let result: R;
      try {
        const raw: unknown = await pool.run(batches[i]);
        result = o.fromWorker === undefined ? (raw as R) : o.fromWorker(raw);
      } catch (e) {
        failed = true;
        throw e;
      }
      // Once a batch failed the call has failed: batches still running report nothing (no checkpoint after the error).
      if (!failed) o.onDone(i, result);
    }
  };
  await Promise.all(Array.from({ length: o.workers }, lane));
}

/** Runs the batches from `from` on in this thread. */
async function runHere<B, R>(batches: readonly B[], from: number, o: BatchRunner<B, R>): Promise<void> {
  for (let i = from; i < batches.length; i++) {
    if (o.signal?.aborted) break;
    o.onStart?.(i);
    o.onDone(i, await o.local(batches[i]));
    await nextTurn();
  }
}

/** Lets SIGINT and progress through between batches run in this thread. */
function nextTurn(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

function poolKey(filename: string, name: string, threads: number): string {
  return `${filename}#${name}#${threads}`;
}

/**
 * The kept pools, one per worker module, export and thread count. A pool is never destroyed, so
 * runs in one process at the same time (runCli, the API) never stop each other's batches; the
 * promise is kept before the first await, so callers at the same time share one pool.
 */
const pools = new Map<string, Promise<PiscinaPool>>();

function sharedPool(filename: string, name: string, threads: number): Promise<PiscinaPool> {
  const key = poolKey(filename, name, threads);
  let pool = pools.get(key);
  if (pool === undefined) {
    // minThreads = maxThreads and no idle timeout: the warm threads stay for the next call.
    pool = import('piscina').then(({ Piscina }) => new Piscina({ filename, name, maxThreads: threads, minThreads: threads, idleTimeout: Infinity }));
    pools.set(key, pool);
  }
  return pool;
}
