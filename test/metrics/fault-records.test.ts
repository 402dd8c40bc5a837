// Faults as data: metrics read fault records (kind, nodes, start, heal,
// instantaneous), never their descriptions. A clock step described as anything
// at all still "heals" when it happens; a fault whose description merely looks
// like a clock step does not.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FAULT_KIND_TABLE } from '../../src/faults/registry.js';
import { lastHealUs } from '../../src/metrics/recovery.js';
import type { TrialHistory } from '../../src/metrics/history.js';
import { runTrialWith } from '../../src/run/trial.js';
import { referenceFactory } from '../../src/run/implementation.js';
import { testScenario } from '../support/scenario.js';

afterEach(() => vi.restoreAllMocks());

const history = (faults: TrialHistory['faults']): TrialHistory => ({ n: 3, endUs: 10_000_000, stints: [], effective: [], faults, termStarts: [], events: [], maxTerm: 0 });

describe('metrics read fault records, not descriptions', () => {
  it('an instantaneous fault heals when it starts, whatever its description says', () => {
    expect(lastHealUs(history([{ description: 'renamed', startUs: 2_000_000, healUs: null, baseTerm: 1, instantaneous: true }]))).toBe(2_000_000);
    expect(lastHealUs(history([{ description: 'clock step n1 by 1s', startUs: 2_000_000, healUs: null, baseTerm: 1 }]))).toBeNull();
  });

  it('a trial with a clock step described otherwise still measures recovery and per-fault figures', () => {
    vi.spyOn(FAULT_KIND_TABLE.step, 'describe').mockReturnValue('something else entirely');
    vi.spyOn(FAULT_KIND_TABLE.crash, 'describe').mockReturnValue('clock step (not really)');
    const s = testScenario({
      nodes: 3,
      horizonUs: 8_000_000,
      faults: [
        { start: { kind: 'at', atUs: 2_000_000 }, repeat: { kind: 'once' }, duration: null, healAtUs: null, action: { kind: 'step', target: [1], deltaUs: 500_000 }, setup: false, path: 'faults[0]' },
        { start: { kind: 'at', atUs: 3_000_000 }, repeat: { kind: 'once' }, duration: { kind: 'constant', value: 1_000_000 }, healAtUs: null, action: { kind: 'crash', target: 'leader' }, setup: false, path: 'faults[1]' },
      ],
    });
    const r = runTrialWith(s, 0, referenceFactory, { keepHistory: true });
    const h = r.history!;
    expect(h.faults.map((f) => f.description)).toEqual(['something else entirely', 'clock step (not really)']);
    expect(h.faults.map((f) => f.kind)).toEqual(['step', 'crash']);
    // The crash healed at 4 s; the step counts as healed at 2 s: recovery is measured from 4 s.
    expect(lastHealUs(h)).toBe(4_000_000);
    expect(r.metrics.recovery?.healedUs).toBe(4_000_000);
    expect(r.metrics.faults).toHaveLength(2);
  });
});
