// Tune files are validated like scenarios: every problem is a ScenarioError
// naming the file, line and key (the CLI exits 2 with it, no stack trace).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTuneFile } from '../../src/tune/load.js';
import { ScenarioError } from '../../src/scenario/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'raftsim-tune-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOALS = 'goals: { failover: { within: "1s" }, spuriousElections: { atMost: 1, per: "month" } }';

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function errorOf(path: string): ScenarioError {
  try {
    loadTuneFile(path);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error('expected a ScenarioError');
}

describe('tune files', () => {
  it('a good file gives the grid, the goals in per-hour terms and every configuration resolved', () => {
    const spec = loadTuneFile(file('ok.json5', `{ raft: { profile: "etcd" }, tune: { vary: { electionTimeout: ["500ms", "1s"], heartbeat: ["50ms", "100ms"], preVote: [false, true] }, ${GOALS} } }`));
    expect(spec.grid).toHaveLength(8);
    expect(spec.goals.spuriousPerHour).toBeCloseTo(1 / 720, 10);
    expect(spec.goals.indifferenceMs).toBe(50);
    const s = spec.scenario(spec.grid.findIndex((c) => c.knobs.electionTimeoutUs === 1_000_000 && c.knobs.heartbeatUs === 50_000), 'crash');
    expect(s.raft.nodes[0].tickUs).toBe(50_000);
    expect(s.raft.nodes[0].electionTimeoutMinUs).toBe(1_000_000); // 20 ticks of 50 ms
    expect(s.faults[0].action.kind).toBe('crash');
    expect(spec.scenario(0, 'quiet').faults).toHaveLength(0);
  });

  it('an unknown key in the tune block is reported at its line with a suggestion', () => {
    const e = errorOf(file('typo.json5', `{\n  tune: {\n    vary: { electionTimeout: ["1s"] },\n    ${GOALS},\n    gaurd: {},\n  },\n}`));
    expect(e.keyPath).toBe('tune.gaurd');
    expect(e.line).toBe(5);
    expect(e.suggestion).toBe('guard');
  });

  it('a bad duration in the goals names its key', () => {
    const e = errorOf(file('dur.json5', `{ tune: { vary: { electionTimeout: ["1s"] }, goals: { failover: { within: "fast" }, spuriousElections: { atMost: 1, per: "month" } } } }`));
    expect(e.keyPath).toBe('tune.goals.failover.within');
    expect(e.line).toBe(1);
  });

  it('faults are tune\'s to build: a tune file that lists some is told where to put them', () => {
    const e = errorOf(file('faults.json5', `{\n  faults: [],\n  tune: { vary: { electionTimeout: ["1s"] }, ${GOALS} },\n}`));
    expect(e.keyPath).toBe('faults');
    expect(e.line).toBe(2);
    expect(e.hint).toMatch(/tune\.guard/);
  });

  it('etcd counts ticks: an election timeout that is not a whole number of heartbeats is refused at that value', () => {
    const e = errorOf(file('ticks.json5', `{ raft: { profile: "etcd" },\n tune: { vary: { electionTimeout: ["500ms",\n "750ms"], heartbeat: ["100ms"] }, ${GOALS} } }`));
    expect(e.keyPath).toBe('tune.vary.electionTimeout[1]');
    expect(e.line).toBe(3);
  });

  it('the scenario part is validated by the scenario loader (a missing samples file, at its key)', () => {
    const e = errorOf(file('samples.json5', `{ network: { latency: { dist: "empirical", file: "nope.txt" } }, tune: { vary: { electionTimeout: ["1s"] }, ${GOALS} } }`));
    expect(e.keyPath).toBe('network.latency.file');
    expect(e.message).toMatch(/nope\.txt/);
  });

  it('a grid over the cap of 1,000 configurations is refused before anything is built', () => {
    const ets = Array.from({ length: 100 }, (_, i) => `"${(i + 1) * 100}ms"`).join(', ');
    const hbs = Array.from({ length: 11 }, (_, i) => `"${i + 1}ms"`).join(', ');
    const e = errorOf(file('big.json5', `{ tune: { vary: { electionTimeout: [${ets}], heartbeat: [${hbs}] }, ${GOALS} } }`));
    expect(e.keyPath).toBe('tune.vary');
    expect(e.message).toMatch(/1100 configurations, over the cap of 1000/);
  });

  it('values must ascend, and a file without a tune block says what to add', () => {
    expect(errorOf(file('order.json5', `{ tune: { vary: { electionTimeout: ["1s", "500ms"] }, ${GOALS} } }`)).keyPath).toBe('tune.vary.electionTimeout[1]');
    expect(errorOf(file('none.json5', `{ cluster: { nodes: 3 } }`)).message).toMatch(/no `tune` block/);
  });
});
