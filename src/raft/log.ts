// The in-memory Raft log: 1-based entries in a plain array (entry i lives at
// entries[i - 1]), so index arithmetic never allocates and truncation is a
// length assignment. Entries are immutable records and may be shared with
// messages and with other nodes' logs.

import type { Entry } from './types.js';

export class RaftLog {
  private readonly entries: Entry[];

  constructor(initial: readonly Entry[] = []) {
    this.entries = initial.slice();
  }

  get lastIndex(): number {
    return this.entries.length;
  }

  get lastTerm(): number {
    const n = this.entries.length;
    return n === 0 ? 0 : this.entries[n - 1].term;
  }

  /** Term of entry i; 0 for index 0 (the empty prefix) and for any index outside the log. */
  termAt(i: number): number {
    if (i < 1 || i > this.entries.length) return 0;
    return this.entries[i - 1].term;
  }

  entryAt(i: number): Entry | undefined {
    if (i < 1 || i > this.entries.length) return undefined;
    return this.entries[i - 1];
  }

  /** Entries [from, toExclusive), clamped to the log. A fresh array (it goes into messages). */
  slice(from: number, toExclusive: number): Entry[] {
    const lo = Math.max(from, 1) - 1;
    const hi = Math.min(toExclusive, this.entries.length + 1) - 1;
    return lo >= hi ? [] : this.entries.slice(lo, hi);
  }

  append(entry: Entry): number {
    this.entries.push(entry);
    return this.entries.length;
  }

  /** Appends src[from..] (the caller has checked that they follow the last entry). */
  appendFrom(src: readonly Entry[], from: number): void {
    for (let i = from; i < src.length; i++) this.entries.push(src[i]);
  }

  /** Replaces entry i in place (only the bug zoo's no-truncate-on-conflict does this). */
  overwrite(i: number, entry: Entry): void {
    if (i === this.entries.length + 1) this.entries.push(entry);
    else this.entries[i - 1] = entry;
  }

  /** Deletes every entry at index >= i. */
  truncateFrom(i: number): void {
    if (i <= this.entries.length) this.entries.length = Math.max(i - 1, 0);
  }

  /**
   * §5.4.1: a candidate's log is at least as up to date as ours if its last term
   * is higher, or the last terms are equal and its log is at least as long.
   */
  isUpToDate(lastIndex: number, lastTerm: number): boolean {
    const myTerm = this.lastTerm;
    return lastTerm > myTerm || (lastTerm === myTerm && lastIndex >= this.lastIndex);
  }

  /**
   * First index of the run of `term` that contains index `at` (a follower's
   * reject hint: the leader can skip the whole conflicting term at once).
   * Walks back entry by entry, so it tolerates the non-monotone logs the bug zoo makes.
   */
  firstIndexOfTerm(term: number, at: number): number {
    let i = Math.min(at, this.entries.length);
    if (i < 1 || this.termAt(i) !== term) return 0;
    while (i > 1 && this.entries[i - 2].term === term) i--;
    return i;
  }

  /** Last index <= upTo holding `term`, or 0 when the log has no entry of that term there. */
  lastIndexOfTerm(term: number, upTo: number): number {
    let i = Math.min(upTo, this.entries.length);
    while (i > 0 && this.entries[i - 1].term > term) i--;
    return i > 0 && this.entries[i - 1].term === term ? i : 0;
  }
}
