// The split-vote probability of a first election, computed by the simulator and by an
// independent Monte Carlo of the same model, must agree within sampling error. The
// setup is the classic one: 5 nodes, one failed, election timeouts uniform over a
// 100 ms range, every node starting its timer at the same moment, a fixed one-way
// latency L, no CPU, disk or timer-jitter delays.
//
// The model, from Figure 2 (the first candidate's requests reach everyone after L):
// the first timer to fire, at t1, makes a candidate; a live node whose own timer fires
// before t1 + L becomes a candidate too and votes for itself; every other live node
// votes for the first request it receives, which is t1's. With 4 live nodes of 5 the
// first candidate needs 3 votes, so the round splits iff at least 2 of the other 3
// timers fire within L of the first. Independent random streams matter here: with
// correlated first draws (the old seeding) the simulator split noticeably more often.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/run/simulation.js';
import { referenceFactory } from '../../src/run/implementation.js';
import { resolveRaftConfig } from '../../src/raft/profiles.js';
import type { NodeId, Role } from '../../src/raft/types.js';
import type { DistSpec } from '../../src/sim/distributions.js';
import { seededRng } from '../raft/harness.js';

const N = 5;
const MIN_US = 150_000;
const RANGE_US = 100_000;
const ZERO: DistSpec = { kind: 'constant', value: 0 };

/** Did the first election (term 1) elect a leader? */
function firstRoundWins(latencyUs: number, trial: number): boolean {
  // Figure 2 alone: no lease or PreVote to muddy the first round.
  const config = resolveRaftConfig('paper', {
    electionTimeoutMinUs: MIN_US,
    electionTimeoutMaxUs: MIN_US + RANGE_US,
    candidateTimeoutMinUs: MIN_US,
    candidateTimeoutMaxUs: MIN_US + RANGE_US,
    voteLease: 'never',
  });
  const sim = new Simulation({
    host: {
      nodes: N,
      raft: Array.from({ length: N }, () => config),
      network: { nodes: N, latency: { kind: 'constant', value: latencyUs }, lossProbability: 0, duplicateProbability: 0, inFlightOnCut: 'drop' },
      clocks: Array.from({ length: N }, () => ({ skewUs: 0, driftPpm: 0 })),
      cpu: Array.from({ length: N }, () => ({ serviceTime: ZERO, timerJitter: ZERO })),
      disk: Array.from({ length: N }, () => ({ fsyncLatency: ZERO })),
      seed: `split-${latencyUs}`,
      trial,
      nodeFactory: referenceFactory,
    },
    workload: null,
    faults: [],
  });
  let leaderTerm = 0;
  sim.host.addObserver({
    onRole(_node: NodeId, role: Role, term: number) {
      if (role === 'leader' && leaderTerm === 0) leaderTerm = term;
    },
  });
  sim.start();
  sim.host.crash(4);
  sim.run(2 * (MIN_US + RANGE_US));
  expect(sim.violation).toBeNull();
  return leaderTerm === 1;
}

/** The same model drawn directly: integer timeouts uniform in [min, min + range]. */
function monteCarloSplit(latencyUs: number, samples: number): number {
  const rng = seededRng(20261202 + latencyUs);
  let splits = 0;
  const t = [0, 0, 0, 0];
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < 4; i++) t[i] = MIN_US + Math.floor(rng.next() * (RANGE_US + 1));
    const first = Math.min(t[0], t[1], t[2], t[3]);
    let within = -1; // the first node itself counts once
    for (let i = 0; i < 4; i++) if (t[i] < first + latencyUs) within++;
    if (within >= 2) splits++;
  }
  return splits / samples;
}

describe('first-round split votes: simulator against an independent Monte Carlo', () => {
  for (const latencyMs of [1, 10, 20]) {
    it(`5 nodes, one down, 100 ms timeout range, ${latencyMs} ms one way`, () => {
      const latencyUs = latencyMs * 1_000;
      const trials = 1_500;
      let splits = 0;
      for (let trial = 0; trial < trials; trial++) if (!firstRoundWins(latencyUs, trial)) splits++;
      const p = monteCarloSplit(latencyUs, 400_000);
      // Binomial standard error of the simulator's estimate (the Monte Carlo's is ~16x smaller).
      const se = Math.sqrt((p * (1 - p)) / trials);
      if (process.env.RAFTSIM_PRINT) console.log(`L=${latencyMs}ms: simulator ${splits}/${trials} = ${(splits / trials).toFixed(4)}, Monte Carlo ${p.toFixed(4)} ± ${se.toFixed(4)}`);
      expect(Math.abs(splits / trials - p)).toBeLessThan(4 * se + 1e-9);
      // And the probability is what the model says it should be roughly: 3·3·(L/R)^2-ish for small L.
      expect(p).toBeGreaterThan(0);
    });
  }
});
