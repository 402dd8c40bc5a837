// Preparing trial timelines for drawing (src/report/timeline-data.ts).
import { describe, expect, it } from 'vitest';
import { FAULT_KIND_LABEL, clip, faultFamily, segmentsOf, windowOf } from '../../src/report/timeline-data.js';
import { FAULT_KIND_NAMES } from '../../src/faults/registry.js';
import { timeline } from './fixtures.js';

describe('segmentsOf', () => {
  it('turns role and condition events into contiguous per-node segments with terms', () => {
    const segs = segmentsOf(timeline());
    const n0 = segs.filter((s) => s.node === 0).map((s) => [s.fromUs, s.toUs, s.state, s.term]);
    expect(n0).toEqual([
      [0, 5_000, 'candidate', 1],
      [5_000, 2_000_000, 'leader', 1],
      // A down node reports term 0; the segment keeps the term it last had.
      [2_000_000, 10_000_000, 'down', 1],
    ]);
    const n1 = segs.filter((s) => s.node === 1).map((s) => [s.fromUs, s.toUs, s.state, s.term]);
    expect(n1).toEqual([
      [0, 5_000, 'follower', 0],
      [5_000, 2_150_000, 'follower', 1],
      [2_150_000, 2_180_000, 'candidate', 2],
      [2_180_000, 10_000_000, 'leader', 2],
    ]);
  });

  it('covers every node from 0 to the end of the trial without gaps', () => {
    const t = timeline();
    const segs = segmentsOf(t);
    for (let node = 0; node < t.n; node++) {
      const mine = segs.filter((s) => s.node === node);
      expect(mine[0].fromUs).toBe(0);
      expect(mine[mine.length - 1].toUs).toBe(t.endUs);
      for (let i = 1; i < mine.length; i++) expect(mine[i].fromUs).toBe(mine[i - 1].toUs);
    }
  });

  it('shows a paused leader as paused, and its role again when it resumes', () => {
    const t = timeline({ events: [[0, 0, 'leader', 1], [100, 0, 'paused', 1], [300, 0, 'up', 1]], n: 1, endUs: 1000, faults: [] });
    expect(segmentsOf(t).map((s) => s.state)).toEqual(['leader', 'paused', 'leader']);
  });
});

describe('windowOf', () => {
  it('zooms into the burst of changes after the first fault, with a margin', () => {
    const w = windowOf(timeline());
    expect(w.fromUs).toBeLessThan(2_000_000);
    expect(w.fromUs).toBeGreaterThan(1_900_000);
    expect(w.toUs).toBeGreaterThan(2_181_000);
    expect(w.toUs).toBeLessThan(2_300_000);
  });

  it('stops at a long quiet gap (a later burst shows only in the overview)', () => {
    const t = timeline();
    const late = timeline({ events: [...t.events, [8_000_000, 2, 'candidate', 3]] });
    expect(windowOf(late).toUs).toBeLessThan(2_300_000);
  });

  it('shows the whole trial when there is no fault', () => {
    expect(windowOf(timeline({ faults: [] }))).toEqual({ fromUs: 0, toUs: 10_000_000 });
  });

  it('clips segments to the window', () => {
    const segs = clip(segmentsOf(timeline()), { fromUs: 1_000_000, toUs: 2_160_000 });
    expect(Math.min(...segs.map((s) => s.fromUs))).toBe(1_000_000);
    expect(Math.max(...segs.map((s) => s.toUs))).toBe(2_160_000);
  });
});

describe('faultFamily', () => {
  it('takes the family from the fault kind, whatever the description says', () => {
    expect(faultFamily({ kind: 'crash', description: 'partition a | b' })).toBe('crash');
    expect(faultFamily({ kind: 'wipe', description: 'crash+wipe n1' })).toBe('crash');
    expect(faultFamily({ kind: 'flapping-link', description: 'flapping link n0 ↔ n2' })).toBe('network');
    expect(faultFamily({ kind: 'step', description: 'crash n3' })).toBe('clock');
    expect(faultFamily({ kind: 'pause', description: 'x' })).toBe('cpu');
    expect(faultFamily({ kind: 'disk-stall', description: 'x' })).toBe('disk');
    expect(faultFamily({ kind: 'no-such-kind', description: 'crash n0' })).toBe('other');
  });

  it('results written before timelines recorded the kind: by the description', () => {
    expect(faultFamily({ description: 'crash n2' })).toBe('crash');
    expect(faultFamily({ description: 'crash+wipe n1' })).toBe('crash');
    expect(faultFamily({ description: 'cut leader ↔ n2,n0' })).toBe('network');
    expect(faultFamily({ description: 'partition {0,1} | {2,3,4}' })).toBe('network');
    expect(faultFamily({ description: 'clock step n3 by 2s' })).toBe('clock');
    expect(faultFamily({ description: 'pause n1' })).toBe('cpu');
    expect(faultFamily({ description: 'disk stall n0' })).toBe('disk');
    expect(faultFamily({ description: 'something new' })).toBe('other');
  });

  it('every registered kind has a family with a legend label', () => {
    for (const kind of FAULT_KIND_NAMES) expect(FAULT_KIND_LABEL[faultFamily({ kind, description: '' })], kind).toBeDefined();
  });
});
