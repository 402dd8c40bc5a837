import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Kernel } from '../../src/sim/kernel.js';
import { Disk } from '../../src/sim/disk.js';
import { makeRng, type Rng } from '../../src/sim/rng.js';
import { compileDist, type DistSpec } from '../../src/sim/distributions.js';

interface Durable {
  readonly t: number;
  readonly payload: unknown;
}

/** One disk (node 3) on a fresh kernel, plus a 'call' kind to act at exact instants. */
function makeDisk(fsyncLatency: DistSpec, seed: string | Rng = 'disk') {
  const kernel = new Kernel();
  const durable: Durable[] = [];
  const done = kernel.defineKind('disk-done', () => disk.onWriteDone());
  const call = kernel.defineKind('call', (_t, fn) => (fn as () => void)());
  const disk: Disk = new Disk(kernel, done, 3, typeof seed === 'string' ? makeRng(seed) : seed, { fsyncLatency }, (node, payload) => {
    expect(node).toBe(3);
    durable.push({ t: kernel.now, payload });
  });
  const at = (t: number, fn: () => void) => kernel.at(t, call, 0, fn);
  return { kernel, disk, durable, at };
}

const constant = (value: number): DistSpec => ({ kind: 'constant', value });

describe('Disk writes', () => {
  it('complete after the fsync latency', () => {
    const { kernel, disk, durable, at } = makeDisk(constant(100));
    at(0, () => disk.submit('a'));
    at(10, () => disk.submit('b'));
    at(500, () => disk.submit('c'));
    kernel.run(Infinity);
    expect(durable).toEqual([
      { t: 100, payload: 'a' },
      { t: 110, payload: 'b' },
      { t: 600, payload: 'c' },
    ]);
    expect(disk.durableWrites).toBe(3);
    expect(disk.pendingWrites).toBe(0);
  });

  it('complete in submission order even when a later write draws a shorter latency', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 60 }), fc.string(), (gaps, seed) => {
        const spec: DistSpec = { kind: 'uniform', min: 10, max: 1000 };
        const { kernel, disk, durable, at } = makeDisk(spec, seed);
        let t = 0;
        const submitTimes = gaps.map((g) => (t += g));
        submitTimes.forEach((s, i) => at(s, () => disk.submit(i)));
        kernel.run(Infinity);
        expect(durable.map((d) => d.payload)).toEqual(submitTimes.map((_, i) => i));
        // Replay the draws: write i is durable at max(its own fsync end, the previous write's).
        const d = compileDist(spec);
        const rng = makeRng(seed);
        let prev = 0;
        submitTimes.forEach((s, i) => {
          prev = Math.max(s + d.sample(rng), prev);
          expect(durable[i].t).toBe(prev);
        });
      }),
    );
  });

  it('a later write that draws a shorter latency waits for the earlier one', () => {
    // A scripted rng: the empirical sampler picks index floor(u * 2), so the first
    // write draws 500 µs and the second 10 µs.
    const script = [0, 0.6];
    const { kernel, disk, durable } = makeDisk({ kind: 'empirical', samples: [500, 10] }, { next: () => script.shift()! });
    disk.submit('slow');
    disk.submit('fast');
    kernel.run(Infinity);
    expect(durable).toEqual([
      { t: 500, payload: 'slow' },
      { t: 500, payload: 'fast' }, // not 10
    ]);
  });
});

describe('Disk crash', () => {
  it('loses un-synced writes and keeps synced ones; durable is called only for the synced', () => {
    const { kernel, disk, durable, at } = makeDisk(constant(100));
    at(0, () => disk.submit('w1')); // durable at 100
    at(50, () => disk.submit('w2')); // would be durable at 150
    at(60, () => disk.submit('w3')); // would be durable at 160
    at(120, () => {
      expect(disk.pendingWrites).toBe(2);
      disk.crash();
    });
    kernel.run(Infinity);
    expect(durable).toEqual([{ t: 100, payload: 'w1' }]);
    expect(disk.durableWrites).toBe(1);
    expect(disk.lostWrites).toBe(2);
    expect(disk.pendingWrites).toBe(0);
    expect(kernel.pending).toBe(0); // the lost writes' completions were cancelled
  });

  it('after a crash, new writes start from now, not behind the lost ones', () => {
    const { kernel, disk, durable, at } = makeDisk(constant(100));
    at(0, () => disk.submit('lost')); // would be durable at 100
    at(0, () => disk.setSlowFactor(50));
    at(0, () => disk.submit('lost too')); // 5000 µs fsync: would be durable at 5000
    at(10, () => disk.crash());
    at(20, () => disk.setSlowFactor(1));
    at(20, () => disk.submit('new'));
    kernel.run(Infinity);
    expect(durable).toEqual([{ t: 120, payload: 'new' }]);
  });

  it('a crash during a stall loses writes that came due but were never completed', () => {
    const { kernel, disk, durable, at } = makeDisk(constant(100));
    at(0, () => disk.submit('a'));
    at(10, () => disk.stall());
    at(200, () => disk.crash());
    kernel.run(Infinity);
    expect(durable).toEqual([]);
    expect(disk.lostWrites).toBe(1);
    expect(disk.isStalled).toBe(false);
  });
});

describe('Disk stall', () => {
  it('holds completions; unstall releases the due ones at once, in order, and the rest when due', () => {
    const { kernel, disk, durable, at } = makeDisk(constant(100));
    at(0, () => disk.submit('a')); // due 100
    at(10, () => disk.submit('b')); // due 110
    at(50, () => disk.stall());
    at(250, () => disk.submit('c')); // due 350, after the stall ends
    at(300, () => {
      expect(durable).toEqual([]);
      expect(disk.isStalled).toBe(true);
      expect(disk.pendingWrites).toBe(3);
      disk.unstall();
    });
    kernel.run(Infinity);
    expect(durable).toEqual([
      { t: 300, payload: 'a' },
      { t: 300, payload: 'b' },
      { t: 350, payload: 'c' },
    ]);
  });

  it('unstall without a stall is a no-op; a stall with nothing due releases nothing', () => {
    const { kernel, disk, durable, at } = makeDisk(constant(100));
    disk.unstall();
    at(0, () => disk.stall());
    at(10, () => disk.unstall());
    at(20, () => disk.submit('a'));
    kernel.run(Infinity);
    expect(durable).toEqual([{ t: 120, payload: 'a' }]);
  });
});

describe('Disk slow factor', () => {
  it('multiplies the latency of writes submitted from then on', () => {
    const { kernel, disk, durable, at } = makeDisk(constant(100));
    at(0, () => disk.submit('normal'));
    at(0, () => disk.setSlowFactor(3));
    at(1_000, () => disk.submit('slow'));
    at(2_000, () => disk.setSlowFactor(1));
    at(2_000, () => disk.submit('normal again'));
    kernel.run(Infinity);
    expect(durable.map((d) => d.t)).toEqual([100, 1_300, 2_100]);
  });

  it('with random latency, each write takes round(draw * factor)', () => {
    const spec: DistSpec = { kind: 'lognormal', median: 2_000, sigma: 0.7 };
    const times = (factor: number) => {
      const { kernel, disk, durable, at } = makeDisk(spec, 'slow');
      disk.setSlowFactor(factor);
      // Spaced far apart so the ordering rule never delays a write.
      for (let i = 0; i < 100; i++) at(i * 1_000_000, () => disk.submit(i));
      kernel.run(Infinity);
      return durable.map((d, i) => d.t - i * 1_000_000);
    };
    const base = times(1);
    const slow = times(2.5);
    base.forEach((b, i) => expect(slow[i]).toBe(Math.round(b * 2.5)));
  });

  it('rejects factors below 1', () => {
    const { disk } = makeDisk(constant(1));
    expect(() => disk.setSlowFactor(0.5)).toThrow();
    expect(() => disk.setSlowFactor(NaN)).toThrow();
  });
});
