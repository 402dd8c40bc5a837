// Random schedules over a test Cluster: messages delivered out of order,
// dropped and duplicated; timers fired at random; crashes, restarts,
// partitions and leadership transfers. Then a fair phase (healed, everything delivered, the leader
// heartbeating) that must elect a leader and commit a write everywhere.

import { Cluster, seededRng, type ClusterOptions, type Rng } from './harness.js';
import { SafetyMonitor } from './invariants.js';
import type { NodeId, TimerName } from '../../src/raft/types.js';

export interface ChaosResult {
  violations: string[];
  /** Did the fair phase elect a leader and commit a fresh write on every node? */
  live: boolean;
  maxTerm: number;
  cluster: Cluster;
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)];

export function runChaos(opts: ClusterOptions, seed: number, steps: number): ChaosResult {
  const rng = seededRng(seed);
  const c = new Cluster({ ...opts, rng: (id) => seededRng(seed * 31 + id) });
  const monitor = new SafetyMonitor(c);
  let nextData = 1;
  for (let s = 0; s < steps; s++) {
    chaosAction(c, rng, () => nextData++);
    monitor.observe();
  }
  const live = fairPhase(c, rng, nextData++, monitor);
  const maxTerm = Math.max(...c.nodes.map((x) => x.term));
  return { violations: monitor.violations, live, maxTerm, cluster: c };
}

function chaosAction(c: Cluster, rng: Rng, data: () => number): void {
  const r = rng.next();
  const up = [...Array(c.n).keys()].filter((i) => !c.down.has(i));
  if (r < 0.55 && c.queue.length > 0) c.deliverAt(Math.floor(rng.next() * c.queue.length));
  else if (r < 0.6 && c.queue.length > 0) c.queue.splice(Math.floor(rng.next() * c.queue.length), 1);
  else if (r < 0.63 && c.queue.length > 0) c.deliverAt(Math.floor(rng.next() * c.queue.length), true);
  else if (r < 0.85) fireRandomTimer(c, rng, pick(rng, up));
  else if (r < 0.93) c.propose(pickProposer(c, rng, up), data());
  else if (r < 0.95 && c.down.size < Math.floor((c.n - 1) / 2)) c.crash(pick(rng, up));
  else if (r < 0.97 && c.down.size > 0) c.restart(pick(rng, [...c.down]));
  else if (r < 0.98) c.isolate(pick(rng, up));
  else if (r < 0.99) c.heal();
  else transferRandomly(c, rng);
}

/**
 * Leaders' timers (heartbeats, ticks) fire far more often than followers' election
 * timers, as in real time, so leaders live long enough to replicate and commit.
 */
function fireRandomTimer(c: Cluster, rng: Rng, id: NodeId): void {
  const leaders = c.leaders();
  if (leaders.length > 0 && rng.next() < 0.95) id = pick(rng, leaders);
  const armed = [...c.timers[id].keys()];
  if (armed.length === 0) return;
  const hb = armed.find((t) => t === 'heartbeat');
  const name = hb !== undefined && rng.next() < 0.7 ? hb : (pick(rng, armed) as TimerName);
  // Election timeouts are long next to message delays: let candidates finish most elections.
  if (name === 'election' && c.nodes[id].role !== 'leader' && rng.next() < 0.7) return;
  c.fire(id, name);
}

function transferRandomly(c: Cluster, rng: Rng): void {
  const leaders = c.leaders();
  if (leaders.length > 0) c.transfer(pick(rng, leaders), Math.floor(rng.next() * c.n));
}

/** Mostly the leader (clients find it); sometimes anyone, to exercise redirects. */
function pickProposer(c: Cluster, rng: Rng, up: NodeId[]): NodeId {
  const leaders = c.leaders();
  return leaders.length > 0 && rng.next() < 0.8 ? pick(rng, leaders) : pick(rng, up);
}

/** Heals everything; returns whether a leader commits `data` on every node within a bounded number of rounds. */
function fairPhase(c: Cluster, rng: Rng, data: number, monitor: SafetyMonitor): boolean {
  c.heal();
  for (const id of [...c.down]) c.restart(id);
  let proposed = false;
  for (let round = 0; round < 60; round++) {
    if (!c.pump()) return false; // only the bug zoo livelocks message exchange
    monitor.observe();
    const leaders = c.leaders();
    const maxTerm = Math.max(...c.nodes.map((x) => x.term));
    const leader = leaders.find((l) => c.nodes[l].term === maxTerm);
    if (leader === undefined) {
      const candidates = [...Array(c.n).keys()].filter((i) => c.nodes[i].role !== 'leader');
      c.timeout(pick(rng, candidates));
      continue;
    }
    if (!proposed) proposed = c.propose(leader, data).index > 0;
    c.heartbeat(leader, false);
    if (!c.pump()) return false;
    if (c.config.timerMode === 'continuous' && c.timers[leader].has('election')) c.fire(leader, 'election');
    monitor.observe();
    if (proposed && c.applied.every((a) => a.some((e) => e.data === data))) return true;
  }
  return false;
}
