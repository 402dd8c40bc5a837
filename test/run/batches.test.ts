// runBatches' automatic mode: the first batch runs in this thread, and worker threads
// start only when worthStartingPool says the rest is worth it. The worker here is a
// plain .mjs module, so piscina can load it when the suite runs from TypeScript.
import { describe, expect, it } from 'vitest';
import { threadId } from 'node:worker_threads';
import { runBatches } from '../../src/run/batches.js';
import { worthThreads } from '../../src/run/execute.js';
import type { TrialSummary } from '../../src/metrics/aggregate.js';

interface Where {
  readonly batch: number;
  readonly thread: number;
}

async function threadsUsed(batches: number, workers: number, worth?: (first: Where, remaining: number) => boolean): Promise<{ threads: number[]; asked: number[]; told: number[] }> {
  const threads: number[] = new Array(batches);
  const asked: number[] = [];
  const told: number[] = [];
  await runBatches<number, Where>(
    Array.from({ length: batches }, (_, i) => i),
    {
      workerUrl: new URL('../support/echo-worker.mjs', import.meta.url),
      exportName: 'where',
      local: async (batch) => ({ batch, thread: threadId }),
      workers,
      onDone: (i, r) => (threads[i] = r.thread),
      onThreads: (n) => told.push(n),
      worthStartingPool:
        worth === undefined
          ? undefined
          : (first, remaining) => {
              asked.push(first.batch, remaining);
              return worth(first, remaining);
            },
    },
  );
  return { threads, asked, told };
}

describe('automatic workers', () => {
  it('runs everything in this thread when the rest is not worth a pool, asking once after the first batch', async () => {
    const r = await threadsUsed(6, 3, () => false);
    expect(r.asked).toEqual([0, 5]);
    expect(r.threads).toEqual(new Array(6).fill(threadId));
    expect(r.told).toEqual([1]);
  });

  it('hands the rest to worker threads when it is worth it; the first batch stays here', async () => {
    const r = await threadsUsed(6, 2, () => true);
    expect(r.threads[0]).toBe(threadId);
    expect(r.threads.slice(1).every((t) => t !== threadId)).toBe(true);
    expect(r.told).toEqual([2]);
  });

  it('uses a warm pool of that size without asking', async () => {
    await threadsUsed(4, 4); // starts a 4-thread pool (no automatic mode)
    const r = await threadsUsed(4, 4, () => false);
    expect(r.asked).toEqual([]);
    expect(r.threads.every((t) => t !== threadId)).toBe(true);
  });

  it('decides from simulated events: the remaining work times the share other threads take, against the start-up cost', () => {
    const batch = (events: number) => Array.from({ length: 32 }, (_, trial) => ({ trial, events }) as unknown as TrialSummary);
    // 4,000 etcd-equivalent trials (~640 events each) on 2 threads: 2.5M events left, half taken by the other thread.
    expect(worthThreads(batch(640), 3968, 2)).toBe(false);
    // 16,000 of them: 10M events left.
    expect(worthThreads(batch(640), 15968, 2)).toBe(true);
    // The same 4,000 on 8 threads: the others would take 7/8 of 2.5M events, still short of the cost.
    expect(worthThreads(batch(640), 3968, 8)).toBe(false);
    expect(worthThreads(batch(8_200), 968, 2)).toBe(true); // 1,000 leader-crash trials
    // One batch left can keep only one thread busy: nothing to gain, however big it is.
    expect(worthThreads(batch(8_200), 32, 1)).toBe(false);
  });

  it('an abort during the first batch starts no pool; an abort before it runs nothing; no batches, nothing', async () => {
    const ac = new AbortController();
    const ran: number[] = [];
    const told: number[] = [];
    let asked = false;
    const runner = (signal: AbortSignal) => ({
      workerUrl: new URL('../support/echo-worker.mjs', import.meta.url),
      exportName: 'where',
      local: async (batch: number) => {
        ran.push(batch);
        ac.abort(); // the signal arrives while the first batch runs
        return { batch, thread: threadId };
      },
      workers: 3,
      signal,
      onDone: () => {},
      onThreads: (n: number) => told.push(n),
      worthStartingPool: () => (asked = true),
    });
    await runBatches<number, Where>([0, 1, 2, 3], runner(ac.signal));
    expect(ran).toEqual([0]);
    expect(asked).toBe(false);
    expect(told).toEqual([]);
    await runBatches<number, Where>([0, 1], runner(AbortSignal.abort()));
    expect(ran).toEqual([0]);
    await runBatches<number, Where>([], runner(new AbortController().signal));
    expect(ran).toEqual([0]);
  });
});
