// A node's CPU: every input (message, timer firing, disk acknowledgment) is a
// work item that costs service time. Work runs one item at a time in FIFO order.
//
// - pause (GC stop-the-world, SIGSTOP, VM migration): nothing runs until resume;
//   arriving work and timer firings queue up, and the backlog then runs in
//   order, so timers fire late, as in real life. An item already in service
//   when the pause begins finishes its service time but takes effect at resume.
// - slowdown to a CPU share s in (0, 1]: every service time is divided by s.
//
// Items with zero service time run inline with no extra event.
import type { Kernel } from './kernel.js';
import { compileDist, draw, type CompiledDist, type DistSpec } from './distributions.js';
import type { Rng } from './rng.js';

export interface CpuSpec {
  /** Service time of one work item, µs. */
  readonly serviceTime: DistSpec;
}

/** Runs a work item: `tag` says what it is, `payload` carries it. */
export type WorkFn = (node: number, tag: number, payload: unknown) => void;

export class Cpu {
  private readonly service: CompiledDist;
  private tags: Int32Array = new Int32Array(64);
  private payloads: unknown[] = new Array(64);
  private head = 0;
  private length = 0;
  private busy = false;
  private doneWhilePaused = false;
  private doneHandle = 0;
  private currentTag = 0;
  private currentPayload: unknown = undefined;
  private paused = false;
  private share = 1;
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
    for (let i = 0; i < this.length; i++) this.payloads[(this.head + i) % this.payloads.length] = undefined;
    this.head = 0;
    this.length = 0;
  }

  private runQueue(): void {
    // busy stays true while items run inline, so work they submit only queues.
    this.busy = true;
    while (this.length > 0 && !this.paused) {
      this.currentTag = this.tags[this.head];
      this.currentPayload = this.payloads[this.head];
      this.payloads[this.head] = undefined;
      this.head = (this.head + 1) % this.payloads.length;
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

  /** Runs the item in service; busy is true throughout, so work it submits only queues. */
  private finishCurrent(): void {
    const payload = this.currentPayload;
    this.currentPayload = undefined;
    this.completed++;
    this.work(this.node, this.currentTag, payload);
  }

  private enqueue(tag: number, payload: unknown): void {
    if (this.length === this.payloads.length) this.growRing();
    const i = (this.head + this.length) % this.payloads.length;
    this.tags[i] = tag;
    this.payloads[i] = payload;
    this.length++;
  }

  private growRing(): void {
    const cap = this.payloads.length;
    const tags = new Int32Array(cap * 2);
    const payloads: unknown[] = new Array(cap * 2);
    for (let i = 0; i < this.length; i++) {
      tags[i] = this.tags[(this.head + i) % cap];
      payloads[i] = this.payloads[(this.head + i) % cap];
    }
    this.tags = tags;
    this.payloads = payloads;
    this.head = 0;
  }
}
