// NodeClock maps global virtual time g (µs) to a node's monotonic and wall
// clocks. Properties are checked for realistic drift (±500 ppm) and for extreme
// drift (±200000 ppm, i.e. the clock runs at 0.8x or 1.2x) over times up to one
// simulated day.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { NodeClock } from '../../src/sim/clock.js';

const DAY_US = 86_400_000_000;

const realisticDrift = fc.double({ min: -500, max: 500, noNaN: true });
const extremeDrift = fc.double({ min: -200_000, max: 200_000, noNaN: true });
// Both shapes of drift, plus exact integers (which hit floor() boundaries more often).
const driftArb = fc.oneof(realisticDrift, extremeDrift, fc.integer({ min: -200_000, max: 200_000 }));
const timeArb = fc.integer({ min: 0, max: DAY_US });
const skewArb = fc.integer({ min: -10_000_000, max: 10_000_000 });

/**
 * A clock with a history of drift changes and steps, all at times <= its last
 * change point, so queries from `lastChange` on are in its current segment.
 */
const historyArb = fc
  .tuple(
    skewArb,
    driftArb,
    fc.array(fc.record({ dt: fc.integer({ min: 0, max: DAY_US / 8 }), drift: driftArb, step: fc.integer({ min: -5_000_000, max: 5_000_000 }) }), { maxLength: 6 }),
  )
  .map(([skewUs, driftPpm, changes]) => ({ skewUs, driftPpm, changes }));

function buildClock(h: { skewUs: number; driftPpm: number; changes: { dt: number; drift: number; step: number }[] }) {
  const clock = new NodeClock({ skewUs: h.skewUs, driftPpm: h.driftPpm });
  let g = 0;
  for (const c of h.changes) {
    g += c.dt;
    clock.setDrift(g, c.drift);
    clock.step(c.step);
  }
  return { clock, lastChange: g };
}

/** Asserts g is the earliest time >= from at which read(g) >= target. */
function expectEarliest(read: (g: number) => number, target: number, from: number, g: number): void {
  expect(g).toBeGreaterThanOrEqual(from);
  expect(read(g)).toBeGreaterThanOrEqual(target);
  if (g > from) expect(read(g - 1)).toBeLessThan(target);
}

describe('NodeClock monotonic time', () => {
  it('starts at the true time and follows the rate: monotonic(g) = floor(g * (1 + ppm/1e6))', () => {
    fc.assert(
      fc.property(driftArb, timeArb, (driftPpm, g) => {
        const clock = new NodeClock({ skewUs: 0, driftPpm });
        expect(clock.monotonic(g)).toBe(Math.floor(g * (1 + driftPpm / 1e6)));
        expect(Number.isInteger(clock.monotonic(g))).toBe(true);
      }),
    );
    expect(new NodeClock({ skewUs: 0, driftPpm: 100 }).monotonic(DAY_US)).toBe(DAY_US + 8_640_000); // 100 ppm of a day = 8.64 s
  });

  it('is non-decreasing in g, across drift changes and steps', () => {
    fc.assert(
      fc.property(historyArb, timeArb, timeArb, (h, a, b) => {
        const { clock, lastChange } = buildClock(h);
        const g1 = lastChange + Math.min(a, b);
        const g2 = lastChange + Math.max(a, b);
        expect(clock.monotonic(g1)).toBeLessThanOrEqual(clock.monotonic(g2));
        // Neighbouring instants too, where floor() effects live.
        expect(clock.monotonic(g1)).toBeLessThanOrEqual(clock.monotonic(g1 + 1));
      }),
    );
  });

  it('is non-decreasing across the history of drift changes (recorded as it happens)', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const clock = new NodeClock({ skewUs: h.skewUs, driftPpm: h.driftPpm });
        let g = 0;
        let last = clock.monotonic(0);
        for (const c of h.changes) {
          // Probes inside the segment [g, g + dt), in increasing order.
          const probes = [1, Math.floor(c.dt / 2), c.dt - 1].filter((k) => k >= 0 && k < c.dt).sort((a, b) => a - b);
          for (const probe of probes.map((k) => g + k)) {
            const m = clock.monotonic(probe);
            expect(m).toBeGreaterThanOrEqual(last);
            last = m;
          }
          g += c.dt;
          const before = clock.monotonic(g);
          expect(before).toBeGreaterThanOrEqual(last);
          clock.setDrift(g, c.drift);
          // Continuous at the change point: the reading at g is unchanged.
          expect(clock.monotonic(g)).toBe(before);
          last = before;
        }
      }),
    );
  });

  it('setDrift re-bases at the change point: afterwards m(g0 + k) = m(g0) + floor(k * newRate)', () => {
    fc.assert(
      fc.property(driftArb, driftArb, timeArb, timeArb, (d1, d2, g0, k) => {
        const clock = new NodeClock({ skewUs: 0, driftPpm: d1 });
        const m0 = clock.monotonic(g0);
        clock.setDrift(g0, d2);
        expect(clock.monotonic(g0)).toBe(m0);
        expect(clock.monotonic(g0 + k)).toBe(m0 + Math.floor(k * (1 + d2 / 1e6)));
        expect(clock.driftPpm).toBeCloseTo(d2, 6);
      }),
    );
  });

  it('rejects a drift that would stop or reverse the clock', () => {
    expect(() => new NodeClock({ skewUs: 0, driftPpm: -1_000_000 })).toThrow(/drift/);
    const clock = new NodeClock();
    expect(() => clock.setDrift(10, -2_000_000)).toThrow(/drift/);
    expect(() => clock.setDrift(10, NaN)).toThrow(/drift/);
  });
});

describe('NodeClock wall time and steps', () => {
  it('wall = monotonic + skew, with the skew rounded to whole µs', () => {
    const clock = new NodeClock({ skewUs: 1234.6, driftPpm: 0 });
    expect(clock.offset).toBe(1235);
    expect(clock.wall(1000)).toBe(2235);
    clock.setOffset(-500.4);
    expect(clock.wall(1000)).toBe(500);
  });

  it('steps change wall time by exactly the step and never touch monotonic time', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: -DAY_US, max: DAY_US }), timeArb, (h, delta, dg) => {
        const { clock, lastChange } = buildClock(h);
        const g = lastChange + dg;
        const m = clock.monotonic(g);
        const w = clock.wall(g);
        clock.step(delta);
        expect(clock.monotonic(g)).toBe(m);
        expect(clock.wall(g)).toBe(w + delta);
      }),
    );
  });
});

describe('NodeClock inverse mappings', () => {
  // The target is anywhere from a little in the past of `from` to a day ahead.
  const deltaArb = fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: -1000, max: DAY_US }));

  it('globalForMonotonic(m, from) is the earliest g >= from with monotonic(g) >= m', () => {
    fc.assert(
      fc.property(historyArb, timeArb, deltaArb, (h, dFrom, delta) => {
        const { clock, lastChange } = buildClock(h);
        const from = lastChange + dFrom;
        const m = clock.monotonic(from) + delta;
        const g = clock.globalForMonotonic(m, from);
        expectEarliest((x) => clock.monotonic(x), m, from, g);
      }),
      { numRuns: 1000 },
    );
  });

  it('globalForWall(w, from) is the earliest g >= from with wall(g) >= w', () => {
    fc.assert(
      fc.property(historyArb, timeArb, deltaArb, (h, dFrom, delta) => {
        const { clock, lastChange } = buildClock(h);
        const from = lastChange + dFrom;
        const w = clock.wall(from) + delta;
        const g = clock.globalForWall(w, from);
        expectEarliest((x) => clock.wall(x), w, from, g);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with a brute-force scan for nearby targets', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: -20, max: 2000 }), (h, dFrom, delta) => {
        const { clock, lastChange } = buildClock(h);
        const from = lastChange + dFrom;
        const m = clock.monotonic(from) + delta;
        let scan = from;
        while (clock.monotonic(scan) < m) scan++;
        expect(clock.globalForMonotonic(m, from)).toBe(scan);
      }),
    );
  });

  it('a timer for "d µs of my monotonic time" fires after d/rate µs of global time, never early', () => {
    // At +200000 ppm the node's clock runs 1.2x fast, so 120 ms of its time pass in 100 ms.
    const fast = new NodeClock({ skewUs: 0, driftPpm: 200_000 });
    expect(fast.globalForMonotonic(fast.monotonic(0) + 120_000, 0)).toBe(100_000);
    // At -200000 ppm (0.8x) 80 ms of its time take 100 ms.
    const slow = new NodeClock({ skewUs: 0, driftPpm: -200_000 });
    expect(slow.globalForMonotonic(80_000, 0)).toBe(100_000);
    // A deadline already reached returns `from` itself.
    expect(slow.globalForMonotonic(10, 5_000)).toBe(5_000);
  });

  it('a wall deadline moves with a step: a forward step makes it come due sooner', () => {
    const clock = new NodeClock({ skewUs: 0, driftPpm: 0 });
    expect(clock.globalForWall(1_000_000, 0)).toBe(1_000_000);
    clock.step(400_000);
    expect(clock.globalForWall(1_000_000, 0)).toBe(600_000);
    clock.step(-900_000); // now 500 ms behind
    expect(clock.globalForWall(1_000_000, 0)).toBe(1_500_000);
    // Monotonic deadlines are unaffected by steps.
    expect(clock.globalForMonotonic(1_000_000, 0)).toBe(1_000_000);
  });
});
