// Memory per acknowledged write is bounded (issue 13, item 5): once a write is
// acknowledged the workload keeps only its submission and ack times (two numbers
// in typed columns) and the safety checker only its (id, index) pair; no
// per-write object outlives the write's retries. A scenario whose writes would
// hold more than the cap is refused with the estimate.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/run/simulation.js';
import { simulationSpec } from '../../src/run/trial.js';
import { referenceFactory } from '../../src/run/implementation.js';
import { recoveryOf } from '../../src/metrics/recovery.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { testScenario } from '../support/scenario.js';

const MS = 1000;

describe('retained write records', () => {
  it('after 12,000 writes only the in-flight ones keep an object; the rest cost 16 bytes each (32 by capacity)', () => {
    const s = testScenario({ writesPerSecond: 200, horizonUs: 60_000 * MS });
    const sim = new Simulation(simulationSpec(s, 0, referenceFactory));
    sim.run(s.horizonUs);
    expect(sim.finish()).toBeNull();
    const w = sim.workload!;
    const acked = Array.from({ length: w.log.length }, (_, i) => w.log.ackedAt(i)).filter((t) => t !== null).length;
    expect(w.log.length).toBeGreaterThan(11_000);
    expect(acked).toBeGreaterThan(w.log.length - 50);
    // Pending retry state: only writes submitted within about a commit latency of the end.
    expect(w.pendingCount).toBe(w.log.length - acked);
    expect(w.pendingCount).toBeLessThan(50);
    expect(w.log.byteLength).toBeLessThanOrEqual(2 * 16 * w.log.length + 1024);
    const ack = sim.safety.acknowledged;
    expect(ack.count).toBe(acked);
    expect(ack.byteLength).toBeLessThanOrEqual(2 * 16 * ack.count + 1024);
  });

  it('the recovery measure handles a million writes (no spread of a million arguments)', () => {
    const writes = Array.from({ length: 1_000_000 }, (_, i) => ({ submittedUs: i * MS, ackedUs: i * MS + 5 * MS }));
    const h = { n: 3, endUs: 2_000_000 * MS, stints: [{ node: 0, term: 2, startUs: 0, endUs: null }], effective: [{ node: 0, term: 2, startUs: 0, endUs: null }], faults: [{ description: 'crash n1', startUs: 10 * MS, healUs: 20 * MS, baseTerm: 1 }], termStarts: [], events: [], maxTerm: 2 };
    expect(recoveryOf(h, writes)).toEqual({ healedUs: 20 * MS, afterUs: 5 * MS });
  });
});

describe('the memory cap on writes per trial', () => {
  const load = (text: string) => {
    try {
      loadScenarioText(text, 'mem.json5');
      return null;
    } catch (e) {
      if (e instanceof ScenarioError) return e.message;
      throw e;
    }
  };

  it('a simulated day at 20 writes/s on 5 nodes is accepted; at 100 writes/s it is refused with the estimate', () => {
    expect(load('{ cluster: { nodes: 5 }, workload: { writesPerSecond: 20 }, horizon: "1d" }')).toBeNull();
    const m = load('{ cluster: { nodes: 5 }, workload: { writesPerSecond: 100 }, horizon: "1d" }');
    expect(m).toMatch(/about 8\.6e\+6 writes per trial would hold about 4,285 MB .*over the cap of 1,024 MB/);
  });

  it('the cap scales with the cluster size (every node keeps every write)', () => {
    expect(load('{ cluster: { nodes: 3 }, workload: { writesPerSecond: 30 }, horizon: "1d" }')).toBeNull();
    expect(load('{ cluster: { nodes: 51 }, workload: { writesPerSecond: 40 }, horizon: "1d" }')).toMatch(/51 nodes' logs/);
  });
});
