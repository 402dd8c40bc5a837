// Runs batches of trials on worker threads (piscina) or in this thread, the one
// mechanism behind `run`/`sweep`/`check` (execute.ts) and `raftsim alerts`.
// Workers need compiled JS: from TypeScript sources (tests), with one worker or
// one batch, everything runs in this thread. One batch is in flight per worker;
// after an abort no new batch starts and running ones finish. Callers put the
// results back in order, so where a batch ran never changes the output.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BatchRunner<B, R> {
  /** The compiled worker module and the function it exports; each batch is its argument. */
  readonly workerUrl: URL;
  readonly exportName: string;
  /** The same function, run in this thread. */
  readonly local: (batch: B) => Promise<R>;
  readonly workers: number;
  readonly signal?: AbortSignal;
  readonly onStart?: (index: number) => void;
  readonly onDone: (index: number, result: R) => void;
}

export async function runBatches<B, R>(batches: readonly B[], o: BatchRunner<B, R>): Promise<void> {
  const workerFile = fileURLToPath(o.workerUrl);
  if (o.workers === 1 || !existsSync(workerFile) || batches.length === 1) {
    for (const [i, b] of batches.entries()) {
      if (o.signal?.aborted) break;
      o.onStart?.(i);
      o.onDone(i, await o.local(b));
      await new Promise((r) => setImmediate(r)); // lets SIGINT and progress through
    }
    return;
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename: workerFile, name: o.exportName, maxThreads: o.workers, minThreads: Math.min(o.workers, 2) });
  try {
    let next = 0;
    const lane = async () => {
      while (next < batches.length && !o.signal?.aborted) {
        const i = next++;
        o.onStart?.(i);
        o.onDone(i, (await pool.run(batches[i])) as R);
      }
    };
    await Promise.all(Array.from({ length: o.workers }, lane));
  } finally {
    await pool.destroy();
  }
}
