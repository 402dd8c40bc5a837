// Raft issue: property tests over random fault schedules (partitions including
// one-way, crashes and restarts, pauses, clock drift and steps, loss,
// duplication, slow CPUs and disks). The reference node never violates an
// invariant, and after every fault heals it elects a single leader and commits
// a write within the bound derived in src/invariants/liveness.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { faultScheduleArb } from '../../src/faults/arbitrary.js';
import { checkSchedule, scenarioRecoveryBoundUs } from '../../src/fuzz/schedule-check.js';
import { referenceFactory } from '../../src/run/implementation.js';
import { testScenario } from '../support/scenario.js';

const WINDOW_US = 5_000_000;
const HEAL_US = 9_000_000;

for (const [nodes, profile, extra] of [
  [5, 'paper', {}],
  [3, 'paper', { preVote: true, checkQuorum: true }],
  [5, 'etcd', {}],
  [5, 'hashicorp', {}],
] as const) {
  describe(`${nodes} nodes, ${profile} profile ${JSON.stringify(extra)}`, () => {
    const scenario = testScenario({ nodes, profile, raft: extra, writesPerSecond: 20, loss: 0.01, duplicate: 0.01 });
    const bound = scenarioRecoveryBoundUs(scenario);

    it(`keeps every invariant and recovers within ${(bound / 1000).toFixed(0)} ms after the heal`, () => {
      const arb = fc.record({
        trial: fc.integer({ min: 0, max: 1_000_000 }),
        faults: faultScheduleArb({ nodes, windowUs: WINDOW_US, maxFaults: 6, minDurationUs: 10_000, maxDurationUs: 3_000_000 }),
      });
      fc.assert(
        fc.property(arb, (schedule) => {
          const r = checkSchedule(scenario, schedule, referenceFactory, { healAtUs: HEAL_US, boundUs: bound });
          if (r.kind !== 'ok') throw new Error(`${r.kind}: ${r.kind === 'safety' ? JSON.stringify(r.violation) : r.detail}`);
        }),
        { seed: 20261123 + nodes, numRuns: 60 },
      );
    });
  });
}

it('the bound is finite and larger than one election timeout', () => {
  const s = testScenario();
  const b = scenarioRecoveryBoundUs(s);
  expect(b).toBeGreaterThan(s.raft.nodes[0].electionTimeoutMaxUs);
  expect(Number.isFinite(b)).toBe(true);
});
