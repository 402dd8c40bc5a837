import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Kernel } from '../../src/sim/kernel.js';

/** A kernel with one event kind that logs (time, target) of every dispatch. */
function loggingKernel() {
  const kernel = new Kernel();
  const log: [number, number][] = [];
  const kind = kernel.defineKind('log', (target) => log.push([kernel.now, target]));
  return { kernel, log, kind };
}

describe('Kernel.run(until)', () => {
  it('processes exactly the events with time <= until, in (time, insertion) order, and sets now to until', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 100 }),
        fc.integer({ min: 0, max: 1200 }),
        (times, until) => {
          const { kernel, log, kind } = loggingKernel();
          times.forEach((t, i) => kernel.at(t, kind, i));
          kernel.run(until);
          const expected = times
            .map((t, i) => [t, i] as [number, number])
            .filter(([t]) => t <= until)
            .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          expect(log).toEqual(expected);
          expect(kernel.now).toBe(until);
          expect(kernel.eventCount).toBe(expected.length);
          expect(kernel.pending).toBe(times.length - expected.length);
          expect(kernel.nextEventTime()).toBe(Math.min(Infinity, ...times.filter((t) => t > until)));
        },
      ),
    );
  });

  it('an event at exactly `until` runs; the next run continues where the last stopped', () => {
    const { kernel, log, kind } = loggingKernel();
    kernel.at(100, kind, 1);
    kernel.at(101, kind, 2);
    kernel.run(100);
    expect(log).toEqual([[100, 1]]);
    kernel.run(150);
    expect(log).toEqual([[100, 1], [101, 2]]);
    expect(kernel.now).toBe(150);
  });

  it('events scheduled by a handler at the current time run in the same run, after those already queued', () => {
    const kernel = new Kernel();
    const order: string[] = [];
    const b = kernel.defineKind('b', (t) => order.push(`b${t}`));
    const a = kernel.defineKind('a', () => {
      order.push('a');
      kernel.after(0, b, 2);
    });
    kernel.at(10, a, 0);
    kernel.at(10, b, 1);
    kernel.run(10);
    expect(order).toEqual(['a', 'b1', 'b2']);
  });

  it('run(Infinity) drains the queue and leaves now at the last event', () => {
    const { kernel, log, kind } = loggingKernel();
    kernel.at(7, kind, 0);
    kernel.at(3, kind, 1);
    kernel.run(Infinity);
    expect(log).toEqual([[3, 1], [7, 0]]);
    expect(kernel.now).toBe(7);
    expect(kernel.pending).toBe(0);
  });

  it('never moves now backwards when until is in the past', () => {
    const { kernel } = loggingKernel();
    kernel.run(500);
    kernel.run(100);
    expect(kernel.now).toBe(500);
  });
});

describe('Kernel scheduling', () => {
  it('throws for events scheduled in the past or at NaN, and accepts now', () => {
    const { kernel, kind, log } = loggingKernel();
    kernel.run(1000);
    expect(() => kernel.at(999, kind, 0)).toThrow(/past/);
    expect(() => kernel.after(-1, kind, 0)).toThrow(/past/);
    expect(() => kernel.at(NaN, kind, 0)).toThrow(/NaN/);
    expect(kernel.pending).toBe(0);
    kernel.at(1000, kind, 5);
    kernel.after(10, kind, 6);
    kernel.run(2000);
    expect(log).toEqual([[1000, 5], [1010, 6]]);
  });

  it('cancelled events are not dispatched and not counted', () => {
    const { kernel, log, kind } = loggingKernel();
    const h1 = kernel.at(1, kind, 1);
    kernel.at(2, kind, 2);
    expect(kernel.isPending(h1)).toBe(true);
    expect(kernel.cancel(h1)).toBe(true);
    expect(kernel.isPending(h1)).toBe(false);
    expect(kernel.cancel(h1)).toBe(false);
    kernel.run(10);
    expect(log).toEqual([[2, 2]]);
    expect(kernel.eventCount).toBe(1);
  });

  it('passes target and payload to the handler of the event kind', () => {
    const kernel = new Kernel();
    const seen: unknown[] = [];
    const k0 = kernel.defineKind('zero', (t, p) => seen.push(['zero', t, p]));
    const k1 = kernel.defineKind('one', (t, p) => seen.push(['one', t, p]));
    expect([k0, k1]).toEqual([0, 1]);
    expect(kernel.kindName(k1)).toBe('one');
    kernel.at(1, k1, 7, 'x');
    kernel.at(2, k0, 3, { y: 1 });
    kernel.run(5);
    expect(seen).toEqual([
      ['one', 7, 'x'],
      ['zero', 3, { y: 1 }],
    ]);
  });
});

describe('Kernel.stop()', () => {
  it('halts run() after the current event, leaving now at that event; a later run resumes', () => {
    const kernel = new Kernel();
    const log: number[] = [];
    const kind = kernel.defineKind('e', (t) => {
      log.push(t);
      if (t === 2) kernel.stop();
    });
    for (let i = 1; i <= 4; i++) kernel.at(i * 10, kind, i);
    kernel.run(1000);
    expect(log).toEqual([1, 2]);
    expect(kernel.now).toBe(20); // not 1000: the run was stopped
    expect(kernel.eventCount).toBe(2);
    expect(kernel.pending).toBe(2);
    kernel.run(1000);
    expect(log).toEqual([1, 2, 3, 4]);
    expect(kernel.now).toBe(1000);
    expect(kernel.eventCount).toBe(4);
  });
});

describe('Kernel trace hash', () => {
  const schedule = (times: number[]) => {
    const { kernel, kind } = loggingKernel();
    times.forEach((t, i) => kernel.at(t, kind, i));
    kernel.run(Infinity);
    return kernel.hash.hex();
  };

  it('is the same for the same events and differs when a time or target changes', () => {
    const base = schedule([5, 10, 15]);
    expect(schedule([5, 10, 15])).toBe(base);
    expect(schedule([5, 11, 15])).not.toBe(base);
    // Same times, but targets 0 and 1 dispatched in the other order.
    const { kernel, kind } = loggingKernel();
    kernel.at(10, kind, 1);
    kernel.at(5, kind, 0);
    kernel.at(10, kind, 2);
    kernel.run(Infinity);
    const { kernel: k2, kind: kind2 } = loggingKernel();
    k2.at(5, kind2, 1);
    k2.at(10, kind2, 0);
    k2.at(10, kind2, 2);
    k2.run(Infinity);
    expect(kernel.hash.hex()).not.toBe(k2.hash.hex());
  });
});
