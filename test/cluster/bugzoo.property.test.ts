// The bug zoo: every deliberately broken node must be caught by the property
// tests within a fixed seed budget, with its shrunk counterexample printed.
// This is the proof that the safety and liveness checkers check something.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { faultScheduleArb, leaderChurnArb, type ChurnOptions, type ScheduleOptions } from '../../src/faults/arbitrary.js';
import { checkSchedule, scenarioRecoveryBoundUs, type Schedule } from '../../src/fuzz/schedule-check.js';
import { bugFactory } from '../../src/run/implementation.js';
import { describeFault } from '../../src/faults/describe.js';
import { BUGS } from '../../src/raft/bugs.js';
import type { BugName } from '../../src/raft/types.js';
import { testScenario, type TestScenarioOptions } from '../support/scenario.js';

const HEAL_US = 9_000_000;

/** Where to hunt each bug: the cluster, network and fault mix that let it show. */
interface Hunt {
  readonly nodes: number;
  readonly budget: number;
  readonly scenario?: TestScenarioOptions;
  readonly schedule?: Partial<ScheduleOptions>;
  /** Use leader-churn schedules instead of uniformly random ones. */
  readonly churn?: Omit<ChurnOptions, 'nodes'>;
  /** When every fault is healed (default HEAL_US). */
  readonly healAtUs?: number;
  /** The check(s) that may report it. */
  readonly expect: 'safety' | 'liveness' | readonly ('safety' | 'liveness')[];
}

const DEFAULT_SCHEDULE: Omit<ScheduleOptions, 'nodes'> = { windowUs: 5_000_000, maxFaults: 6, minDurationUs: 10_000, maxDurationUs: 3_000_000 };

const HUNTS: Record<Exclude<BugName, 'prevote-bumps-term'>, Hunt> = {
  // A restarted voter must see a second candidate's request in the same term: candidates send one
  // RequestVote per term, so it takes a late duplicate. Wide latency, duplication that overtakes
  // (independent delays), short crashes, Figure 2's votes (no lease to disregard them), and a
  // 10 ms timeout range so that two candidates often share a term.
  'vote-not-persisted': {
    nodes: 3, budget: 400, expect: 'safety',
    scenario: {
      latency: { kind: 'uniform', min: 200, max: 30_000 }, duplicate: 0.3, ordering: 'independent',
      raft: { voteLease: 'never', electionTimeoutMaxUs: 160_000, candidateTimeoutMaxUs: 160_000 },
    },
    schedule: { kinds: ['crash'], maxFaults: 30, minDurationUs: 1_000, maxDurationUs: 10_000, windowUs: 1_000_000 },
  },
  'no-log-up-to-date-check': { nodes: 5, budget: 300, expect: 'safety' },
  // Figure 8 needs entries that reached only some nodes across several terms: a busy client and
  // leader churn from crashes and partitions.
  'commit-old-term-by-counting': {
    nodes: 5, budget: 400, expect: 'safety',
    scenario: { writesPerSecond: 50, clientTimeoutUs: 100_000 },
    churn: { startUs: 1_000_000, maxSteps: 8, minGapUs: 50_000, maxGapUs: 500_000, minDurationUs: 50_000, maxDurationUs: 1_000_000 },
    healAtUs: 6_000_000,
  },
  // Two candidates must ask the same voter in one term: split votes, which a 10 ms timeout range
  // and Figure 2's votes (no lease) make common.
  'double-vote-same-term': {
    nodes: 5, budget: 300, expect: 'safety',
    scenario: { raft: { voteLease: 'never', electionTimeoutMaxUs: 160_000, candidateTimeoutMaxUs: 160_000 } },
  },
  'no-truncate-on-conflict': { nodes: 5, budget: 300, expect: 'safety' },
  // Caught either way: a deposed leader's stale appends break logs (safety) or wedge replication (liveness).
  'accept-stale-term-append': { nodes: 5, budget: 300, expect: ['safety', 'liveness'] },
  'commit-without-majority': { nodes: 3, budget: 300, expect: 'safety' },
  // Symmetric followers: with constant latency they all time out together, forever.
  'fixed-election-timeout': {
    nodes: 5, budget: 300, expect: 'liveness',
    scenario: { latency: { kind: 'constant', value: 500 } },
    schedule: { kinds: ['crash'] },
  },
  'no-step-down-on-higher-term': { nodes: 5, budget: 300, expect: 'liveness' },
};

function hunt(bug: BugName, h: Hunt) {
  const scenario = testScenario({ nodes: h.nodes, writesPerSecond: 20, ...h.scenario });
  const bound = scenarioRecoveryBoundUs(scenario);
  const factory = bugFactory(bug);
  const arb = fc.record({
    trial: fc.integer({ min: 0, max: 1_000_000 }),
    faults: h.churn ? leaderChurnArb({ nodes: h.nodes, ...h.churn }) : faultScheduleArb({ nodes: h.nodes, ...DEFAULT_SCHEDULE, ...h.schedule }),
  });
  const details = fc.check(
    fc.property(arb, (schedule: Schedule) => checkSchedule(scenario, schedule, factory, { healAtUs: h.healAtUs ?? HEAL_US, boundUs: bound }).kind === 'ok'),
    { seed: 7, numRuns: h.budget },
  );
  expect(details.failed, `${bug} survived ${h.budget} runs`).toBe(true);
  const cx = details.counterexample![0] as Schedule;
  const r = checkSchedule(scenario, cx, factory, { healAtUs: h.healAtUs ?? HEAL_US, boundUs: bound });
  const what = r.kind === 'safety' ? `${r.violation.invariant}: ${r.violation.detail}` : r.kind === 'liveness' ? `liveness: ${r.detail}` : 'ok';
  console.log(
    `${bug}: caught after ${details.numRuns} of ${h.budget} run(s), shrunk ${details.numShrinks} time(s) to trial ${cx.trial} with ${cx.faults.length} fault(s):\n` +
      cx.faults.map((f) => `    at ${f.atUs / 1000} ms for ${f.durationUs === null ? '∞' : `${f.durationUs / 1000} ms`}: ${describeFault(f.action)}`).join('\n') +
      `\n  → ${what}`,
  );
  expect(typeof h.expect === 'string' ? [h.expect] : h.expect).toContain(r.kind);
}

describe('the property tests catch every bug-zoo variant', () => {
  for (const [bug, h] of Object.entries(HUNTS) as [BugName, Hunt][]) {
    it(`${bug} (${BUGS[bug].whichInvariantCatchesIt})`, () => hunt(bug, h));
  }
});
