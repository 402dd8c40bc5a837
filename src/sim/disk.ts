// A node's disk: persistent writes become durable after an fsync latency.
// Writes complete in submission order (one device, one queue): a write is
// durable no earlier than the write before it.
//
// - stall (a hung fsync, a saturated device): completions are held until the
//   stall ends; those that came due during it then complete at once, in order;
// - slow disk: fsync latencies are multiplied by a factor;
// - crash: writes not yet durable are lost (the owner keeps the durable image);
// - wipe is the owner's business: it clears its durable image.
import type { Kernel } from './kernel.js';
import { compileDist, draw, type CompiledDist, type DistSpec } from './distributions.js';
import type { Rng } from './rng.js';
import type { Micros } from './time.js';

export interface DiskSpec {
  /** Time for a write to become durable (write + fsync), µs. */
  readonly fsyncLatency: DistSpec;
}

export type DurableFn = (node: number, payload: unknown) => void;

export class Disk {
  private readonly latency: CompiledDist;
  private readonly pending: unknown[] = [];
  private readonly handles: number[] = [];
  private lastCompleteAt: Micros = 0;
  private dueWhileStalled = 0;
  private stalled = false;
  private slowFactor = 1;
  /** Writes made durable, and writes lost to crashes. */
  durableWrites = 0;
  lostWrites = 0;

  constructor(
    private readonly kernel: Kernel,
    private readonly doneKind: number,
    private readonly node: number,
    private readonly rng: Rng,
    spec: DiskSpec,
    private readonly onDurable: DurableFn,
  ) {
    this.latency = compileDist(spec.fsyncLatency);
  }

  get pendingWrites(): number {
    return this.pending.length;
  }

  get isStalled(): boolean {
    return this.stalled;
  }

  submit(payload: unknown): void {
    const base = draw(this.latency, this.rng);
    const latency = this.slowFactor === 1 ? base : Math.round(base * this.slowFactor);
    const at = Math.max(this.kernel.now + latency, this.lastCompleteAt);
    this.lastCompleteAt = at;
    this.pending.push(payload);
    this.handles.push(this.kernel.at(at, this.doneKind, this.node));
  }

  /** The kernel calls this when the oldest pending write's fsync completes. */
  onWriteDone(): void {
    this.handles.shift();
    if (this.stalled) {
      this.dueWhileStalled++;
      return;
    }
    this.completeOldest();
  }

  stall(): void {
    this.stalled = true;
  }

  unstall(): void {
    if (!this.stalled) return;
    this.stalled = false;
    while (this.dueWhileStalled > 0) {
      this.dueWhileStalled--;
      this.completeOldest();
    }
  }

  /** Multiplies fsync latency from now on (1 restores normal speed). */
  setSlowFactor(factor: number): void {
    if (!(factor >= 1)) throw new Error(`slow disk factor must be >= 1, got ${factor}`);
    this.slowFactor = factor;
  }

  /** A crash: every write not yet durable is lost. */
  crash(): void {
    for (const h of this.handles) this.kernel.cancel(h);
    this.lostWrites += this.pending.length;
    this.pending.length = 0;
    this.handles.length = 0;
    this.dueWhileStalled = 0;
    this.stalled = false;
    this.lastCompleteAt = this.kernel.now;
  }

  private completeOldest(): void {
    const payload = this.pending.shift();
    this.durableWrites++;
    this.onDurable(this.node, payload);
  }
}
