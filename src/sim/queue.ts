// The event queue: an indexed binary min-heap over parallel typed arrays.
//
// Events are ordered by (time, insertion sequence), so ties never depend on
// object identity or map order. Each event lives in a slot; the heap holds slot
// numbers and every slot knows its heap position, so cancel() removes an event
// in O(log n) and leaves no tombstone behind to slow later pops. A handle
// carries the slot's generation, so cancelling an event that already fired (or
// whose slot was reused) is a harmless no-op.
//
// The ordering keys (time, sequence) live in heap order beside the slot number
// (hTime/hSeq/hSlot[i] for heap position i), so sifting compares neighbouring
// array entries instead of chasing each slot's key elsewhere in memory.
//
// reschedule() moves a pending event to a new time as if it had been cancelled
// and pushed again (it takes the next sequence number), but a move to a later
// time is lazy: the event keeps its place under its old, earlier key and only
// records the new one; when the old key reaches the top of the heap the event is
// re-keyed and sifted down instead of being popped. Every stored key is at most
// its event's real key, so the heap's top, once settled, is the real minimum and
// events pop in exactly the order eager cancel-and-push gives (keys are unique).
// A follower's election timer, pushed back on every heartbeat, thus costs O(1)
// per heartbeat instead of a removal and an insertion.
//
// No allocation happens per event except growth of the arrays (amortised).

const SLOT_SPACE = 4294967296; // 2^32: handle = generation * 2^32 + slot
const MAX_GEN = 2097151; // 2^21 - 1: generation * 2^32 + slot stays below 2^53

/** An opaque reference to a scheduled event; 0 never names a live event. */
export type EventHandle = number;
export const NO_EVENT: EventHandle = 0;

export class EventQueue {
  // Per heap position: the ordering key and the slot.
  private hTime: Float64Array;
  private hSeq: Float64Array;
  private hSlot: Int32Array;
  // Per slot.
  private kind: Int32Array;
  private target: Int32Array;
  private gen: Float64Array;
  private pos: Int32Array;
  private payload: unknown[];
  /** A later key recorded by reschedule() (see above); lateSeq -1: none. */
  private lateTime: Float64Array;
  private lateSeq: Float64Array;
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
    const a = arraysOf(c);
    this.hTime = a.hTime;
    this.hSeq = a.hSeq;
    this.hSlot = a.hSlot;
    this.kind = a.kind;
    this.target = a.target;
    this.gen = a.gen;
    this.pos = a.pos;
    this.lateTime = a.lateTime;
    this.lateSeq = a.lateSeq;
    this.free = a.free;
    this.payload = new Array(c).fill(undefined);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    if (this.count === 0) return Infinity;
    this.settleTop();
    return this.hTime[0];
  }

  push(time: number, kind: number, target: number, payload: unknown): EventHandle {
    const slot = this.allocSlot();
    this.kind[slot] = kind;
    this.target[slot] = target;
    this.payload[slot] = payload;
    this.siftUp(this.count++, time, this.nextSeq++, slot);
    return this.gen[slot] * SLOT_SPACE + slot;
  }

  /** Removes the earliest event into the popped* fields; false when empty. */
  pop(): boolean {
    if (this.count === 0) return false;
    this.settleTop();
    const slot = this.hSlot[0];
    this.poppedTime = this.hTime[0];
    this.poppedKind = this.kind[slot];
    this.poppedTarget = this.target[slot];
    this.poppedPayload = this.payload[slot];
    this.removeAt(0);
    this.releaseSlot(slot);
    return true;
  }

  /** Cancels a pending event; returns whether it was still pending. */
  cancel(handle: EventHandle): boolean {
    const slot = this.pendingSlot(handle);
    if (slot < 0) return false;
    this.removeAt(this.pos[slot]);
    this.releaseSlot(slot);
    return true;
  }

  /**
   * Moves a pending event to `time` with a new payload, exactly as cancel() and
   * push() would order it (it takes the next sequence number); the handle stays
   * valid. Returns false, changing nothing, when the handle is not pending.
   */
  reschedule(handle: EventHandle, time: number, payload: unknown): boolean {
    const slot = this.pendingSlot(handle);
    if (slot < 0) return false;
    const seq = this.nextSeq++;
    this.payload[slot] = payload;
    const i = this.pos[slot];
    if (time < this.hTime[i]) {
      // Earlier than its stored key: re-key now (the new sequence is the largest, so only time decides).
      this.lateSeq[slot] = -1;
      this.siftUp(i, time, seq, slot);
    } else {
      this.lateTime[slot] = time;
      this.lateSeq[slot] = seq;
    }
    return true;
  }

  isPending(handle: EventHandle): boolean {
    return this.pendingSlot(handle) >= 0;
  }

  clear(): void {
    while (this.count > 0) this.releaseSlot(this.hSlot[--this.count]);
  }

  /** The slot a handle names while its event is pending, else -1. */
  private pendingSlot(handle: EventHandle): number {
    if (handle === NO_EVENT) return -1;
    const slot = handle % SLOT_SPACE;
    if (slot >= this.used || this.gen[slot] !== Math.floor(handle / SLOT_SPACE) || this.pos[slot] < 0) return -1;
    return slot;
  }

  /** Re-keys the top while it holds a lazily moved event, so the top is the real minimum. */
  private settleTop(): void {
    for (;;) {
      const slot = this.hSlot[0];
      const seq = this.lateSeq[slot];
      if (seq < 0) return;
      this.lateSeq[slot] = -1;
      this.siftDown(0, this.lateTime[slot], seq, slot);
    }
  }

  private allocSlot(): number {
    if (this.freeTop > 0) return this.free[--this.freeTop];
    if (this.used === this.kind.length) this.grow();
    return this.used++;
  }

  private releaseSlot(slot: number): void {
    this.pos[slot] = -1;
    this.payload[slot] = undefined;
    this.lateSeq[slot] = -1;
    // Generations wrap within [1, 2^21) so a handle stays an exact integer (< 2^53).
    // A stale handle could only collide after its slot was reused 2^21 - 1 more times.
    this.gen[slot] = this.gen[slot] >= MAX_GEN ? 1 : this.gen[slot] + 1;
    this.free[this.freeTop++] = slot;
  }

  private removeAt(i: number): void {
    const last = --this.count;
    if (i === last) return;
    // The last entry fills the hole; it may belong above or below i.
    const t = this.hTime[last];
    const s = this.hSeq[last];
    const slot = this.hSlot[last];
    const parent = (i - 1) >> 1;
    if (i > 0 && (t < this.hTime[parent] || (t === this.hTime[parent] && s < this.hSeq[parent]))) this.siftUp(i, t, s, slot);
    else this.siftDown(i, t, s, slot);
  }

  /** Places key (t, s) of `slot` at or above position i. */
  private siftUp(i: number, t: number, s: number, slot: number): void {
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    const pos = this.pos;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = hTime[p];
      if (t > pt || (t === pt && s > hSeq[p])) break;
      hTime[i] = pt;
      hSeq[i] = hSeq[p];
      pos[(hSlot[i] = hSlot[p])] = i;
      i = p;
    }
    hTime[i] = t;
    hSeq[i] = s;
    hSlot[i] = slot;
    pos[slot] = i;
  }

  /** Places key (t, s) of `slot` at or below position i. */
  private siftDown(i: number, t: number, s: number, slot: number): void {
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    const pos = this.pos;
    const n = this.count;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ct = hTime[c];
      let cs = hSeq[c];
      if (c + 1 < n) {
        const rt = hTime[c + 1];
        if (rt < ct || (rt === ct && hSeq[c + 1] < cs)) {
          c++;
          ct = rt;
          cs = hSeq[c];
        }
      }
      if (ct > t || (ct === t && cs > s)) break;
      hTime[i] = ct;
      hSeq[i] = cs;
      pos[(hSlot[i] = hSlot[c])] = i;
      i = c;
    }
    hTime[i] = t;
    hSeq[i] = s;
    hSlot[i] = slot;
    pos[slot] = i;
  }

  private grow(): void {
    const a = arraysOf(this.kind.length * 2);
    a.hTime.set(this.hTime);
    a.hSeq.set(this.hSeq);
    a.hSlot.set(this.hSlot);
    a.gen.set(this.gen);
    a.lateTime.set(this.lateTime);
    a.lateSeq.set(this.lateSeq);
    a.kind.set(this.kind);
    a.target.set(this.target);
    a.pos.set(this.pos);
    a.free.set(this.free);
    this.hTime = a.hTime;
    this.hSeq = a.hSeq;
    this.hSlot = a.hSlot;
    this.gen = a.gen;
    this.lateTime = a.lateTime;
    this.lateSeq = a.lateSeq;
    this.kind = a.kind;
    this.target = a.target;
    this.pos = a.pos;
    this.free = a.free;
    const c = this.kind.length;
    this.payload.length = c;
    this.payload.fill(undefined, this.used);
  }
}

/**
 * The queue's typed arrays for capacity c, as views of one ArrayBuffer: a typed array
 * over 64 bytes gets its own off-heap store (about 1 µs each to make and to collect),
 * and a trial builds a queue, so one store instead of ten is a measurable part of a
 * short trial. Fresh slots start at generation 1, with no position and no later key.
 */
function arraysOf(c: number) {
  const buf = new ArrayBuffer(c * (5 * 8 + 5 * 4));
  let at = 0;
  const f64 = () => {
    const a = new Float64Array(buf, at, c);
    at += 8 * c;
    return a;
  };
  const i32 = () => {
    const a = new Int32Array(buf, at, c);
    at += 4 * c;
    return a;
  };
  // The Float64 views first, so every view stays aligned to its element size.
  return { hTime: f64(), hSeq: f64(), gen: f64().fill(1), lateTime: f64(), lateSeq: f64().fill(-1), hSlot: i32(), kind: i32(), target: i32(), pos: i32().fill(-1), free: i32() };
}
