// Wake order (RaftConfig.wakeOrder): which queued input a node's CPU takes next when
// timer firings and other inputs wait together. 'arrival' is FIFO; 'timers-first' takes
// the oldest timer firing first; 'random' is Go's select (hashicorp/raft runFollower picks
// uniformly between its RPC channel and its heartbeat timer).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Kernel } from '../../src/sim/kernel.js';
import { Cpu, type WakeOrder } from '../../src/sim/cpu.js';
import { makeRng, type Rng } from '../../src/sim/rng.js';
import { Simulation } from '../../src/run/simulation.js';
import { simulationSpec } from '../../src/run/trial.js';
import { referenceFactory } from '../../src/run/implementation.js';
import type { NodeId } from '../../src/raft/types.js';
import { testScenario } from '../support/scenario.js';

const T = 9; // the timer tag in these CPU tests

/** A CPU with constant service time whose rng counts draws; returns the run order of tags/payloads. */
function cpuWith(order: WakeOrder, serviceUs: number, rng: Rng | null = null) {
  const kernel = new Kernel();
  const ran: string[] = [];
  const done = kernel.defineKind('cpu-done', () => cpu.onServiceDone());
  const cpu: Cpu = new Cpu(kernel, done, 0, makeRng('svc'), { serviceTime: { kind: 'constant', value: serviceUs } }, (_n, tag, payload) => {
    ran.push(`${tag === T ? 'T' : 'm'}${payload as number}`);
  });
  cpu.setWakeOrder(order, T, rng);
  return { kernel, cpu, ran };
}

/** Submits `items` ('T1', 'm2', …) while paused, then resumes and runs everything. */
function backlog(order: WakeOrder, items: string[], rng: Rng | null = null, serviceUs = 10): string[] {
  const { kernel, cpu, ran } = cpuWith(order, serviceUs, rng);
  cpu.pause();
  for (const it of items) cpu.submit(it[0] === 'T' ? T : 1, Number(it.slice(1)));
  expect(cpu.backlog).toBe(items.length);
  cpu.resume();
  kernel.run(Infinity);
  expect(cpu.backlog).toBe(0);
  return ran;
}

const neverDraw: Rng = { next: () => { throw new Error('no draw expected'); } };

describe('Cpu wake order', () => {
  const items = ['m1', 'm2', 'T3', 'm4', 'T5', 'm6'];

  it("'arrival' runs the backlog in arrival order and draws nothing", () => {
    expect(backlog('arrival', items, neverDraw)).toEqual(items);
  });

  it("'timers-first' takes every queued timer firing before other items, each kind in arrival order, without draws", () => {
    expect(backlog('timers-first', items, neverDraw)).toEqual(['T3', 'T5', 'm1', 'm2', 'm4', 'm6']);
  });

  it("'random' draws once per pick while both kinds wait: below 1/2 the oldest timer, else the oldest other item", () => {
    const draws = [0.7, 0.2, 0.9, 0.49, 0.5];
    let i = 0;
    const rng: Rng = { next: () => draws[i++] };
    // m1 (0.7), T3 (0.2), m2 (0.9), T5 (0.49), then only m4 and m6 remain: no more draws.
    expect(backlog('random', items, rng)).toEqual(['m1', 'T3', 'm2', 'T5', 'm4', 'm6']);
    expect(i).toBe(4);
  });

  it("'random' never draws when only timers or only other items are queued", () => {
    expect(backlog('random', ['m1', 'm2', 'm3'], neverDraw)).toEqual(['m1', 'm2', 'm3']);
    expect(backlog('random', ['T1', 'T2'], neverDraw)).toEqual(['T1', 'T2']);
  });

  it('any order keeps each kind in arrival order (property), and arrival order is the identity', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), fc.constantFrom<WakeOrder>('arrival', 'timers-first', 'random'), fc.integer({ min: 0, max: 20 }), (kinds, order, svc) => {
        const items = kinds.map((isTimer, i) => `${isTimer ? 'T' : 'm'}${i}`);
        const ran = backlog(order, items, makeRng('prop'), svc);
        expect([...ran].sort()).toEqual([...items].sort());
        expect(ran.filter((x) => x[0] === 'T')).toEqual(items.filter((x) => x[0] === 'T'));
        expect(ran.filter((x) => x[0] === 'm')).toEqual(items.filter((x) => x[0] === 'm'));
        if (order === 'arrival') expect(ran).toEqual(items);
      }),
    );
  });

  it('also applies to work queued behind a busy CPU, not only after a pause', () => {
    const { kernel, cpu, ran } = cpuWith('timers-first', 100);
    cpu.submit(1, 1); // in service until 100
    cpu.submit(1, 2);
    cpu.submit(T, 3);
    kernel.run(Infinity);
    expect(ran).toEqual(['m1', 'T3', 'm2']);
  });

  it('a crash (reset) empties both queues', () => {
    const { kernel, cpu, ran } = cpuWith('timers-first', 10);
    cpu.pause();
    cpu.submit(1, 1);
    cpu.submit(T, 2);
    cpu.reset(); // also ends the pause
    expect(cpu.backlog).toBe(0);
    expect(cpu.isPaused).toBe(false);
    cpu.pause();
    cpu.submit(1, 3);
    cpu.submit(T, 4);
    cpu.resume();
    kernel.run(Infinity);
    expect(ran).toEqual(['T4', 'm3']);
  });

  it("'random' needs a stream", () => {
    expect(() => cpuWith('random', 10, null)).toThrow(/stream/);
  });
});

// --- in the cluster -----------------------------------------------------------------

const PAUSE_AT = 5_000_000;

/**
 * A 3-node cluster (constant latency and fsync, no timer jitter) whose follower is paused,
 * once the leader is established, for longer than its largest election timeout (1 s for
 * the paper profile's 150–300 ms, 5 s for hashicorp's 1–2 s), with the leader's heartbeats
 * queuing up; returns whether the follower campaigned (PreVote included) after it woke.
 *
 * `singlePhase` turns the paper profile's vote lease off. With it on (voteLease 'always')
 * the follower's election timer runs in two phases (lease end at electionTimeout.min, then
 * the rest of the drawn timeout); a pause queues only the first phase's firing, which
 * arms the remainder from when it is handled, so even a timer handled first cannot
 * campaign before the queued heartbeats reset it.
 */
function pausedFollower(profile: 'paper' | 'hashicorp', wakeOrder: WakeOrder, seed: string, singlePhase = profile === 'paper') {
  const pauseUs = profile === 'paper' ? 1_000_000 : 5_000_000;
  const s = testScenario({
    nodes: 3,
    profile,
    seed,
    raft: singlePhase ? { wakeOrder, voteLease: 'never' } : { wakeOrder },
    latency: { kind: 'constant', value: 500 },
    fsync: { kind: 'constant', value: 1_000 },
    horizonUs: PAUSE_AT + pauseUs + 2_000_000,
  });
  const sim = new Simulation(simulationSpec(s, 0, referenceFactory));
  let follower: NodeId = -1;
  let campaigned = false;
  let elections = 0;
  sim.host.addObserver({
    onRole: (node, role, _term, _leader, t) => {
      if (t < PAUSE_AT || (role !== 'candidate' && role !== 'precandidate')) return;
      elections++;
      if (node === follower) campaigned = true;
    },
  });
  sim.start();
  sim.run(PAUSE_AT);
  const leader = sim.host.currentLeader();
  expect(leader).not.toBeNull();
  follower = (leader! + 1) % 3;
  sim.host.pause(follower);
  sim.run(PAUSE_AT + pauseUs);
  expect(sim.host.cpus[follower].backlog).toBeGreaterThanOrEqual(3); // heartbeats and the election timer's firing wait
  sim.host.resume(follower);
  sim.run(s.horizonUs);
  expect(sim.violation).toBeNull();
  return { campaigned, elections };
}

describe('a follower paused past its election timeout', () => {
  it("'arrival' (paper): the heartbeats queued before the late timer reset it; no election", () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      expect(pausedFollower('paper', 'arrival', seed)).toEqual({ campaigned: false, elections: 0 });
      expect(pausedFollower('paper', 'arrival', seed, false)).toEqual({ campaigned: false, elections: 0 });
    }
  });

  it("'timers-first': the follower campaigns as soon as it wakes", () => {
    for (const seed of ['a', 'b', 'c', 'd']) expect(pausedFollower('paper', 'timers-first', seed).campaigned).toBe(true);
  });

  // Binomial(n, 1/2): mean n/2, sd sqrt(n)/2. ±3.5 sd keeps a false failure below 5e-4.
  const N = 200;
  const lo = N / 2 - 3.5 * (Math.sqrt(N) / 2);
  const hi = N / 2 + 3.5 * (Math.sqrt(N) / 2);

  it(`'random' (paper rules otherwise): campaigns in about half of ${N} seeds`, () => {
    let k = 0;
    for (let i = 0; i < N; i++) if (pausedFollower('paper', 'random', `r${i}`).campaigned) k++;
    expect(k).toBeGreaterThan(lo);
    expect(k).toBeLessThan(hi);
  });

  it(`'random' in the hashicorp profile (free-running poll timer): campaigns in about half of ${N} seeds`, () => {
    let k = 0;
    for (let i = 0; i < N; i++) if (pausedFollower('hashicorp', 'random', `h${i}`).campaigned) k++;
    expect(k).toBeGreaterThan(lo);
    expect(k).toBeLessThan(hi);
  });

  it("hashicorp's poll timer with 'arrival' never campaigns, with 'timers-first' always: the lastContact check is read when the timer is handled", () => {
    for (const seed of ['a', 'b', 'c']) {
      expect(pausedFollower('hashicorp', 'arrival', seed).campaigned).toBe(false);
      expect(pausedFollower('hashicorp', 'timers-first', seed).campaigned).toBe(true);
    }
  });
});
