// The fault layer: targets resolve as documented, overlapping faults compose
// (a link or node is healed only when the last fault holding it heals).
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/run/simulation.js';
import { simulationSpec } from '../../src/run/trial.js';
import { referenceFactory } from '../../src/run/implementation.js';
import { testScenario } from '../support/scenario.js';
import type { Fault } from '../../src/faults/types.js';

function sim(nodes = 5): Simulation {
  const s = new Simulation(simulationSpec(testScenario({ nodes }), 0, referenceFactory));
  s.run(3_000_000); // a leader is elected well before 3 s
  return s;
}

const now = (s: Simulation, action: Fault['action'], durationUs: number | null = null): Fault => ({ atUs: s.now, durationUs, action });

describe('targets', () => {
  it("'leader' is the current leader and 'minority' includes it", () => {
    const s = sim();
    const leader = s.host.currentLeader();
    expect(leader).not.toBeNull();
    expect(s.injector.resolve('leader')).toEqual([leader]);
    const minority = s.injector.resolve('minority');
    expect(minority).toHaveLength(2);
    expect(minority).toContain(leader);
    const majority = s.injector.resolve('majority');
    expect(majority).toHaveLength(3);
    expect(majority).not.toContain(leader);
    expect(s.injector.resolve('follower')[0]).not.toBe(leader);
  });

  it('ignores node ids outside the cluster', () => {
    expect(sim(3).injector.resolve([0, 7, -1])).toEqual([0]);
  });
});

describe('composition of overlapping faults', () => {
  it('a link cut by two partitions heals only when both have healed', () => {
    const s = sim();
    s.injector.start(now(s, { kind: 'isolate', target: [0] }, 1_000_000));
    s.injector.start(now(s, { kind: 'partition', groups: [[0, 1], [2, 3, 4]] }, 2_000_000));
    expect(s.host.network.isReachable(0, 2)).toBe(false);
    s.run(s.now + 1_500_000); // the isolation healed, the partition still holds
    expect(s.host.network.isReachable(0, 1)).toBe(true);
    expect(s.host.network.isReachable(0, 2)).toBe(false);
    s.run(s.now + 1_000_000);
    expect(s.host.network.isReachable(0, 2)).toBe(true);
  });

  it('a one-way cut blocks one direction only', () => {
    const s = sim();
    s.injector.start(now(s, { kind: 'cut', from: [1], to: [2] }, 1_000_000));
    expect(s.host.network.isReachable(1, 2)).toBe(false);
    expect(s.host.network.isReachable(2, 1)).toBe(true);
  });

  it('a node paused twice resumes when the last pause ends', () => {
    const s = sim();
    s.injector.start(now(s, { kind: 'pause', target: [3] }, 1_000_000));
    s.injector.start(now(s, { kind: 'pause', target: [3] }, 2_000_000));
    s.run(s.now + 1_500_000);
    expect(s.host.condition(3)).toBe('paused');
    s.run(s.now + 1_000_000);
    expect(s.host.condition(3)).toBe('up');
  });

  it('a crashed node restarts from its disk when the crash heals, keeping its term', () => {
    const s = sim();
    const termBefore = s.host.nodes[4]!.term;
    s.injector.start(now(s, { kind: 'crash', target: [4] }, 500_000));
    expect(s.host.condition(4)).toBe('down');
    s.run(s.now + 600_000);
    expect(s.host.condition(4)).toBe('up');
    expect(s.host.nodes[4]!.term).toBeGreaterThanOrEqual(termBefore);
  });

  it('a wiped node restarts empty', () => {
    const s = sim();
    s.injector.start(now(s, { kind: 'wipe', target: [4] }, 1));
    expect(s.host.durableImage(4).log).toHaveLength(0);
    expect(s.host.durableImage(4).hardState.term).toBe(0);
  });

  it('cut-leader-from cuts only the leader and its target, both ways', () => {
    const s = sim();
    const leader = s.host.currentLeader()!;
    const other = (leader + 1) % 5;
    s.injector.start(now(s, { kind: 'cut-leader-from', target: [other] }, 1_000_000));
    expect(s.host.network.isReachable(leader, other)).toBe(false);
    expect(s.host.network.isReachable(other, leader)).toBe(false);
    expect(s.host.network.isReachable(other, (leader + 2) % 5)).toBe(true);
  });

  it('healAll() heals every active fault at once', () => {
    const s = sim();
    s.injector.start(now(s, { kind: 'ring' }, 10_000_000));
    s.injector.start(now(s, { kind: 'crash', target: [1] }, 10_000_000));
    s.injector.healAll();
    for (let a = 0; a < 5; a++) for (let b = 0; b < 5; b++) expect(s.host.network.isReachable(a, b)).toBe(true);
    expect(s.host.condition(1)).toBe('up');
    expect(s.injector.active).toHaveLength(0);
  });
});
