import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Kernel } from '../../src/sim/kernel.js';
import { Network, type NetworkSpec, type NetworkStats } from '../../src/sim/network.js';
import { makeRng, streamSeed } from '../../src/sim/rng.js';

interface Delivery {
  readonly t: number;
  readonly from: number;
  readonly to: number;
  readonly msg: unknown;
}

/** A network on a fresh kernel that records every delivery; `accept` decides whether the receiver is up. */
function makeNet(spec: Partial<NetworkSpec> & { nodes: number }, seed: string | number = 1, accept: (to: number) => boolean = () => true) {
  const kernel = new Kernel();
  const deliveries: Delivery[] = [];
  const net = new Network(
    kernel,
    makeRng(streamSeed(seed, 0, 'network')),
    { latency: { kind: 'constant', value: 100 }, lossProbability: 0, duplicateProbability: 0, inFlightOnCut: 'drop', ...spec },
    (to, from, msg) => {
      if (!accept(to)) return false;
      deliveries.push({ t: kernel.now, from, to, msg });
      return true;
    },
  );
  return { kernel, net, deliveries };
}

/** Every message sent is accounted for exactly once; each duplicate adds one copy. */
function expectStatsBalance(s: NetworkStats, inFlight: number): void {
  expect(s.sent + s.duplicated).toBe(s.delivered + s.droppedCut + s.droppedLoss + s.droppedDown + s.held + inFlight);
}

/** 5 binomial standard deviations: |count - n p| <= 5 sqrt(n p (1 - p)) fails with probability < 1e-6. */
function binomialBound(n: number, p: number): number {
  return 5 * Math.sqrt(n * p * (1 - p));
}

describe('Network cuts', () => {
  it('nothing crosses a cut direction; every other directed link delivers exactly once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((n) =>
          fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * n })),
        ),
        fc.constantFrom<'drop' | 'deliver'>('drop', 'deliver'),
        ([n, cuts], inFlightOnCut) => {
          const { kernel, net, deliveries } = makeNet({ nodes: n, inFlightOnCut, latency: { kind: 'uniform', min: 10, max: 500 } });
          for (const [f, t] of cuts) net.cut(f, t);
          // Cutting a node from itself is ignored.
          const isCut = (f: number, t: number) => f !== t && cuts.some(([a, b]) => a === f && b === t);
          let expectedCut = 0;
          for (let f = 0; f < n; f++) {
            for (let t = 0; t < n; t++) {
              expect(net.isReachable(f, t)).toBe(!isCut(f, t));
              net.send(f, t, `${f}->${t}`);
              if (isCut(f, t)) expectedCut++;
            }
          }
          kernel.run(Infinity);
          for (const d of deliveries) expect(isCut(d.from, d.to)).toBe(false);
          const got = deliveries.map((d) => d.msg as string).sort();
          const want: string[] = [];
          for (let f = 0; f < n; f++) for (let t = 0; t < n; t++) if (!isCut(f, t)) want.push(`${f}->${t}`);
          expect(got).toEqual(want.sort());
          expect(net.stats.droppedCut).toBe(expectedCut);
          expectStatsBalance(net.stats, kernel.pending);
        },
      ),
    );
  });

  it('a one-way cut blocks only its direction; the reverse still delivers', () => {
    const { kernel, net, deliveries } = makeNet({ nodes: 3 });
    net.cut(0, 1);
    net.send(0, 1, 'blocked');
    net.send(1, 0, 'reverse');
    net.send(0, 2, 'other');
    kernel.run(Infinity);
    expect(deliveries.map((d) => d.msg).sort()).toEqual(['other', 'reverse']);
    net.heal(0, 1);
    net.send(0, 1, 'healed');
    kernel.run(Infinity);
    expect(deliveries.map((d) => d.msg)).toContain('healed');
  });

  it('cutBoth / healBoth / healAll', () => {
    const { kernel, net, deliveries } = makeNet({ nodes: 3 });
    net.cutBoth(0, 2);
    expect([net.isReachable(0, 2), net.isReachable(2, 0), net.isReachable(0, 1)]).toEqual([false, false, true]);
    net.healBoth(0, 2);
    expect([net.isReachable(0, 2), net.isReachable(2, 0)]).toEqual([true, true]);
    net.cutBoth(0, 1);
    net.cutBoth(1, 2);
    net.healAll();
    for (let f = 0; f < 3; f++) for (let t = 0; t < 3; t++) net.send(f, t, f * 3 + t);
    kernel.run(Infinity);
    expect(deliveries).toHaveLength(9);
  });

  it("inFlightOnCut 'drop': a message in flight when its link is cut is dropped on arrival", () => {
    const { kernel, net, deliveries } = makeNet({ nodes: 2, inFlightOnCut: 'drop' });
    net.send(0, 1, 'in flight'); // arrives at 100
    net.send(1, 0, 'reverse');
    kernel.run(50);
    net.cut(0, 1);
    kernel.run(Infinity);
    expect(deliveries.map((d) => d.msg)).toEqual(['reverse']);
    expect(net.stats.droppedCut).toBe(1);
    expectStatsBalance(net.stats, 0);
  });

  it("inFlightOnCut 'drop' judges the link at arrival: cut and healed before arrival still delivers", () => {
    const { kernel, net, deliveries } = makeNet({ nodes: 2, inFlightOnCut: 'drop' });
    net.send(0, 1, 'm');
    kernel.run(30);
    net.cut(0, 1);
    kernel.run(60);
    net.heal(0, 1);
    kernel.run(Infinity);
    expect(deliveries).toEqual([{ t: 100, from: 0, to: 1, msg: 'm' }]);
  });

  it("inFlightOnCut 'deliver': a message in flight when its link is cut still arrives on time", () => {
    const { kernel, net, deliveries } = makeNet({ nodes: 2, inFlightOnCut: 'deliver' });
    net.send(0, 1, 'in flight');
    kernel.run(50);
    net.cut(0, 1);
    net.send(0, 1, 'after cut'); // new messages are still blocked
    kernel.run(Infinity);
    expect(deliveries).toEqual([{ t: 100, from: 0, to: 1, msg: 'in flight' }]);
    expect(net.stats.droppedCut).toBe(1);
  });

  it('a receiver that refuses (down) counts as droppedDown', () => {
    const { kernel, net, deliveries } = makeNet({ nodes: 3 }, 1, (to) => to !== 2);
    net.send(0, 2, 'x');
    net.send(0, 1, 'y');
    kernel.run(Infinity);
    expect(deliveries.map((d) => d.msg)).toEqual(['y']);
    expect(net.stats).toMatchObject({ sent: 2, delivered: 1, droppedDown: 1 });
  });
});

describe('Network hold and release', () => {
  it('holds messages on one direction and releases them in original order, each a full latency after release', () => {
    const { kernel, net, deliveries } = makeNet({ nodes: 2 });
    net.hold(0, 1);
    for (let i = 0; i < 5; i++) {
      kernel.run(i * 10);
      net.send(0, 1, i);
    }
    net.send(1, 0, 'reverse'); // the other direction is not held
    kernel.run(1000);
    expect(deliveries.map((d) => d.msg)).toEqual(['reverse']);
    expect(net.stats.held).toBe(5);
    expectStatsBalance(net.stats, kernel.pending);
    net.release(0, 1);
    expect(net.stats.held).toBe(0);
    kernel.run(Infinity);
    expect(deliveries.slice(1)).toEqual([0, 1, 2, 3, 4].map((i) => ({ t: 1100, from: 0, to: 1, msg: i })));
    // After release the link is no longer held.
    net.send(0, 1, 'later');
    kernel.run(Infinity);
    expect(deliveries.at(-1)).toEqual({ t: 1200, from: 0, to: 1, msg: 'later' });
    expectStatsBalance(net.stats, 0);
  });

  it('with random latency, released messages draw fresh delays from the release time', () => {
    const { kernel, net, deliveries } = makeNet({ nodes: 2, latency: { kind: 'uniform', min: 50, max: 150 } });
    net.hold(0, 1);
    for (let i = 0; i < 50; i++) net.send(0, 1, i);
    kernel.run(10_000);
    net.release(0, 1);
    kernel.run(Infinity);
    expect(deliveries.map((d) => d.msg).sort((a, b) => (a as number) - (b as number))).toEqual(Array.from({ length: 50 }, (_, i) => i));
    for (const d of deliveries) expect(d.t - 10_000).toSatisfy((x: number) => x >= 50 && x <= 150);
  });

  it('releasing a held link that was cut meanwhile drops what was held', () => {
    const { kernel, net, deliveries } = makeNet({ nodes: 2 });
    net.hold(0, 1);
    net.send(0, 1, 'a');
    net.send(0, 1, 'b');
    net.cut(0, 1);
    net.release(0, 1);
    kernel.run(Infinity);
    expect(deliveries).toEqual([]);
    expect(net.stats).toMatchObject({ sent: 2, held: 0, droppedCut: 2, delivered: 0 });
  });
});

describe('Network loss and duplication rates', () => {
  const N = 100_000;
  const P = 0.1;

  // Binomial(100000, 0.1): sd = sqrt(100000 * 0.1 * 0.9) ≈ 94.9, so 5 sd ≈ 474 messages,
  // i.e. the observed rate must be within 0.1 ± 0.0047 (tighter than ±1%).
  it.each([1, 2, 3])('loss p=0.1 over 100k messages is within 5 binomial sd (seed %i)', (seed) => {
    const { kernel, net } = makeNet({ nodes: 2, lossProbability: P }, seed);
    for (let i = 0; i < N; i++) net.send(0, 1, null);
    kernel.run(Infinity);
    expect(Math.abs(net.stats.droppedLoss - N * P)).toBeLessThanOrEqual(binomialBound(N, P));
    expect(net.stats.delivered).toBe(N - net.stats.droppedLoss);
    expect(net.stats.duplicated).toBe(0);
  });

  it.each([1, 2, 3])('duplication p=0.1 over 100k messages is within 5 binomial sd (seed %i)', (seed) => {
    const { kernel, net } = makeNet({ nodes: 2, duplicateProbability: P }, seed);
    for (let i = 0; i < N; i++) net.send(0, 1, null);
    kernel.run(Infinity);
    expect(Math.abs(net.stats.duplicated - N * P)).toBeLessThanOrEqual(binomialBound(N, P));
    expect(net.stats.delivered).toBe(N + net.stats.duplicated);
  });

  it('with both, duplication applies to the messages that were not lost', () => {
    const { kernel, net } = makeNet({ nodes: 2, lossProbability: 0.2, duplicateProbability: 0.3 }, 7);
    for (let i = 0; i < N; i++) net.send(0, 1, null);
    kernel.run(Infinity);
    const s = net.stats;
    expect(Math.abs(s.droppedLoss - N * 0.2)).toBeLessThanOrEqual(binomialBound(N, 0.2));
    const survivors = N - s.droppedLoss;
    expect(Math.abs(s.duplicated - survivors * 0.3)).toBeLessThanOrEqual(binomialBound(survivors, 0.3));
    expect(s.delivered).toBe(survivors + s.duplicated);
  });

  it('per-link loss and duplication overrides apply to their link only, and resetLoss restores the default', () => {
    const { kernel, net, deliveries } = makeNet({ nodes: 3 });
    net.setLoss(0, 1, 1);
    net.setDuplicate(0, 2, 1);
    for (let i = 0; i < 10; i++) {
      net.send(0, 1, 'lost');
      net.send(0, 2, 'dup');
      net.send(1, 0, 'plain');
    }
    kernel.run(Infinity);
    const count = (m: string) => deliveries.filter((d) => d.msg === m).length;
    expect([count('lost'), count('dup'), count('plain')]).toEqual([0, 20, 10]);
    net.resetLoss(0, 1);
    net.send(0, 1, 'lost');
    kernel.run(Infinity);
    expect(count('lost')).toBe(1);
  });

  it('a duplicate draws its own delay, so copies can arrive at different times', () => {
    // Independent delays: under the default per-link FIFO, messages sent together pile up behind the slowest.
    const { kernel, net, deliveries } = makeNet({ nodes: 2, duplicateProbability: 1, latency: { kind: 'uniform', min: 0, max: 10_000 }, ordering: 'independent' });
    for (let i = 0; i < 20; i++) net.send(0, 1, i);
    kernel.run(Infinity);
    expect(deliveries).toHaveLength(40);
    const differing = Array.from({ length: 20 }, (_, i) => deliveries.filter((d) => d.msg === i).map((d) => d.t)).filter(([a, b]) => a !== b);
    expect(differing.length).toBeGreaterThan(15);
  });
});

describe('Network latency', () => {
  it('zones pick the latency from the zone matrix for each directed pair', () => {
    const c = (value: number) => ({ kind: 'constant' as const, value });
    const zoneLatency = [
      [c(100), c(5_000)],
      [c(7_000), c(200)],
    ];
    const zoneOf = [0, 0, 1];
    const { kernel, net, deliveries } = makeNet({ nodes: 3, zoneOf, zoneLatency, latency: c(1) });
    for (let f = 0; f < 3; f++) for (let t = 0; t < 3; t++) net.send(f, t, null);
    kernel.run(Infinity);
    expect(deliveries).toHaveLength(9);
    for (const d of deliveries) {
      const want = (zoneLatency[zoneOf[d.from]][zoneOf[d.to]] as { value: number }).value;
      expect(d.t).toBe(want);
      expect(net.meanLatency(d.from, d.to)).toBe(want);
    }
  });

  it('extra latency adds exactly, message for message, to the same random draws', () => {
    const run = (extra: number) => {
      const { kernel, net, deliveries } = makeNet({ nodes: 2, latency: { kind: 'lognormal', median: 1_000, sigma: 0.8 } }, 99);
      net.setExtraLatency(0, 1, extra);
      for (let i = 0; i < 1000; i++) net.send(0, 1, i);
      net.send(1, 0, 'reverse');
      kernel.run(Infinity);
      return new Map(deliveries.map((d) => [d.msg, d.t]));
    };
    const base = run(0);
    const spiked = run(25_000);
    for (let i = 0; i < 1000; i++) expect(spiked.get(i)! - base.get(i)!).toBe(25_000);
    expect(spiked.get('reverse')).toBe(base.get('reverse')); // other direction unaffected
  });

  it('setExtraLatency rounds, clamps negatives to 0, and 0 removes the spike', () => {
    const { kernel, net, deliveries } = makeNet({ nodes: 2 });
    net.setExtraLatency(0, 1, 49.6);
    expect(net.meanLatency(0, 1)).toBe(150);
    net.send(0, 1, 'a');
    kernel.run(Infinity);
    net.setExtraLatency(0, 1, -10);
    net.send(0, 1, 'b');
    kernel.run(Infinity);
    net.setExtraLatency(0, 1, 0);
    net.send(0, 1, 'c');
    kernel.run(Infinity);
    expect(deliveries.map((d) => d.t)).toEqual([150, 250, 350]);
  });
});

describe('Network randomness', () => {
  // The design keeps RNG draws to where the model needs them: the hot loop stays
  // cheap, and turning a feature off does not shift the stream's other draws.
  const counting = () => {
    const inner = makeRng('count');
    const r = { draws: 0, next: () => (r.draws++, inner.next()) };
    return r;
  };
  const run = (spec: Partial<NetworkSpec>) => {
    const kernel = new Kernel();
    const rng = counting();
    const net = new Network(
      kernel,
      rng,
      { nodes: 2, latency: { kind: 'constant', value: 100 }, lossProbability: 0, duplicateProbability: 0, inFlightOnCut: 'drop', ...spec },
      () => true,
    );
    for (let i = 0; i < 100; i++) net.send(0, 1, i);
    kernel.run(Infinity);
    return rng.draws;
  };

  it('draws nothing for constant latency without loss or duplication', () => {
    expect(run({})).toBe(0);
  });

  it('draws once per copy for random latency, and once per message for each enabled probability', () => {
    expect(run({ latency: { kind: 'uniform', min: 1, max: 9 } })).toBe(100);
    expect(run({ lossProbability: 1e-9 })).toBe(100); // nothing lost, one loss draw each
    expect(run({ duplicateProbability: 1e-9 })).toBe(100);
  });
});

describe('Network stats', () => {
  type NetOp =
    | { op: 'send'; f: number; t: number }
    | { op: 'cut' | 'heal' | 'hold' | 'release'; f: number; t: number }
    | { op: 'advance'; dt: number };
  const N = 4;
  const node = fc.nat(N - 1);
  const netOp: fc.Arbitrary<NetOp> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ op: fc.constant('send' as const), f: node, t: node }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('cut' as const, 'heal' as const, 'hold' as const, 'release' as const), f: node, t: node }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('advance' as const), dt: fc.integer({ min: 0, max: 300 }) }) },
  );

  it('counters add up: sent + duplicated = delivered + dropped (cut, loss, down) + held + in flight', () => {
    fc.assert(
      fc.property(
        fc.array(netOp, { maxLength: 200 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.constantFrom<'drop' | 'deliver'>('drop', 'deliver'),
        fc.integer({ min: 1, max: 1000 }),
        (ops, loss, dup, inFlightOnCut, seed) => {
          const { kernel, net, deliveries } = makeNet(
            { nodes: N, lossProbability: loss, duplicateProbability: dup, inFlightOnCut, latency: { kind: 'uniform', min: 1, max: 400 } },
            seed,
            (to) => to !== 3, // node 3 is down
          );
          for (const o of ops) {
            if (o.op === 'advance') kernel.run(kernel.now + o.dt);
            else if (o.op === 'send') net.send(o.f, o.t, null);
            else net[o.op](o.f, o.t);
            expectStatsBalance(net.stats, kernel.pending);
          }
          for (let f = 0; f < N; f++) for (let t = 0; t < N; t++) net.release(f, t);
          kernel.run(Infinity);
          expect(net.stats.held).toBe(0);
          expectStatsBalance(net.stats, 0);
          expect(net.stats.delivered).toBe(deliveries.length);
        },
      ),
    );
  });
});
