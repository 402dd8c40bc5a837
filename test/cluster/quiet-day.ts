// Raft issue: without faults, 3-, 5- and 7-node clusters elect exactly one
// leader and keep it with zero spurious elections, for each timer profile at its
// usual settings on a LAN, for two simulated hours. One run lasts a whole
// simulated day: 5 nodes on the etcd profile (quiet-day-etcd.test.ts). It guards
// what only a long horizon shows: 864,000 ticks of tick-driven timers without an
// election (timer re-arming and randomised timeout draws repeated all day, clock
// arithmetic at 8.64e10 us), a history that still ends at exactly 24 h, and the
// rare-event tail of a healthy cluster (the bench's simulated day is this run).
// The other profiles run two hours at every size: a day each for them tripled
// the suite's longest single tests.
// One file per profile calls this, so vitest runs the three profiles on separate cores.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.js';
import { runTrialWith } from '../../src/run/trial.js';
import { referenceFactory } from '../../src/run/implementation.js';

export function quietDay(profile: 'paper' | 'etcd' | 'hashicorp', opts: { dayLong?: boolean } = {}): void {
  describe(`a quiet day, ${profile} profile`, () => {
    for (const [nodes, hours] of [[3, 2], [5, opts.dayLong ? 24 : 2], [7, 2]] as const) {
      it(`${nodes} nodes: one election, one leader for ${hours} h`, () => {
        const s = loadScenarioText(`{ cluster: { nodes: ${nodes} }, raft: { profile: "${profile}" }, horizon: "${hours}h", trials: 1 }`, 'quiet-day.json5');
        const r = runTrialWith(s, 0, referenceFactory, { keepHistory: true });
        const h = r.history!;
        expect(r.violation).toBeNull();
        expect(h.termStarts).toHaveLength(1);
        expect(h.stints).toHaveLength(1);
        expect(h.stints[0].endUs).toBeNull(); // still leading at the end of the day
        expect(h.endUs).toBe(hours * 3_600_000_000);
        expect(r.metrics.spuriousElections).toBe(0);
        expect(r.metrics.leaderlessUs).toBe(0);
      });
    }
  });
}
