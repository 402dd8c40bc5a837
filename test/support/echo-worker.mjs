// A worker module for test/run/batches.test.ts: says where a batch ran.
import { threadId } from 'node:worker_threads';

export function where(batch) {
  return { batch, thread: threadId };
}
