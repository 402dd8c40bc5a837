// Raft issue: without faults, 3-, 5- and 7-node clusters elect exactly one
// leader and keep it for a simulated day with zero spurious elections, for each
// timer profile at its usual settings on a LAN. One file per profile calls this,
// so vitest runs the three profiles on separate cores.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenarios/load.js';
import { runTrialWith } from '../../src/scenarios/trial.js';
import { referenceFactory } from '../../src/scenarios/implementation.js';

export function quietDay(profile: 'paper' | 'etcd' | 'hashicorp'): void {
  describe(`a quiet day, ${profile} profile`, () => {
    for (const nodes of [3, 5, 7]) {
      it(`${nodes} nodes: one election, one leader for 24 h`, () => {
        const s = loadScenarioText(`{ cluster: { nodes: ${nodes} }, raft: { profile: "${profile}" }, horizon: "1d", trials: 1 }`, 'quiet-day.json5');
        const r = runTrialWith(s, 0, referenceFactory, { keepHistory: true });
        const h = r.history!;
        expect(r.violation).toBeNull();
        expect(h.termStarts).toHaveLength(1);
        expect(h.stints).toHaveLength(1);
        expect(h.stints[0].endUs).toBeNull(); // still leading at the end of the day
        expect(h.endUs).toBe(86_400_000_000);
        expect(r.metrics.spuriousElections).toBe(0);
        expect(r.metrics.leaderlessUs).toBe(0);
      });
    }
  });
}
