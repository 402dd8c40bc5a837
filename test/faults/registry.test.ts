// The fault-kind table (src/faults/registry.ts): every kind has every piece, and
// they agree: a random action's file keys load back into the same action through
// the scenario layer (schema, checks, resolution), its description is a line of
// text, and applying then healing it leaves the cluster as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAULT_KIND_NAMES, FAULT_KIND_TABLE, faultKindModule } from '../../src/faults/registry.js';
import { faultActionArb } from '../../src/faults/arbitrary.js';
import type { FaultAction } from '../../src/faults/types.js';
import { Simulation } from '../../src/run/simulation.js';
import { simulationSpec } from '../../src/run/trial.js';
import { referenceFactory } from '../../src/run/implementation.js';
import { testScenario } from '../support/scenario.js';
import { load } from '../scenarios/helpers.js';

const N = 5;

/** A bridge with an empty side has no file form (a side lists at least one node). */
const expressible = (a: FaultAction) => a.kind !== 'bridge' || (a.sides[0].length > 0 && a.sides[1].length > 0);

function samples(kind: string): FaultAction[] {
  return fc.sample(faultActionArb(N, kind as FaultAction['kind']), { seed: 11, numRuns: 12 }).filter(expressible);
}

describe('the fault-kind table', () => {
  it('lists each module under its own kind, with every piece', () => {
    expect(FAULT_KIND_NAMES.length).toBeGreaterThanOrEqual(19);
    for (const k of FAULT_KIND_NAMES) {
      const m = FAULT_KIND_TABLE[k];
      expect(m.kind).toBe(k);
      expect(m.summary.length).toBeGreaterThan(10);
      expect(typeof m.shape).toBe('object');
      for (const f of [m.check, m.resolve, m.apply, m.describe, m.fileKeys, m.arbitrary]) expect(typeof f).toBe('function');
      expect(typeof m.losesAckedWrites).toBe('boolean');
    }
  });

  it.each(FAULT_KIND_NAMES)('%s: file keys load back into the same action, and it describes itself', (kind) => {
    const m = faultKindModule(kind);
    const actions = samples(kind);
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) {
      expect(a.kind).toBe(kind);
      const line = m.describe(a, []);
      expect(line).not.toBe('');
      expect(line).not.toMatch(/\n|undefined|NaN/);
      const timing = m.instantaneous === null ? { at: '1s', duration: '1s' } : { at: '1s' };
      const s = load(JSON.stringify({ cluster: { nodes: N }, horizon: '10s', faults: [{ ...m.fileKeys(a), ...timing }] }));
      expect(s.faults[0].action).toEqual(a);
    }
  });

  it.each(FAULT_KIND_NAMES)('%s: apply then heal leaves every link up and every node running', (kind) => {
    const m = faultKindModule(kind);
    for (const a of samples(kind).slice(0, 3)) {
      const s = new Simulation(simulationSpec(testScenario({ nodes: N }), 0, referenceFactory));
      s.run(2_000_000);
      s.injector.start({ atUs: s.now, durationUs: 500_000, action: a });
      const record = s.injector.log[0];
      expect(record.kind).toBe(kind);
      expect(record.description).toBe(m.describe(a, record.nodes));
      expect(record.instantaneous).toBe(m.instantaneous !== null);
      s.run(s.now + 1_000_000);
      expect(s.injector.active).toHaveLength(0);
      for (let x = 0; x < N; x++) {
        expect(s.host.condition(x)).toBe('up');
        for (let y = 0; y < N; y++) expect(s.host.network.isReachable(x, y)).toBe(true);
      }
    }
  });
});
