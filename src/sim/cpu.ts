// A node's CPU: every input (message, timer firing, disk acknowledgment) is a
// work item that costs service time. Work runs one item at a time in FIFO order,
// except for the wake order below.
//
// - pause (GC stop-the-world, SIGSTOP, VM migration): nothing runs until resume;
//   arriving work and timer firings queue up, and the backlog then runs in
//   order, so timers fire late, as in real life. An item already in service
//   when the pause begins finishes its service time but takes effect at resume.
// - slowdown to a CPU share s in (0, 1]: every service time is divided by s.
// - wake order (setWakeOrder; RaftConfig.wakeOrder): which queued item runs next
//   when timer firings and other items wait together. 'arrival' is plain FIFO;
//   'timers-first' takes the oldest queued timer firing before anything else;
//   'random' is Go's select: whenever both a timer firing and another item are
//   queued, the oldest timer firing is taken with probability 1/2 (one draw
//   from the wake stream), else the oldest other item. Timer firings and other
//   items each keep their own arrival order. Under 'arrival' timer firings share
//   the one queue, so that mode costs nothing and draws nothing.
//
// Items with zero service time run inline with no extra event.
import type { Kernel } from './kernel.js';
import { compileDist, draw, type CompiledDist, type DistSpec } from './distributions.js';
import type { Rng } from './rng.js';

export interface CpuSpec {
  /** Service time of one work item, µs. */
  readonly serviceTime: DistSpec;
  /**
   * How late each timer firing is, µs (never early; the host applies it when it
   * arms a timer). Absent or constant 0: exact firings, no draws.
   */
  readonly timerJitter?: DistSpec;
}

/** Which queued item runs next (RaftConfig.wakeOrder). */
export type WakeOrder = 'arrival' | 'timers-first' | 'random';

/** Runs a work item: `tag` says what it is, `payload` carries it. */
export type WorkFn = (node: number, tag: number, payload: unknown) => void;

export class Cpu {
  private readonly service: CompiledDist;
  // 16 to start (grows as needed): an Int32Array of at most 64 bytes lives on the heap, cheap to make per trial.
  private tags: Int32Array = new Int32Array(16);
  private payloads: unknown[] = new Array(16);
  private head = 0;
  private length = 0;
  private busy = false;
  private doneWhilePaused = false;
  private doneHandle = 0;
  private currentTag = 0;
  private currentPayload: unknown = undefined;
  private paused = false;
  private share = 1;
  // Wake order: under 'timers-first'/'random' timer firings (tag timerTag) wait in
  // their own ring; `length` counts both rings. Under 'arrival' timerTag is -1 and
  // the timer ring stays empty.
  private timerTag = -1;
  private timersFirst = false;
  private wakeRng: Rng | null = null;
  private timerPayloads: unknown[] = [];
  private timerHead = 0;
  private timerLength = 0;
  /** Work items completed (for stats). */
  completed = 0;

  constructor(
    private readonly kernel: Kernel,
    private readonly doneKind: number,
    private readonly node: number,
    private readonly rng: Rng,
    spec: CpuSpec,
    private readonly work: WorkFn,
  ) {
    this.service = compileDist(spec.serviceTime);
  }

  get isPaused(): boolean {
    return this.paused;
  }

  get cpuShare(): number {
    return this.share;
  }

  get backlog(): number {
    return this.length + (this.busy ? 1 : 0);
  }

  /**
   * Sets the wake order: items tagged `timerTag` are timer firings. 'random' needs
   * `rng` (its own stream, so no other stream's draws shift). Call before any work
   * is queued.
   */
  setWakeOrder(order: WakeOrder, timerTag: number, rng: Rng | null = null): void {
    if (this.length > 0 || this.busy) throw new Error('setWakeOrder: the CPU already has work');
    if (order === 'random' && rng === null) throw new Error("setWakeOrder: 'random' needs a stream");
    this.timerTag = order === 'arrival' ? -1 : timerTag;
    this.timersFirst = order === 'timers-first';
    this.wakeRng = order === 'random' ? rng : null;
  }

  submit(tag: number, payload: unknown): void {
    this.enqueue(tag, payload);
    if (!this.busy && !this.paused) this.runQueue();
  }

  /** The kernel calls this when the item in service finishes its service time. */
  onServiceDone(): void {
    this.doneHandle = 0;
    if (this.paused) {
      this.doneWhilePaused = true;
      return;
    }
    this.finishCurrent();
    this.runQueue();
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (this.doneWhilePaused) {
      this.doneWhilePaused = false;
      this.finishCurrent();
      this.runQueue();
    } else if (!this.busy) {
      this.runQueue();
    }
  }

  /** Sets the CPU share (1 = full speed, 0.1 = a tenth). Applies to items that start from now on. */
  setShare(share: number): void {
    if (!(share > 0 && share <= 1)) throw new Error(`CPU share must be in (0, 1], got ${share}`);
    this.share = share;
  }

  /** A crash: queued work is lost and nothing is in service. The pause state is cleared too. */
  reset(): void {
    if (this.doneHandle !== 0) this.kernel.cancel(this.doneHandle);
    this.doneHandle = 0;
    this.busy = false;
    this.doneWhilePaused = false;
    this.paused = false;
    this.currentPayload = undefined;
    const others = this.length - this.timerLength;
    for (let i = 0; i < others; i++) this.payloads[(this.head + i) % this.payloads.length] = undefined;
    this.head = 0;
    this.length = 0;
    this.timerPayloads.length = 0;
    this.timerHead = 0;
    this.timerLength = 0;
  }

  private runQueue(): void {
    // busy stays true while items run inline, so work they submit only queues.
    this.busy = true;
    while (this.length > 0 && !this.paused) {
      if (this.timerLength > 0 && this.takeTimer()) {
        this.currentTag = this.timerTag;
        this.currentPayload = this.timerPayloads[this.timerHead];
        this.timerPayloads[this.timerHead] = undefined;
        this.timerHead++;
        if (--this.timerLength === 0) {
          this.timerPayloads.length = 0;
          this.timerHead = 0;
        } else if (this.timerHead >= 1024) {
          // A timer queue that never drains (a long overload): drop the consumed prefix.
          this.timerPayloads = this.timerPayloads.slice(this.timerHead);
          this.timerHead = 0;
        }
      } else {
        this.currentTag = this.tags[this.head];
        this.currentPayload = this.payloads[this.head];
        this.payloads[this.head] = undefined;
        this.head = (this.head + 1) % this.payloads.length;
      }
      this.length--;
      const base = draw(this.service, this.rng);
      const serviceUs = this.share === 1 ? base : Math.round(base / this.share);
      if (serviceUs > 0) {
        this.doneHandle = this.kernel.after(serviceUs, this.doneKind, this.node);
        return;
      }
      this.finishCurrent();
    }
    this.busy = false;
  }

  /** Timer firings are queued (not 'arrival'): is the oldest of them next, rather than the oldest other item? */
  private takeTimer(): boolean {
    if (this.timerLength === this.length) return true; // nothing else is waiting
    return this.timersFirst || (this.wakeRng as Rng).next() < 0.5;
  }

  /** Runs the item in service; busy is true throughout, so work it submits only queues. */
  private finishCurrent(): void {
    const payload = this.currentPayload;
    this.currentPayload = undefined;
    this.completed++;
    this.work(this.node, this.currentTag, payload);
  }

  private enqueue(tag: number, payload: unknown): void {
    if (tag === this.timerTag) {
      this.timerPayloads.push(payload);
      this.timerLength++;
      this.length++;
      return;
    }
    const others = this.length - this.timerLength;
    if (others === this.payloads.length) this.growRing(others);
    const i = (this.head + others) % this.payloads.length;
    this.tags[i] = tag;
    this.payloads[i] = payload;
    this.length++;
  }

  private growRing(count: number): void {
    const cap = this.payloads.length;
    const tags = new Int32Array(cap * 2);
    const payloads: unknown[] = new Array(cap * 2);
    for (let i = 0; i < count; i++) {
      tags[i] = this.tags[(this.head + i) % cap];
      payloads[i] = this.payloads[(this.head + i) % cap];
    }
    this.tags = tags;
    this.payloads = payloads;
    this.head = 0;
  }
}
