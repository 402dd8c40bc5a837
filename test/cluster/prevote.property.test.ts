// PreVote (dissertation §9.6): a node cut off from the cluster never wins a
// pre-vote, so its term stays put however long it is isolated, and it does not
// depose the leader when it returns. The prevote-bumps-term bug breaks this.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../../src/run/simulation.js';
import { simulationSpec } from '../../src/run/trial.js';
import { bugFactory, referenceFactory } from '../../src/run/implementation.js';
import type { NodeFactory } from '../../src/cluster/host.js';
import { testScenario } from '../support/scenario.js';

/** Isolates one follower for `isolateUs`, heals, and reports its term before and after, and whether the leader survived. */
function isolateFollower(factory: NodeFactory, trial: number, isolateUs: number) {
  const s = testScenario({ nodes: 5, raft: { preVote: true } });
  const sim = new Simulation(simulationSpec(s, trial, factory));
  sim.run(2_000_000);
  const leader = sim.host.currentLeader()!;
  const victim = (leader + 1) % 5;
  const termBefore = sim.host.nodes[victim]!.term;
  const leaderTerm = sim.host.nodes[leader]!.term;
  sim.injector.start({ atUs: sim.now, durationUs: isolateUs, action: { kind: 'isolate', target: [victim] } });
  sim.run(sim.now + isolateUs - 1);
  const termIsolated = sim.host.nodes[victim]!.term;
  sim.run(sim.now + 2_000_000);
  return { termBefore, termIsolated, leaderKept: sim.host.currentLeader() === leader && sim.host.nodes[leader]!.term === leaderTerm };
}

const arb = fc.record({ trial: fc.integer({ min: 0, max: 100_000 }), isolateUs: fc.integer({ min: 1_000_000, max: 10_000_000 }) });

describe('PreVote keeps an isolated node from inflating its term', () => {
  it('reference node: the term stays put and the leader is kept after the rejoin', () => {
    fc.assert(
      fc.property(arb, ({ trial, isolateUs }) => {
        const r = isolateFollower(referenceFactory, trial, isolateUs);
        expect(r.termIsolated).toBe(r.termBefore);
        expect(r.leaderKept).toBe(true);
      }),
      { seed: 96, numRuns: 25 },
    );
  });

  it('the prevote-bumps-term bug is caught, with its shrunk counterexample', () => {
    const details = fc.check(
      fc.property(arb, ({ trial, isolateUs }) => {
        const r = isolateFollower(bugFactory('prevote-bumps-term'), trial, isolateUs);
        return r.termIsolated === r.termBefore && r.leaderKept;
      }),
      { seed: 96, numRuns: 25 },
    );
    expect(details.failed).toBe(true);
    const cx = details.counterexample![0];
    console.log(`prevote-bumps-term: caught after ${details.numRuns} run(s): a follower isolated for ${cx.isolateUs / 1000} ms (trial ${cx.trial}) raised its term`);
  });
});
