// A synthetic tuning problem whose answer is known by construction, for
// testing the search without the simulator: with election timeout e,
//   time to a stable leader after a crash ~ e × Uniform(1, 2)  (p99 = 1.99 e),
//   spurious elections per hour          = 10^(6 − e / 50 ms)  (300 ms: 1/h, 400 ms: 0.01/h).
// Goals p99 ≤ 1.1 s and ≤ 1 spurious election per cluster-day at 95%: 300 ms
// misses the spurious goal, 600 ms and up miss the failover goal, and of
// 400 ms (p99 796 ms) and 500 ms (p99 995 ms) the best is 400 ms.
import seedrandom from 'seedrandom';
import { fullGrid, type Axes } from '../../src/tune/grid.js';
import type { SearchSpace } from '../../src/tune/search.js';
import type { Candidate, Evaluator, Goals, Observation, Request } from '../../src/tune/types.js';

export const AXES: Axes = {
  electionTimeoutUs: [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000].map((ms) => ms * 1000),
  heartbeatUs: [null],
  preVote: [true],
  checkQuorum: [true],
};

export const GOALS: Goals = {
  quantile: 0.99,
  failoverMs: 1100,
  spuriousPerHour: 1 / 24,
  spurious: { atMost: 1, per: 'day' },
  confidence: 0.95,
  indifferenceMs: 20,
};

export function space(): SearchSpace {
  return { grid: fullGrid(AXES), axes: AXES, families: ['crash'], goals: GOALS };
}

export const QUIET_HOURS = 24;

const spuriousPerHour = (c: Candidate) => 10 ** (6 - c.knobs.electionTimeoutUs / 50_000);

function poisson(mean: number, u: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  while (u > cdf && k < 1e6) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/** Counts every call's trials, so tests can check what the search spent. */
export function syntheticEvaluator(grid: readonly Candidate[], seed = 's'): Evaluator & { calls: Request[][] } {
  const calls: Request[][] = [];
  const evaluate = async (requests: readonly Request[]): Promise<Observation[]> => {
    calls.push([...requests]);
    return requests.map((r) => {
      const c = grid[r.candidate];
      const e = c.knobs.electionTimeoutUs;
      if (r.kind === 'quiet') {
        let spurious = 0;
        for (const t of r.trials) spurious += poisson(spuriousPerHour(c) * QUIET_HOURS, seedrandom(`${seed}:${c.id}:quiet:${t}`)());
        return { failoverUs: [], spurious, hours: r.trials.length * QUIET_HOURS, violations: 0 };
      }
      const failoverUs = r.trials.map((t) => Math.round(e * (1 + seedrandom(`${seed}:${c.id}:${r.kind}:${t}`)())));
      return { failoverUs, spurious: 0, hours: 0, violations: 0 };
    });
  };
  return Object.assign(evaluate, { calls });
}
