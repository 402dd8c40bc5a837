// The simulation kernel: virtual time, the event queue, and dispatch by kind.
// Components (network, CPU, disk, clocks' timers, faults) register a handler for
// the event kinds they own; an event is a small record (time, kind, target,
// payload), never a closure allocated per message.
import { EventQueue, type EventHandle } from './queue.js';
import { TraceHash } from './trace.js';
import type { Micros } from './time.js';

export type EventHandler = (target: number, payload: unknown) => void;

export class Kernel {
  private readonly queue = new EventQueue(64) // grows as needed; a trial builds a new kernel, so a small start is cheap;
  private readonly handlers: EventHandler[] = [];
  private readonly kindNames: string[] = [];
  private stopped = false;
  /** Current global virtual time (µs). */
  now: Micros = 0;
  /** Events dispatched so far. */
  eventCount = 0;
  /** Rolling hash of (time, kind, target) of every dispatched event; components mix in more. */
  readonly hash = new TraceHash();

  /** Registers a new event kind and returns its number. */
  defineKind(name: string, handler: EventHandler): number {
    this.handlers.push(handler);
    this.kindNames.push(name);
    return this.handlers.length - 1;
  }

  kindName(kind: number): string {
    return this.kindNames[kind];
  }

  /** Schedules an event at absolute time `at` (never in the past). */
  at(at: Micros, kind: number, target: number, payload?: unknown): EventHandle {
    if (!(at >= this.now)) throw new Error(`event scheduled in the past or at NaN: ${at} < ${this.now}`);
    return this.queue.push(at, kind, target, payload);
  }

  after(delay: Micros, kind: number, target: number, payload?: unknown): EventHandle {
    return this.at(this.now + delay, kind, target, payload);
  }

  /**
   * Moves a pending event to absolute time `at` with a new payload, ordered exactly as
   * cancel() then at() would order it; the handle stays valid. False (nothing changed)
   * when the handle is not pending.
   */
  reschedule(handle: EventHandle, at: Micros, payload?: unknown): boolean {
    if (!(at >= this.now)) throw new Error(`event rescheduled into the past or to NaN: ${at} < ${this.now}`);
    return this.queue.reschedule(handle, at, payload);
  }

  cancel(handle: EventHandle): boolean {
    return this.queue.cancel(handle);
  }

  isPending(handle: EventHandle): boolean {
    return this.queue.isPending(handle);
  }

  get pending(): number {
    return this.queue.size;
  }

  nextEventTime(): Micros {
    return this.queue.peekTime();
  }

  /** Stops the current run() after the current event (a call outside run() has no effect). */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Runs events with time <= until, in order. Returns when the queue is empty,
   * `until` is reached (now is then set to `until`), or stop() was called.
   */
  run(until: Micros): void {
    const q = this.queue;
    const handlers = this.handlers;
    const hash = this.hash;
    this.stopped = false;
    while (!this.stopped && q.size > 0 && q.peekTime() <= until) {
      q.pop();
      const t = q.poppedTime;
      const kind = q.poppedKind;
      const target = q.poppedTarget;
      this.now = t;
      this.eventCount++;
      hash.mix(t);
      hash.mix(kind * 65536 + target + 1); // targets stay below 65536 (≤ 101 nodes, links ≤ 10201)
      handlers[kind](target, q.poppedPayload);
    }
    if (!this.stopped && until !== Infinity && this.now < until) this.now = until;
  }
}
