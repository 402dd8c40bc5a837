import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Kernel } from '../../src/sim/kernel.js';
import { Cpu, type WorkFn } from '../../src/sim/cpu.js';
import { makeRng } from '../../src/sim/rng.js';
import { compileDist, type DistSpec } from '../../src/sim/distributions.js';

interface Ran {
  readonly t: number;
  readonly tag: number;
  readonly payload: unknown;
}

/**
 * One CPU (node 0) on a fresh kernel, wired like the host does: a 'cpu-done'
 * kind calls onServiceDone(), and a 'call' kind runs a closure at a given time
 * (to submit work, pause, resume … at exact instants).
 */
function makeCpu(serviceTime: DistSpec, seed = 'cpu', onWork?: WorkFn) {
  const kernel = new Kernel();
  const ran: Ran[] = [];
  const done = kernel.defineKind('cpu-done', () => cpu.onServiceDone());
  const call = kernel.defineKind('call', (_t, fn) => (fn as () => void)());
  const cpu: Cpu = new Cpu(kernel, done, 0, makeRng(seed), { serviceTime }, (node, tag, payload) => {
    expect(node).toBe(0);
    ran.push({ t: kernel.now, tag, payload });
    onWork?.(node, tag, payload);
  });
  const at = (t: number, fn: () => void) => kernel.at(t, call, 0, fn);
  return { kernel, cpu, ran, at };
}

const constant = (value: number): DistSpec => ({ kind: 'constant', value });

describe('Cpu service', () => {
  it('runs work in FIFO order, one item at a time, each after its service time', () => {
    const { kernel, cpu, ran } = makeCpu(constant(10));
    for (let i = 0; i < 5; i++) cpu.submit(i, `p${i}`);
    expect(cpu.backlog).toBe(5);
    kernel.run(Infinity);
    expect(ran).toEqual([0, 1, 2, 3, 4].map((i) => ({ t: 10 * (i + 1), tag: i, payload: `p${i}` })));
    expect(cpu.completed).toBe(5);
    expect(cpu.backlog).toBe(0);
  });

  it('random service times: completions are in submission order and each takes its drawn time', () => {
    const spec: DistSpec = { kind: 'uniform', min: 1, max: 100 };
    const { kernel, cpu, ran, at } = makeCpu(spec, 'svc');
    // Submissions at arbitrary times, some while busy, some while idle.
    const submitTimes = [0, 0, 5, 50, 51, 400, 401, 402, 2000];
    submitTimes.forEach((t, i) => at(t, () => cpu.submit(i, null)));
    kernel.run(Infinity);
    expect(ran.map((r) => r.tag)).toEqual(submitTimes.map((_, i) => i));
    // Replay the same draws: item i starts when it arrives or when item i-1 finished.
    const draws = compileDist(spec);
    const rng = makeRng('svc');
    let free = 0;
    submitTimes.forEach((t, i) => {
      free = Math.max(free, t) + draws.sample(rng);
      expect(ran[i].t).toBe(free);
    });
  });

  it('draws from its rng only for a random service time', () => {
    const count = (serviceTime: DistSpec) => {
      const kernel = new Kernel();
      const inner = makeRng('count');
      const rng = { draws: 0, next: () => (rng.draws++, inner.next()) };
      const done = kernel.defineKind('cpu-done', () => cpu.onServiceDone());
      const cpu = new Cpu(kernel, done, 0, rng, { serviceTime }, () => {});
      for (let i = 0; i < 10; i++) cpu.submit(0, null);
      kernel.run(Infinity);
      expect(cpu.completed).toBe(10);
      return rng.draws;
    };
    expect(count(constant(5))).toBe(0);
    expect(count({ kind: 'uniform', min: 1, max: 5 })).toBe(10);
  });

  it('zero service time runs the item inline at submission, without an event', () => {
    const { kernel, cpu, ran } = makeCpu(constant(0));
    kernel.run(42);
    cpu.submit(7, 'now');
    expect(ran).toEqual([{ t: 42, tag: 7, payload: 'now' }]);
    expect(kernel.pending).toBe(0);
  });

  it('work submitted by a running item queues behind work already waiting', () => {
    const { kernel, cpu, ran } = makeCpu(constant(0), 'cpu', (_n, tag) => {
      if (tag === 1) cpu.submit(3, null);
    });
    // Queue 1 and 2 during a pause so that 2 is already waiting when 1 runs;
    // the 3 that 1 submits must run after 2, not re-entrantly inside 1.
    cpu.pause();
    cpu.submit(1, null);
    cpu.submit(2, null);
    cpu.resume();
    kernel.run(Infinity);
    expect(ran.map((r) => r.tag)).toEqual([1, 2, 3]);
  });
});

describe('Cpu pause', () => {
  it('with zero service time, work submitted during a pause runs exactly at resume; before and after, at submission', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 30 }),
        (pauseAt, pauseLen, submitTimes) => {
          const resumeAt = pauseAt + pauseLen;
          const { kernel, cpu, ran, at } = makeCpu(constant(0));
          // Scheduled first, so at equal times the pause/resume happens before a submission.
          at(pauseAt, () => cpu.pause());
          at(resumeAt, () => cpu.resume());
          const sorted = [...submitTimes].sort((a, b) => a - b);
          sorted.forEach((t, i) => at(t, () => cpu.submit(i, t)));
          kernel.run(Infinity);
          const expected = sorted.map((t, i) => ({ t: t >= pauseAt && t < resumeAt ? resumeAt : t, tag: i, payload: t }));
          expect(ran).toEqual(expected);
        },
      ),
    );
  });

  it('a timer firing during a pause is delayed by exactly the remaining pause', () => {
    const { kernel, cpu, ran, at } = makeCpu(constant(0));
    at(1_000, () => cpu.pause());
    at(51_000, () => cpu.resume());
    at(500, () => cpu.submit(1, 'before pause')); // runs at once
    at(20_000, () => cpu.submit(2, 'timer')); // 31 ms of pause remain
    kernel.run(Infinity);
    expect(ran.map((r) => [r.t, r.tag])).toEqual([
      [500, 1],
      [51_000, 2],
    ]);
  });

  it('the backlog built up during a pause runs in order after resume, each with its service time', () => {
    const { kernel, cpu, ran, at } = makeCpu(constant(10));
    at(0, () => cpu.pause());
    for (let i = 0; i < 5; i++) at(100 + i, () => cpu.submit(i, null));
    at(1_000, () => {
      expect(cpu.backlog).toBe(5);
      expect(cpu.isPaused).toBe(true);
      cpu.resume();
    });
    kernel.run(Infinity);
    expect(ran.map((r) => [r.t, r.tag])).toEqual([0, 1, 2, 3, 4].map((i) => [1_010 + 10 * i, i]));
  });

  it('an item in service when the pause begins takes effect at resume, not before', () => {
    const { kernel, cpu, ran, at } = makeCpu(constant(100));
    at(0, () => cpu.submit(1, null)); // would finish at 100
    at(50, () => cpu.pause());
    at(70, () => cpu.submit(2, null));
    at(300, () => cpu.resume());
    kernel.run(Infinity);
    expect(ran.map((r) => [r.t, r.tag])).toEqual([
      [300, 1],
      [400, 2],
    ]);
  });

  it('a pause that ends before the item in service finishes does not delay it', () => {
    const { kernel, cpu, ran, at } = makeCpu(constant(100));
    at(0, () => cpu.submit(1, null));
    at(20, () => cpu.pause());
    at(80, () => cpu.resume());
    kernel.run(Infinity);
    expect(ran.map((r) => r.t)).toEqual([100]);
  });

  it('resume without a pause is a no-op', () => {
    const { kernel, cpu, ran } = makeCpu(constant(10));
    cpu.submit(1, null);
    cpu.resume();
    kernel.run(Infinity);
    expect(ran.map((r) => r.t)).toEqual([10]);
  });
});

describe('Cpu slowdown', () => {
  it('a share of 0.1 multiplies service time by 10', () => {
    const { kernel, cpu, ran } = makeCpu(constant(100));
    cpu.setShare(0.1);
    expect(cpu.cpuShare).toBe(0.1);
    cpu.submit(1, null);
    cpu.submit(2, null);
    kernel.run(Infinity);
    expect(ran.map((r) => r.t)).toEqual([1_000, 2_000]);
  });

  it('with random service times, each slowed item takes round(draw / share)', () => {
    const spec: DistSpec = { kind: 'exponential', mean: 50 };
    const durations = (share: number) => {
      const { kernel, cpu, ran } = makeCpu(spec, 'slow');
      cpu.setShare(share);
      for (let i = 0; i < 200; i++) cpu.submit(i, null);
      kernel.run(Infinity);
      return ran.map((r, i) => r.t - (i === 0 ? 0 : ran[i - 1].t));
    };
    const normal = durations(1);
    const slowed = durations(0.1);
    normal.forEach((d, i) => expect(slowed[i]).toBe(Math.round(d / 0.1)));
  });

  it('applies to items that start after the change; share must be in (0, 1]', () => {
    const { kernel, cpu, ran, at } = makeCpu(constant(100));
    cpu.submit(1, null); // starts now at full speed
    cpu.submit(2, null);
    at(50, () => cpu.setShare(0.5));
    kernel.run(Infinity);
    expect(ran.map((r) => r.t)).toEqual([100, 300]);
    expect(() => cpu.setShare(0)).toThrow();
    expect(() => cpu.setShare(1.5)).toThrow();
    expect(() => cpu.setShare(NaN)).toThrow();
  });
});

describe('Cpu reset (crash)', () => {
  it('drops queued work and the item in service; later work runs normally', () => {
    const { kernel, cpu, ran, at } = makeCpu(constant(100));
    for (let i = 0; i < 3; i++) cpu.submit(i, null);
    at(150, () => cpu.reset()); // item 0 done at 100, item 1 in service, item 2 queued
    kernel.run(1_000);
    expect(ran.map((r) => [r.t, r.tag])).toEqual([[100, 0]]);
    expect(cpu.backlog).toBe(0);
    expect(kernel.pending).toBe(0); // the pending completion was cancelled
    cpu.submit(9, null);
    kernel.run(Infinity);
    expect(ran.map((r) => [r.t, r.tag])).toEqual([
      [100, 0],
      [1_100, 9],
    ]);
  });

  it('clears a pause and the work that piled up behind it', () => {
    const { kernel, cpu, ran, at } = makeCpu(constant(0));
    cpu.pause();
    cpu.submit(1, null);
    cpu.submit(2, null);
    at(10, () => cpu.reset());
    at(20, () => cpu.submit(3, null));
    kernel.run(Infinity);
    expect(cpu.isPaused).toBe(false);
    expect(ran.map((r) => [r.t, r.tag])).toEqual([[20, 3]]);
  });

  it('drops an item whose service finished during a pause', () => {
    const { kernel, cpu, ran, at } = makeCpu(constant(10));
    cpu.submit(1, null);
    at(5, () => cpu.pause());
    at(50, () => cpu.reset());
    at(60, () => cpu.submit(2, null));
    kernel.run(Infinity);
    expect(ran.map((r) => [r.t, r.tag])).toEqual([[70, 2]]);
  });
});

describe('Cpu ring buffer', () => {
  it('keeps FIFO order past its initial capacity, with wrap-around', () => {
    const { kernel, cpu, ran, at } = makeCpu(constant(1));
    // Interleave so the ring's head has moved before it grows.
    let tag = 0;
    for (let round = 0; round < 5; round++) at(round * 50, () => {
      for (let k = 0; k < 60; k++) cpu.submit(tag++, null);
    });
    kernel.run(Infinity);
    expect(ran.map((r) => r.tag)).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });
});
