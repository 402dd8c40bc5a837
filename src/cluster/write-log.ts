// What a trial keeps of every client write once it is done: when it was
// submitted and when (if ever) the client heard it committed. Columns of
// numbers, 16 bytes a write; the retry state of a write lives only while the
// write is pending (workload.ts).
import { Column } from '../sim/column.js';
import type { Micros } from '../sim/time.js';

/** Read access to a trial's writes, in submission order (write id = position + 1). */
export interface WriteSamples {
  readonly length: number;
  submittedAt(i: number): Micros;
  /** When the client heard the write committed; null if never. */
  ackedAt(i: number): Micros | null;
}

export class WriteLog implements WriteSamples {
  private readonly submitted = new Column();
  /** NaN: not acknowledged. */
  private readonly acked = new Column();

  get length(): number {
    return this.submitted.length;
  }

  /** Bytes held by the columns. */
  get byteLength(): number {
    return this.submitted.byteLength + this.acked.byteLength;
  }

  /** Records a new write; returns its id (1-based). */
  add(submittedUs: Micros): number {
    this.submitted.push(submittedUs);
    this.acked.push(NaN);
    return this.submitted.length;
  }

  setAcked(id: number, atUs: Micros): void {
    this.acked.set(id - 1, atUs);
  }

  submittedAt(i: number): Micros {
    return this.submitted.at(i);
  }

  ackedAt(i: number): Micros | null {
    const t = this.acked.at(i);
    return Number.isNaN(t) ? null : t;
  }
}

/** One write as a plain record (tests and hand-built histories). */
export interface WriteSample {
  readonly submittedUs: Micros;
  readonly ackedUs: Micros | null;
}

/** Samples held as plain records, seen through WriteSamples; a WriteSamples passes through. */
export function asWriteSamples(s: WriteSamples | readonly WriteSample[]): WriteSamples {
  if (!Array.isArray(s)) return s as WriteSamples;
  const list = s as readonly WriteSample[];
  return { length: list.length, submittedAt: (i) => list[i].submittedUs, ackedAt: (i) => list[i].ackedUs };
}
