// recoveryMs, the liveness measure `raftsim fuzz` bounds: from the last heal
// until one effective leader (and no other node leading) and a write committed.
import { describe, expect, it } from 'vitest';
import { lastHealUs, recoveryOf } from '../../src/metrics/recovery.js';
import type { FaultWindow, Stint, TrialHistory } from '../../src/metrics/history.js';

const MS = 1000;

function history(o: { faults: FaultWindow[]; stints?: Stint[]; effective?: Stint[]; endUs?: number }): TrialHistory {
  return { n: 3, endUs: o.endUs ?? 10_000 * MS, stints: o.stints ?? [], effective: o.effective ?? [], faults: o.faults, termStarts: [], events: [], maxTerm: 3 };
}
const fault = (startUs: number, healUs: number | null, description = 'crash n0'): FaultWindow => ({ description, startUs, healUs, baseTerm: 1 });
const stint = (node: number, term: number, startUs: number, endUs: number | null): Stint => ({ node, term, startUs, endUs });

describe('recovery after the last heal', () => {
  it('is not measured without faults, or when a fault never healed', () => {
    expect(recoveryOf(history({ faults: [] }), [])).toBeNull();
    expect(recoveryOf(history({ faults: [fault(1000 * MS, 2000 * MS), fault(3000 * MS, null)] }), [])).toBeNull();
  });

  it('counts a clock step (an instantaneous fault record) as healed when it happens', () => {
    const step: FaultWindow = { ...fault(3000 * MS, null, 'clock step n1 by 1s'), kind: 'step', instantaneous: true };
    expect(lastHealUs(history({ faults: [fault(1000 * MS, 2000 * MS), step] }))).toBe(3000 * MS);
  });

  it('waits until the only node leading is the effective leader', () => {
    // n0 led term 1 and was isolated; n1 won term 2 at 1.5 s; the heal at 2 s leaves n0 believing it leads until 2.3 s.
    const h = history({
      faults: [fault(1000 * MS, 2000 * MS, 'isolate n0')],
      stints: [stint(0, 1, 100 * MS, 2300 * MS), stint(1, 2, 1500 * MS, null)],
      effective: [stint(0, 1, 100 * MS, 1000 * MS), stint(1, 2, 1500 * MS, null)],
    });
    expect(recoveryOf(h, [])).toEqual({ healedUs: 2000 * MS, afterUs: 300 * MS });
  });

  it('with a workload, also waits for a write submitted since the heal to be acknowledged', () => {
    const h = history({ faults: [fault(1000 * MS, 2000 * MS)], stints: [stint(1, 2, 1500 * MS, null)], effective: [stint(1, 2, 1500 * MS, null)] });
    const writes = [
      { submittedUs: 1900 * MS, ackedUs: 2010 * MS }, // submitted before the heal: does not count
      { submittedUs: 2050 * MS, ackedUs: 2120 * MS },
    ];
    expect(recoveryOf(h, writes)).toEqual({ healedUs: 2000 * MS, afterUs: 120 * MS });
    expect(recoveryOf(h, [{ submittedUs: 2050 * MS, ackedUs: null }])).toEqual({ healedUs: 2000 * MS, afterUs: null });
  });

  it('is censored when the cluster never has a single effective leader again', () => {
    const twoLeaders = history({
      faults: [fault(1000 * MS, 2000 * MS)],
      stints: [stint(0, 1, 100 * MS, null), stint(1, 2, 1500 * MS, null)],
      effective: [stint(1, 2, 1500 * MS, null)],
    });
    expect(recoveryOf(twoLeaders, [])).toEqual({ healedUs: 2000 * MS, afterUs: null });
    expect(recoveryOf(history({ faults: [fault(1000 * MS, 2000 * MS)] }), [])).toEqual({ healedUs: 2000 * MS, afterUs: null });
  });
});
