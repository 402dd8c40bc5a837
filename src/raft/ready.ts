// Gathers what one input produced into a Ready. Arrays are created lazily, so an
// input that produces nothing returns the shared frozen EMPTY_READY and allocates
// nothing; a Ready that only re-arms the periodic tick returns a per-node shared
// frozen record.

import type { RaftLog } from './log.js';
import type {
  CommittedEntry,
  Entry,
  HardState,
  Message,
  PersistOp,
  ProposalResult,
  Ready,
  TimerName,
  TimerOp,
} from './types.js';

export const EMPTY_ENTRIES: readonly Entry[] = Object.freeze([]);
const EMPTY_ARRAY: readonly never[] = Object.freeze([]);

export const EMPTY_READY: Ready = Object.freeze({
  persist: null,
  messages: EMPTY_ARRAY,
  timers: EMPTY_ARRAY,
  committed: EMPTY_ARRAY,
  proposals: EMPTY_ARRAY,
});

export class ReadyBuilder {
  private messages: Message[] | null = null;
  private timers: TimerOp[] | null = null;
  private committed: CommittedEntry[] | null = null;
  private proposals: ProposalResult[] | null = null;
  /** Lowest log index written during this input (0: none), and whether the write starts with a truncation. */
  private dirtyFrom = 0;
  private truncated = false;
  private hardState: HardState | null = null;

  /** The only timer op of an idle tick; a Ready holding just it is `tickOnly`. */
  readonly tickOp: TimerOp | null;
  private readonly tickOnly: Ready | null;

  constructor(tickUs: number | null) {
    this.tickOp = tickUs === null ? null : Object.freeze({ name: 'tick' as const, afterUs: tickUs });
    this.tickOnly =
      this.tickOp === null ? null : Object.freeze({ ...EMPTY_READY, timers: Object.freeze([this.tickOp]) });
  }

  send(m: Message): void {
    (this.messages ??= []).push(m);
  }

  /** Arm (or cancel with null). A second op on the same timer in one input replaces the first. */
  arm(name: TimerName, afterUs: number | null): void {
    this.armOp(name === 'tick' && this.tickOp !== null && afterUs === this.tickOp.afterUs ? this.tickOp : { name, afterUs });
  }

  private armOp(op: TimerOp): void {
    const timers = (this.timers ??= []);
    for (let i = 0; i < timers.length; i++) {
      if (timers[i].name === op.name) {
        timers[i] = op;
        return;
      }
    }
    timers.push(op);
  }

  commit(e: CommittedEntry): void {
    (this.committed ??= []).push(e);
  }

  answer(p: ProposalResult): void {
    (this.proposals ??= []).push(p);
  }

  /** The log changed from index i on (appended or overwritten). */
  markAppend(i: number): void {
    if (this.dirtyFrom === 0 || i < this.dirtyFrom) this.dirtyFrom = i;
  }

  /** Entries from index i on were deleted (and possibly rewritten). */
  markTruncate(i: number): void {
    if (this.dirtyFrom === 0 || i <= this.dirtyFrom) {
      this.dirtyFrom = i;
      this.truncated = true;
    }
  }

  setHardState(hs: HardState): void {
    this.hardState = hs;
  }

  /** Turns what was gathered into a Ready and resets the builder for the next input. */
  build(log: RaftLog): Ready {
    const persist = this.buildPersist(log);
    const { messages, timers, committed, proposals } = this;
    if (persist === null && messages === null && committed === null && proposals === null) {
      if (timers === null) return EMPTY_READY;
      if (timers.length === 1 && timers[0] === this.tickOp && this.tickOnly !== null) {
        this.timers = null;
        return this.tickOnly;
      }
    }
    this.messages = this.timers = this.committed = this.proposals = null;
    return {
      persist,
      messages: messages ?? EMPTY_ARRAY,
      timers: timers ?? EMPTY_ARRAY,
      committed: committed ?? EMPTY_ARRAY,
      proposals: proposals ?? EMPTY_ARRAY,
    };
  }

  private buildPersist(log: RaftLog): PersistOp | null {
    const hardState = this.hardState;
    const from = this.dirtyFrom;
    if (hardState === null && from === 0) return null;
    const op: PersistOp = {
      hardState,
      truncateFrom: this.truncated ? from : null,
      appendFrom: from === 0 ? log.lastIndex + 1 : from,
      entries: from === 0 ? EMPTY_ENTRIES : log.slice(from, log.lastIndex + 1),
      lastIndex: log.lastIndex,
      lastTerm: log.lastTerm,
    };
    this.hardState = null;
    this.dirtyFrom = 0;
    this.truncated = false;
    return op;
  }
}
