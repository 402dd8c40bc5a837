// The adaptive search of `raftsim tune`: racing with successive halving over
// a grid of configurations, refined around the frontier.
//
//   1. Start with the coarse grid (every other value of each numeric axis).
//   2. Each round gives every open configuration twice the failover trials it
//      had (a first batch, then doubling up to a cap) while its failover goal is
//      undecided or its ranking is in doubt. Quiet trials (long, for the
//      spurious-election rate) go as a first batch to every configuration, then
//      doubling to one configuration a round: the fastest one still open.
//   3. A configuration is dropped once it confidently misses a goal, or once it
//      is confidently no faster than the leader by more than the indifference
//      (its lower bound + indifference ≥ the leader's upper bound).
//   4. Grid neighbours of the leader (the fastest configuration that meets every
//      goal) are added as it emerges: the refinement around the frontier.
//   5. Stop when the leader is separated from every configuration evaluated
//      (the recommendation), when no configuration can meet the goals, or when
//      the trial budget, the per-configuration caps or the wall time (CLI only)
//      run out — and say which.
// Everything is ordered by grid index and the evaluator is deterministic, so a
// given seed and trial budget always give the same search (a wall-time limit
// may stop it at a different round).
import { assess, type Assessment } from './assess.js';
import { rateUpper } from '../stats/poisson.js';
import { coarseGrid, neighbours, type Axes } from './grid.js';
import type { Candidate, Evaluator, Evidence, Family, Goals, Request } from './types.js';

export interface SearchSpace {
  readonly grid: readonly Candidate[];
  readonly axes: Axes;
  readonly families: readonly Family[];
  readonly goals: Goals;
}

export interface SearchOptions {
  readonly budgetTrials: number;
  /** Failover trials per family in a configuration's first batch, and the most it may get. */
  readonly failoverStart: number;
  readonly failoverMax: number;
  /** Quiet (spurious-election) trials in the first batch, and the most a configuration may get. */
  readonly quietStart: number;
  readonly quietMax: number;
  /** Simulated hours of one quiet trial. */
  readonly quietTrialHours: number;
  /** Checked before each round (a wall-time limit: CLI only, never in tests). */
  readonly shouldStop?: () => boolean;
  readonly onRound?: (round: RoundLog) => void;
}

export type StopReason = 'separated' | 'none-meets-goals' | 'budget' | 'caps' | 'wall-time';

export type CandidateState = 'recommended' | 'leading' | 'missed' | 'slower' | 'open';

export interface Evaluated {
  readonly candidate: Candidate;
  readonly evidence: Evidence;
  readonly assessment: Assessment;
  readonly state: CandidateState;
  /** The round it was first evaluated in (0 = the coarse grid). */
  readonly addedInRound: number;
}

export interface RoundLog {
  readonly round: number;
  readonly trials: number;
  readonly configurations: number;
  readonly open: number;
  readonly leader: number | null;
}

export interface SearchOutcome {
  readonly reason: StopReason;
  /** The recommended configuration's grid index: set only when separated. */
  readonly recommended: number | null;
  /** The best configuration so far that meets every goal (also when not separated). */
  readonly leader: number | null;
  /** Every configuration evaluated, in grid order. */
  readonly evaluated: readonly Evaluated[];
  readonly trialsSpent: number;
  readonly rounds: readonly RoundLog[];
}

function emptyEvidence(): Evidence {
  return { failover: {}, spurious: 0, hours: 0, violations: 0, failoverTrials: {}, quietTrials: 0 };
}

export async function search(space: SearchSpace, evaluate: Evaluator, o: SearchOptions): Promise<SearchOutcome> {
  const g = space.goals;
  const evidence = new Map<number, Evidence>();
  const addedIn = new Map<number, number>();
  for (const c of coarseGrid(space.grid, space.axes)) {
    evidence.set(c.id, emptyEvidence());
    addedIn.set(c.id, 0);
  }
  let spent = 0;
  let round = 0;
  let refinedFromMissed = false;
  const rounds: RoundLog[] = [];
  const ids = () => [...evidence.keys()].sort((a, b) => a - b);
  const assessAll = () => new Map(ids().map((id) => [id, assess(evidence.get(id)!, space.families, g)]));

  const addAround = (around: readonly number[]): number => {
    let added = 0;
    for (const id of around) {
      for (const n of neighbours(space.grid, space.grid[id])) {
        if (evidence.has(n.id)) continue;
        evidence.set(n.id, emptyEvidence());
        addedIn.set(n.id, round);
        added++;
      }
    }
    return added;
  };

  for (;;) {
    const a = assessAll();
    const leader = leaderOf(a);
    // Refine around the leader as soon as there is one.
    if (leader !== null && addAround([leader]) > 0) continue;
    const settled = (id: number) => isSettled(id, a, leader, g);
    if (leader !== null && ids().every((id) => id === leader || settled(id))) return finish('separated');

    // The fastest open configuration whose spurious-election goal is undecided and that has quiet trials left.
    const nextQuiet =
      ids()
        .filter((id) => a.get(id)!.verdict !== 'missed' && a.get(id)!.spurious.verdict === 'undecided' && evidence.get(id)!.quietTrials < o.quietMax)
        .filter((id) => leader === null || !settled(id))
        .sort((p, q) => a.get(p)!.rank.estimate - a.get(q)!.rank.estimate || p - q)[0] ?? null;
    const plan: Request[] = [];
    for (const id of ids()) {
      const x = a.get(id)!;
      if (x.verdict === 'missed') continue;
      // The ranking needs more failover trials only where it is in doubt: an open configuration that is
      // probably slower than the leader (one probably faster is decided by its own goals instead).
      const probablySlower = (c: number) => a.get(c)!.rank.estimate >= a.get(leader!)!.rank.estimate;
      const contested = leader !== null && (id === leader ? ids().some((c) => c !== leader && !settled(c) && probablySlower(c)) : !settled(id) && probablySlower(id));
      if (leader !== null && id !== leader && settled(id)) continue;
      const e = evidence.get(id)!;
      for (const f of x.failover) {
        if (f.verdict === 'undecided' || contested) {
          const have = e.failoverTrials[f.family] ?? 0;
          const want = Math.min(o.failoverMax, Math.max(o.failoverStart, 2 * have));
          if (want > have) plan.push({ candidate: id, kind: f.family, trials: range(have, want) });
        }
      }
      // Quiet trials are the expensive ones: every configuration gets a first batch (which shows up
      // the frequent misfirers at once), but only the fastest one still open gets more in a round.
      if (x.spurious.verdict === 'undecided' && (e.quietTrials === 0 || id === nextQuiet)) {
        // Double, but no further than the exposure that shows the goal if no further event comes.
        const needed = e.quietTrials + Math.ceil(Math.max(0, (rateUpper(e.spurious, 1, g.confidence)! / g.spuriousPerHour - e.hours) / o.quietTrialHours));
        const want = Math.min(o.quietMax, Math.max(o.quietStart, Math.min(2 * e.quietTrials, Math.max(needed, e.quietTrials + 1))));
        if (want > e.quietTrials) plan.push({ candidate: id, kind: 'quiet', trials: range(e.quietTrials, want) });
      }
    }
    if (plan.length === 0) {
      // Nothing left to learn here and no leader: refine around what is still in the running, or
      // — when every configuration missed a goal — once around all of them (the frontier lies between).
      if (leader === null) {
        const open = ids().filter((id) => a.get(id)!.verdict !== 'missed');
        const around = open.length > 0 ? open : refinedFromMissed ? [] : ids();
        if (open.length === 0) refinedFromMissed = true;
        if (addAround(around) > 0) continue;
        if (open.length === 0) return finish('none-meets-goals');
      }
      return finish('caps');
    }
    if (o.shouldStop?.() === true) return finish('wall-time');
    const fitting: Request[] = [];
    let left = o.budgetTrials - spent;
    for (const r of plan) {
      if (r.trials.length > left) break;
      fitting.push(r);
      left -= r.trials.length;
    }
    if (fitting.length === 0) return finish('budget');
    const observed = await evaluate(fitting);
    fitting.forEach((r, i) => merge(evidence.get(r.candidate)!, r, observed[i]));
    const trials = fitting.reduce((s, r) => s + r.trials.length, 0);
    spent += trials;
    round++;
    const log: RoundLog = { round, trials, configurations: evidence.size, open: ids().filter((id) => !settled(id)).length, leader };
    rounds.push(log);
    o.onRound?.(log);
  }

  function finish(reason: StopReason): SearchOutcome {
    const a = assessAll();
    const leader = leaderOf(a);
    const recommended = reason === 'separated' ? leader : null;
    const evaluated = ids().map((id): Evaluated => {
      const x = a.get(id)!;
      const state: CandidateState =
        id === leader ? (recommended !== null ? 'recommended' : 'leading') : x.verdict === 'missed' ? 'missed' : isSettled(id, a, leader, g) ? 'slower' : 'open';
      return { candidate: space.grid[id], evidence: evidence.get(id)!, assessment: x, state, addedInRound: addedIn.get(id)! };
    });
    return { reason, recommended, leader, evaluated, trialsSpent: spent, rounds };
  }
}

/** The fastest configuration that meets every goal (lowest point estimate; ties: the earlier in the grid). */
function leaderOf(a: ReadonlyMap<number, Assessment>): number | null {
  let best: number | null = null;
  for (const [id, x] of [...a.entries()].sort((p, q) => p[0] - q[0])) {
    if (x.verdict !== 'met') continue;
    if (best === null || x.rank.estimate < a.get(best)!.rank.estimate) best = id;
  }
  return best;
}

/** Out of the running: it missed a goal, or it cannot be faster than the leader by more than the indifference. */
function isSettled(id: number, a: ReadonlyMap<number, Assessment>, leader: number | null, g: Goals): boolean {
  const x = a.get(id)!;
  if (x.verdict === 'missed') return true;
  if (leader === null || id === leader) return false;
  return x.rank.lower + g.indifferenceMs >= a.get(leader)!.rank.upper;
}

function merge(e: Evidence, r: Request, o: { failoverUs: readonly (number | null)[]; spurious: number; hours: number; violations: number }): void {
  e.spurious += o.spurious;
  e.hours += o.hours;
  e.violations += o.violations;
  if (r.kind === 'quiet') e.quietTrials += r.trials.length;
  else {
    const list = (e.failover[r.kind] ??= []);
    list.push(...o.failoverUs);
    e.failoverTrials[r.kind] = (e.failoverTrials[r.kind] ?? 0) + r.trials.length;
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
