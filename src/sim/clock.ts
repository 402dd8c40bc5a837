// A node's clocks, mapped from global virtual time (TigerBeetle's "time at the
// boundary"). Global time g is one integer of µs; each node sees:
//
//   monotonic(g) = m0 + floor((g - g0) * rate)        never stepped; rate = 1 + drift ppm / 1e6
//   wall(g)      = monotonic(g) + offset              offset = initial skew + every step so far
//
// Drift changes re-base (g0, m0) so monotonic time stays continuous. Steps
// (an NTP step, a VM restored from snapshot) move only the wall clock, forward
// or back. A paused or crashed node's clock keeps running: it wakes to a jump.
//
// Timers are set in a node's own time. globalForMonotonic/globalForWall give
// the earliest global instant at which the clock reads at least the deadline,
// so a timer never fires early in the node's own view. A wall-clock deadline
// is only valid until the next step; the host re-arms wall timers on a step.
import type { Micros } from './time.js';

export interface ClockSpec {
  /** Initial wall-clock offset from true time, µs (positive: the node's clock is ahead). */
  readonly skewUs: number;
  /** Rate error in parts per million (positive: the node's clock runs fast). */
  readonly driftPpm: number;
}

export class NodeClock {
  private g0: Micros = 0;
  private m0: Micros = 0;
  private rate: number;
  private offsetUs: number;

  constructor(spec: ClockSpec = { skewUs: 0, driftPpm: 0 }) {
    this.rate = rateOf(spec.driftPpm);
    this.offsetUs = Math.round(spec.skewUs);
  }

  get driftPpm(): number {
    return (this.rate - 1) * 1e6;
  }

  get offset(): number {
    return this.offsetUs;
  }

  monotonic(g: Micros): Micros {
    return this.m0 + Math.floor((g - this.g0) * this.rate);
  }

  wall(g: Micros): Micros {
    return this.monotonic(g) + this.offsetUs;
  }

  /** The earliest global time g >= from with monotonic(g) >= m. */
  globalForMonotonic(m: Micros, from: Micros): Micros {
    if (this.monotonic(from) >= m) return from;
    // Estimate, then correct for floor/rounding so the answer is exact.
    let g = this.g0 + Math.ceil((m - this.m0) / this.rate);
    if (g < from) g = from;
    while (g > from && this.monotonic(g - 1) >= m) g--;
    while (this.monotonic(g) < m) g++;
    return g;
  }

  /** The earliest global time g >= from with wall(g) >= w, assuming no further step. */
  globalForWall(w: Micros, from: Micros): Micros {
    return this.globalForMonotonic(w - this.offsetUs, from);
  }

  /** Changes the drift from global time g on; monotonic time stays continuous. */
  setDrift(g: Micros, driftPpm: number): void {
    this.m0 = this.monotonic(g);
    this.g0 = g;
    this.rate = rateOf(driftPpm);
  }

  /** Steps the wall clock by deltaUs (negative steps go back in time). */
  step(deltaUs: number): void {
    this.offsetUs += Math.round(deltaUs);
  }

  /** Sets the wall-clock offset outright (a skew fault). */
  setOffset(offsetUs: number): void {
    this.offsetUs = Math.round(offsetUs);
  }
}

function rateOf(driftPpm: number): number {
  const rate = 1 + driftPpm / 1e6;
  if (!(rate > 0)) throw new Error(`clock drift ${driftPpm} ppm would stop or reverse the clock`);
  return rate;
}
