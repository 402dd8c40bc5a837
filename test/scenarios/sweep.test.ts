import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { expandSweep } from '../../src/scenario/sweep.js';
import { FULL_EXAMPLE, lineOf, load, scenarioError } from './helpers.js';

describe('expandSweep', () => {
  it('is the cartesian product, last key fastest, each point re-resolved', () => {
    const points = expandSweep(loadScenario(FULL_EXAMPLE));
    expect(points.map((p) => p.point)).toEqual([
      { 'raft.electionTimeout.min': '150ms', 'raft.preVote': false },
      { 'raft.electionTimeout.min': '150ms', 'raft.preVote': true },
      { 'raft.electionTimeout.min': '300ms', 'raft.preVote': false },
      { 'raft.electionTimeout.min': '300ms', 'raft.preVote': true },
    ]);
    expect(points.map((p) => p.scenario.raft.nodes[0].electionTimeoutMinUs)).toEqual([150_000, 150_000, 300_000, 300_000]);
    expect(points.map((p) => p.scenario.raft.nodes[0].preVote)).toEqual([false, true, false, true]);
    for (const p of points) {
      expect(p.scenario.sweep).toEqual([]);
      expect(p.scenario.source).not.toHaveProperty('sweep');
      expect(p.scenario.name).toBe('full-example');
    }
  });

  it('a scenario without a sweep is one point', () => {
    const s = load('{ trials: 2 }');
    expect(expandSweep(s)).toEqual([{ point: {}, scenario: s }]);
  });

  it('counts: 3 × 2 × 2 = 12 points, and keys may change the cluster size or a fault', () => {
    const s = load(`{
      faults: [{ kind: "crash", target: [0], at: "1s", duration: "1s" }],
      sweep: { "cluster.nodes": [3, 5, 7], "faults.0.duration": ["1s", "2s"], "network.latency": ["1ms", { dist: "uniform", min: "1ms", max: "2ms" }] },
    }`);
    const points = expandSweep(s);
    expect(points).toHaveLength(12);
    expect(points.map((p) => p.scenario.nodes)).toEqual([3, 3, 3, 3, 5, 5, 5, 5, 7, 7, 7, 7]);
    expect(points.map((p) => p.scenario.raft.nodes.length)).toEqual([3, 3, 3, 3, 5, 5, 5, 5, 7, 7, 7, 7]);
    expect(points[1].scenario.network.latency).toEqual({ kind: 'uniform', min: 1_000, max: 2_000 });
    expect(points[2].scenario.faults[0].duration).toEqual({ kind: 'constant', value: 2_000_000 });
  });

  it('applies sweep values after --set overrides', () => {
    const s = load('{ sweep: { trials: [1, 2] } }', { overrides: ['trials=9', 'seed=3'] });
    expect(expandSweep(s).map((p) => [p.scenario.trials, p.scenario.seed])).toEqual([[1, '3'], [2, '3']]);
  });

  it('returns the expansion made while loading', () => {
    const s = load('{ sweep: { trials: [1, 2] } }');
    expect(expandSweep(s)[0].scenario).toBe(expandSweep(s)[0].scenario);
  });
});

describe('sweep validation', () => {
  it('an unknown sweep key is an error with a suggestion', () => {
    const text = '{\n  sweep: {\n    "raft.electionTimeout.mni": ["1s"],\n  },\n}';
    const e = scenarioError(() => load(text));
    expect(e.keyPath).toBe('sweep["raft.electionTimeout.mni"]');
    expect([e.line, e.column]).toEqual([3, 5]);
    expect(e.suggestion).toBe('raft.electionTimeout.min');
    expect(e.message).toBe('"raft.electionTimeout.mni": unknown key "mni" in raft.electionTimeout');
  });

  it('sweep keys must lead somewhere settable', () => {
    expect(scenarioError(() => load('{ sweep: { "trials.x": [1] } }')).message).toContain('trials has no keys inside it');
    expect(scenarioError(() => load('{ sweep: { "faults.kind": [1] } }')).message).toContain('faults is a list');
    expect(scenarioError(() => load('{ sweep: { "sweep.x": [1] } }')).message).toContain('cannot be set');
    expect(scenarioError(() => load('{ sweep: { "raft..x": [1] } }')).message).toContain('not a dotted key');
  });

  it('a bad point is reported at its value in the sweep', () => {
    const text = '{\n  raft: { electionTimeout: { min: "150ms", max: "300ms" } },\n  sweep: {\n    "raft.electionTimeout.max": ["300ms", "100ms"],\n  },\n}';
    const e = scenarioError(() => load(text));
    expect(e.keyPath).toBe('raft.electionTimeout.min');
    expect(e.line).toBe(lineOf(text, '"100ms"'));
    expect(e.message).toBe('min 150ms is greater than max 100ms (at sweep point raft.electionTimeout.max="100ms")');
  });

  it('caps the grid before expanding it', () => {
    const values = JSON.stringify(Array.from({ length: 40 }, (_, i) => `${i + 1}s`));
    // The first point is invalid (a negative timeout): had the grid been expanded before the
    // cap was checked, that point's error would be the one reported.
    const timeouts = JSON.stringify(['-1s', ...Array.from({ length: 39 }, (_, i) => `${i + 1}s`)]);
    const text = `{ sweep: { "horizon": ${values}, "measure.warmup": ${values}, "workload.clientTimeout": ${timeouts} } }`;
    const e = scenarioError(() => load(text));
    expect(e.keyPath).toBe('sweep');
    expect(e.message).toBe('the grid has 64000 points, over the cap of 1000');
    expect(e.hint).toBe('sweep fewer keys or values');
  });

  it('caps trials × points', () => {
    const e = scenarioError(() => load('{ trials: 100000, sweep: { seed: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] } }'));
    expect(e.keyPath).toBe('trials');
  });
});
