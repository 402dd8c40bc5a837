// Nodes boot at spread-out times (cluster.bootSpread); a fault may strike a node before it
// has booted. A crash then keeps it down until it is restarted, instead of being ignored.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/run/simulation.js';
import { simulationSpec } from '../../src/run/trial.js';
import { referenceFactory } from '../../src/run/implementation.js';
import { testScenario } from '../support/scenario.js';

function sim() {
  const s = { ...testScenario({ nodes: 3, profile: 'etcd' }), bootSpreadUs: 100_000 };
  return new Simulation(simulationSpec(s, 0, referenceFactory));
}

describe('crash before boot', () => {
  it('a node crashed before its scheduled boot stays down, and a restart boots it once', () => {
    const a = sim();
    const conditions: string[] = [];
    a.host.addObserver({ onCondition: (node, c, now, detail) => conditions.push(`${node} ${c} ${detail} ${now}`) });
    a.start();
    a.host.crash(2); // at t = 0, before any boot
    a.run(1_000_000);
    expect(a.host.condition(2)).toBe('down');
    expect(a.host.nodes[2]).toBeNull();
    a.host.restart(2);
    expect(a.host.condition(2)).toBe('up');
    const booted = a.host.nodes[2];
    a.run(2_000_000);
    expect(a.host.nodes[2]).toBe(booted); // no second boot from the schedule
    expect(conditions).toEqual(['2 down crash 0', '2 up restart 1000000']);
  });

  it('a restart before the scheduled boot does nothing: the node boots on schedule, once', () => {
    const a = sim();
    a.start();
    a.host.restart(1);
    expect(a.host.nodes[1]).toBeNull();
    a.run(200_000);
    expect(a.host.nodes[1]).not.toBeNull();
  });
});
