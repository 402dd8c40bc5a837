// The event queue: an indexed binary min-heap over parallel typed arrays.
//
// Events are ordered by (time, insertion sequence), so ties never depend on
// object identity or map order. Each event lives in a slot; the heap holds slot
// numbers and every slot knows its heap position, so cancel() removes an event
// in O(log n) and leaves no tombstone behind to slow later pops. A handle
// carries the slot's generation, so cancelling an event that already fired (or
// whose slot was reused) is a harmless no-op.
//
// No allocation happens per event except growth of the arrays (amortised).

const SLOT_SPACE = 4294967296; // 2^32: handle = generation * 2^32 + slot
const MAX_GEN = 2097151; // 2^21 - 1: generation * 2^32 + slot stays below 2^53

/** An opaque reference to a scheduled event; 0 never names a live event. */
export type EventHandle = number;
export const NO_EVENT: EventHandle = 0;

export class EventQueue {
  private time: Float64Array;
  private seq: Float64Array;
  private kind: Int32Array;
  private target: Int32Array;
  private gen: Float64Array;
  private pos: Int32Array;
  private payload: unknown[];
  private heap: Int32Array;
  private free: Int32Array;
  private freeTop = 0;
  private used = 0;
  private nextSeq = 0;
  private count = 0;

  // The event most recently popped, read by the caller without an allocation.
  poppedTime = 0;
  poppedKind = 0;
  poppedTarget = 0;
  poppedPayload: unknown = undefined;

  constructor(initialCapacity = 1024) {
    const c = Math.max(16, initialCapacity);
    this.time = new Float64Array(c);
    this.seq = new Float64Array(c);
    this.kind = new Int32Array(c);
    this.target = new Int32Array(c);
    this.gen = new Float64Array(c).fill(1);
    this.pos = new Int32Array(c).fill(-1);
    this.payload = new Array(c).fill(undefined);
    this.heap = new Int32Array(c);
    this.free = new Int32Array(c);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.count === 0 ? Infinity : this.time[this.heap[0]];
  }

  push(time: number, kind: number, target: number, payload: unknown): EventHandle {
    const slot = this.allocSlot();
    this.time[slot] = time;
    this.seq[slot] = this.nextSeq++;
    this.kind[slot] = kind;
    this.target[slot] = target;
    this.payload[slot] = payload;
    const i = this.count++;
    this.heap[i] = slot;
    this.pos[slot] = i;
    this.siftUp(i);
    return this.gen[slot] * SLOT_SPACE + slot;
  }

  /** Removes the earliest event into the popped* fields; false when empty. */
  pop(): boolean {
    if (this.count === 0) return false;
    const slot = this.heap[0];
    this.poppedTime = this.time[slot];
    this.poppedKind = this.kind[slot];
    this.poppedTarget = this.target[slot];
    this.poppedPayload = this.payload[slot];
    this.removeAt(0);
    this.releaseSlot(slot);
    return true;
  }

  /** Cancels a pending event; returns whether it was still pending. */
  cancel(handle: EventHandle): boolean {
    if (handle === NO_EVENT) return false;
    const slot = handle % SLOT_SPACE;
    if (slot >= this.used || this.gen[slot] !== Math.floor(handle / SLOT_SPACE)) return false;
    const p = this.pos[slot];
    if (p < 0) return false;
    this.removeAt(p);
    this.releaseSlot(slot);
    return true;
  }

  isPending(handle: EventHandle): boolean {
    if (handle === NO_EVENT) return false;
    const slot = handle % SLOT_SPACE;
    return slot < this.used && this.gen[slot] === Math.floor(handle / SLOT_SPACE) && this.pos[slot] >= 0;
  }

  clear(): void {
    while (this.count > 0) this.releaseSlot(this.heap[--this.count]);
  }

  private allocSlot(): number {
    if (this.freeTop > 0) return this.free[--this.freeTop];
    if (this.used === this.time.length) this.grow();
    return this.used++;
  }

  private releaseSlot(slot: number): void {
    this.pos[slot] = -1;
    this.payload[slot] = undefined;
    // Generations wrap within [1, 2^21) so a handle stays an exact integer (< 2^53).
    // A stale handle could only collide after its slot was reused 2^21 - 1 more times.
    this.gen[slot] = this.gen[slot] >= MAX_GEN ? 1 : this.gen[slot] + 1;
    this.free[this.freeTop++] = slot;
  }

  private removeAt(i: number): void {
    const last = --this.count;
    if (i === last) return;
    const moved = this.heap[last];
    this.heap[i] = moved;
    this.pos[moved] = i;
    // The moved slot may belong above or below i.
    if (i > 0 && this.less(moved, this.heap[(i - 1) >> 1])) this.siftUp(i);
    else this.siftDown(i);
  }

  private less(a: number, b: number): boolean {
    const ta = this.time[a];
    const tb = this.time[b];
    return ta < tb || (ta === tb && this.seq[a] < this.seq[b]);
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const slot = heap[i];
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex];
      if (!this.less(slot, parent)) break;
      heap[i] = parent;
      this.pos[parent] = i;
      i = parentIndex;
    }
    heap[i] = slot;
    this.pos[slot] = i;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const n = this.count;
    const slot = heap[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.less(heap[child + 1], heap[child])) child++;
      if (!this.less(heap[child], slot)) break;
      heap[i] = heap[child];
      this.pos[heap[i]] = i;
      i = child;
    }
    heap[i] = slot;
    this.pos[slot] = i;
  }

  private grow(): void {
    const c = this.time.length * 2;
    const growF = (a: Float64Array, fill = 0) => {
      const b = new Float64Array(c).fill(fill);
      b.set(a);
      return b;
    };
    const growI = (a: Int32Array, fill = 0) => {
      const b = new Int32Array(c).fill(fill);
      b.set(a);
      return b;
    };
    this.time = growF(this.time);
    this.seq = growF(this.seq);
    this.gen = growF(this.gen, 1);
    this.kind = growI(this.kind);
    this.target = growI(this.target);
    this.pos = growI(this.pos, -1);
    this.heap = growI(this.heap);
    this.free = growI(this.free);
    this.payload.length = c;
    this.payload.fill(undefined, this.used);
  }
}
