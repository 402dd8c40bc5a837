// The flapping link (src/faults/kinds/flapping-link.ts): the link is down only in
// its down windows, messages are dropped exactly then, the heal leaves it up, a
// run of the built-in is deterministic, and bad specs are refused with file, line and key.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/run/simulation.js';
import { runTrialWith, simulationSpec } from '../../src/run/trial.js';
import { referenceFactory } from '../../src/run/implementation.js';
import { loadScenario } from '../../src/scenario/load.js';
import { testScenario } from '../support/scenario.js';
import { lineOf, load, scenarioError } from '../scenarios/helpers.js';

function sim(): Simulation {
  const s = new Simulation(simulationSpec(testScenario({ nodes: 5 }), 0, referenceFactory));
  s.run(3_000_000);
  return s;
}

describe('flapping-link', () => {
  it('drops messages only in its down windows, and the heal leaves the link up', () => {
    const s = sim();
    const leader = s.host.currentLeader()!;
    const follower = (leader + 1) % 5;
    const t0 = s.now;
    const down = 300_000;
    const up = 700_000;
    s.injector.start({ atUs: t0, durationUs: 3_500_000, action: { kind: 'flapping-link', between: [[leader], [follower]], downUs: down, upUs: up, jitterUs: 0 } });
    const net = s.host.network;
    const dropped = () => net.stats.droppedCut;
    // Down [0, 300ms), up [300ms, 1s), down [1s, 1.3s), … ; healed at 3.5s. Latency is at most 0.8 ms.
    for (let k = 0; k < 3; k++) {
      const start = t0 + k * (down + up);
      s.run(start + 1_000);
      expect(net.isReachable(leader, follower)).toBe(false);
      expect(net.isReachable(follower, leader)).toBe(false);
      const before = dropped();
      s.run(start + down - 1_000);
      expect(dropped()).toBeGreaterThan(before); // heartbeats to the follower are dropped
      s.run(start + down + 1_000); // up, after anything in flight at the flip
      expect(net.isReachable(leader, follower)).toBe(true);
      const upBefore = dropped();
      s.run(start + down + up - 1_000);
      expect(dropped()).toBe(upBefore);
      expect(net.isReachable(follower, leader)).toBe(true);
    }
    s.run(t0 + 3_500_000 + 1_000); // healed while down: the link is up and stays up
    expect(net.isReachable(leader, follower)).toBe(true);
    const after = dropped();
    s.run(t0 + 6_000_000);
    expect(dropped()).toBe(after);
    // Other links were never touched.
    const other = (leader + 2) % 5;
    expect(net.isReachable(leader, other) && net.isReachable(other, follower)).toBe(true);
  });

  it('jitter lengthens phases with draws from the faults stream, the same on every run', () => {
    const flips = () => {
      const s = sim();
      const times: number[] = [];
      s.injector.start({ atUs: s.now, durationUs: 5_000_000, action: { kind: 'flapping-link', between: [[0], [1, 2]], downUs: 100_000, upUs: 100_000, jitterUs: 80_000 } });
      let was = s.host.network.isReachable(0, 1);
      const end = s.now + 5_000_000;
      for (let t = s.now; t < end; t += 1_000) {
        s.run(t);
        const is = s.host.network.isReachable(0, 1);
        if (is !== was) times.push(t);
        was = is;
      }
      return times;
    };
    const a = flips();
    expect(a).toEqual(flips());
    const gaps = a.slice(1).map((t, i) => t - a[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100_000 - 1_000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(180_000 + 1_000);
    expect(new Set(gaps).size).toBeGreaterThan(3); // jittered, not a fixed period
  });

  it('a trial of the built-in scenario is deterministic', () => {
    const s = loadScenario('flapping-link');
    const a = runTrialWith(s, 3, referenceFactory);
    const b = runTrialWith(s, 3, referenceFactory);
    expect(a.hash).toBe(b.hash);
    expect(a.metrics).toEqual(b.metrics);
    expect(s.faults[0].action).toEqual({ kind: 'flapping-link', between: ['leader', 'follower'], downUs: 300_000, upUs: 700_000, jitterUs: 50_000 });
  });
});

describe('flapping-link specs', () => {
  const file = (keys: string) => `{\n  cluster: { nodes: 3 },\n  horizon: "10s",\n  faults: [\n    { kind: "flapping-link", at: "1s", duration: "5s",\n      ${keys} },\n  ],\n}\n`;

  it('a down phase under 1 ms is refused at its key', () => {
    const text = file('between: [[0], [1]], down: "500us", up: "1s"');
    const e = scenarioError(() => load(text));
    expect(e.keyPath).toBe('faults[0].down');
    expect(e.line).toBe(lineOf(text, 'down:'));
    expect(e.message).toBe('down 500us is shorter than the 1ms minimum');
  });

  it('a node that does not exist is refused at its index', () => {
    const text = file('between: [[0], [1, 7]], down: "300ms", up: "700ms"');
    const e = scenarioError(() => load(text));
    expect(e.keyPath).toBe('faults[0].between[1][1]');
    expect(e.message).toMatch(/node 7 does not exist: the cluster has 3 nodes/);
  });

  it('a link from a node to itself is refused', () => {
    const e = scenarioError(() => load(file('between: [[2], [2]], down: "300ms", up: "700ms"')));
    expect(e.keyPath).toBe('faults[0].between');
    expect(e.message).toMatch(/both ends are node 2/);
  });

  it('a missing `up` and a unitless `down` are schema errors at their keys', () => {
    expect(scenarioError(() => load(file('between: [[0], [1]], down: "300ms"'))).keyPath).toBe('faults[0].up');
    const e = scenarioError(() => load(file('between: [[0], [1]], down: 300, up: "700ms"')));
    expect(e.keyPath).toBe('faults[0].down');
    expect(e.message).toMatch(/no unit/);
  });

  it('too many link changes per occurrence are refused', () => {
    const text = `{ cluster: { nodes: 3 }, horizon: "30d", faults: [{ kind: "flapping-link", at: "1s", between: [[0], [1]], down: "1ms", up: "1ms" }] }`;
    const e = scenarioError(() => load(text));
    expect(e.keyPath).toBe('faults[0].down');
    expect(e.message).toMatch(/link changes per occurrence, over the cap of 1000000/);
  });
});
