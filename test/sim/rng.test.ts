import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import seedrandom from 'seedrandom';
import { RngStreams, makeRng, streamSeed, uniformInt, type Rng } from '../../src/sim/rng.js';

const take = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.next());

describe('RngStreams', () => {
  it('the same (seed, trial, name) gives the same sequence, also from a fresh RngStreams', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer()), fc.nat(1000), (seed, trial) => {
        const a = new RngStreams(seed, trial).get('network');
        const b = new RngStreams(seed, trial).get('network');
        expect(take(a, 20)).toEqual(take(b, 20));
      }),
    );
  });

  it('different names, nodes, trials or seeds give different sequences', () => {
    const first = (seed: string | number, trial: number, name: Parameters<RngStreams['get']>[0], node?: number) =>
      take(new RngStreams(seed, trial).get(name, node), 8).join(',');
    const variants = [
      first(42, 0, 'network'),
      first(42, 0, 'faults'),
      first(42, 0, 'timers', 0),
      first(42, 0, 'timers', 1),
      first(42, 0, 'timers'),
      first(42, 1, 'network'),
      first(43, 0, 'network'),
      first('42x', 0, 'network'),
    ];
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('draws are uniform doubles in [0, 1)', () => {
    const xs = take(new RngStreams(7, 0).get('workload'), 100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    // sd of U(0,1) is 1/sqrt(12); 5 standard errors of the mean.
    expect(Math.abs(m - 0.5)).toBeLessThanOrEqual(5 / Math.sqrt(12 * xs.length));
  });

  it('a stream is created once and cached: get() returns the same generator, continuing its sequence', () => {
    const streams = new RngStreams('s', 3);
    const a = streams.get('cpu', 2);
    expect(streams.get('cpu', 2)).toBe(a);
    const reference = take(new RngStreams('s', 3).get('cpu', 2), 6);
    expect([...take(a, 3), ...take(streams.get('cpu', 2), 3)]).toEqual(reference);
  });

  it('creating and drawing from other streams does not change a stream\'s draws', () => {
    // This is what lets a fault schedule consume randomness without shifting the network's draws.
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('faults', 'workload', 'timers', 'cpu', 'disk', 'fuzz') as fc.Arbitrary<'faults'>, fc.option(fc.nat(4)), fc.nat(5)), { maxLength: 20 }),
        (interleaving) => {
          const alone = take(new RngStreams(99, 0).get('network'), 5 * (interleaving.length + 1));
          const streams = new RngStreams(99, 0);
          const mixed: number[] = [];
          for (const [name, node, draws] of interleaving) {
            take(streams.get(name, node ?? undefined), draws);
            mixed.push(...take(streams.get('network'), 5));
          }
          mixed.push(...take(streams.get('network'), 5));
          expect(mixed).toEqual(alone);
        },
      ),
    );
  });

  it('derives each stream from (seed, trial, name) via streamSeed', () => {
    expect(streamSeed(42, 3, 'timers:1')).toBe('raftsim/42/3/timers:1');
    expect(take(new RngStreams(42, 3).get('timers', 1), 5)).toEqual(take(makeRng('raftsim/42/3/timers:1'), 5));
  });
});

describe('uniformInt', () => {
  it('covers [min, max] inclusive and nothing else', () => {
    const rng = makeRng('uniformInt');
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const x = uniformInt(rng, -3, 4);
      expect(Number.isInteger(x)).toBe(true);
      seen.add(x);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3, 4]);
  });

  it('maps the ends of [0, 1) to min and max', () => {
    expect(uniformInt({ next: () => 0 }, 10, 20)).toBe(10);
    expect(uniformInt({ next: () => 1 - 2 ** -53 }, 10, 20)).toBe(20);
    expect(uniformInt({ next: () => 0.5 }, 5, 5)).toBe(5);
  });
});

describe('makeRng is seedrandom.tychei loaded with the digest', () => {
  it('draw for draw, on any name', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const d = createHash('sha256').update(name, 'utf8').digest();
        const state = { a: d.readInt32LE(0), b: d.readInt32LE(4), c: d.readInt32LE(8), d: d.readInt32LE(12) };
        const ref = seedrandom.tychei('', { state });
        expect(take(makeRng(name), 50)).toEqual(Array.from({ length: 50 }, () => ref()));
      }),
      { numRuns: 200 },
    );
  });
});
