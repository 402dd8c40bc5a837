// Host timers: etcd ticks keep their phase (a Go time.Ticker, dropping ticks for a slow
// receiver), and every timer firing is late by cpu.timerJitter (never early, never
// accumulated by a periodic tick).
import { describe, expect, it } from 'vitest';
import { ClusterHost, nextTick, type HostSpec } from '../../src/cluster/host.js';
import { resolveRaftConfig } from '../../src/raft/profiles.js';
import { EMPTY_READY } from '../../src/raft/ready.js';
import type { Message, RaftConfig, RaftNodeApi, Ready, TimerName, TimerOp } from '../../src/raft/types.js';
import type { DistSpec } from '../../src/sim/distributions.js';
import { Simulation } from '../../src/run/simulation.js';
import { simulationSpec } from '../../src/run/trial.js';
import { referenceFactory } from '../../src/run/implementation.js';
import type { TraceRecord } from '../../src/sim/trace.js';
import { testScenario } from '../support/scenario.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { compileDist } from '../../src/sim/distributions.js';
import { makeRng, streamSeed } from '../../src/sim/rng.js';
import { DEFAULTS } from '../../src/scenario/defaults.js';

const constant = (value: number): DistSpec => ({ kind: 'constant', value });

interface Fired { readonly node: number; readonly name: TimerName; readonly t: number }

/**
 * A stub node that arms `timers` at start and re-arms each one (same duration) whenever
 * it fires, recording when it handled each firing.
 */
function stubHost(o: { nodes?: number; timers: TimerOp[]; service?: DistSpec; jitter?: DistSpec; config?: RaftConfig; seed?: string; trial?: number }) {
  const n = o.nodes ?? 1;
  const fired: Fired[] = [];
  let host: ClusterHost;
  const ready = (timers: readonly TimerOp[]): Ready => ({ ...EMPTY_READY, timers });
  const factory = (init: { id: number }): RaftNodeApi => ({
    id: init.id,
    role: 'follower',
    term: 0,
    votedFor: null,
    leaderId: null,
    commitIndex: 0,
    lastIndex: 0,
    termAt: () => 0,
    entryAt: () => undefined,
    start: () => ready(o.timers),
    step: (_m: Message) => EMPTY_READY,
    timerFired: (name: TimerName) => {
      fired.push({ node: init.id, name, t: host.now });
      return ready(o.timers.filter((op) => op.name === name));
    },
    propose: () => EMPTY_READY,
    persisted: () => EMPTY_READY,
    transferLeadership: () => EMPTY_READY,
  });
  const spec: HostSpec = {
    nodes: n,
    raft: Array.from({ length: n }, () => o.config ?? resolveRaftConfig('etcd')),
    network: { nodes: n, latency: constant(500), lossProbability: 0, duplicateProbability: 0, inFlightOnCut: 'drop' },
    clocks: Array.from({ length: n }, () => ({ skewUs: 0, driftPpm: 0 })),
    cpu: Array.from({ length: n }, () => ({ serviceTime: o.service ?? constant(0), timerJitter: o.jitter })),
    disk: Array.from({ length: n }, () => ({ fsyncLatency: constant(1_000) })),
    seed: o.seed ?? 'timers',
    trial: o.trial ?? 0,
    nodeFactory: factory,
  };
  host = new ClusterHost(spec);
  return { host, fired };
}

const TICK = 100_000;
const tickOp: TimerOp = { name: 'tick', afterUs: TICK };

describe('nextTick', () => {
  it('is one period after the previous deadline while that is not past', () => {
    expect(nextTick(1_000, 100, 1_000)).toBe(1_100);
    expect(nextTick(1_000, 100, 1_099)).toBe(1_100);
    expect(nextTick(1_000, 100, 1_100)).toBe(1_100);
  });
  it('after a long pause, the next phase point at or after now (missed ticks are dropped)', () => {
    expect(nextTick(1_000, 100, 1_101)).toBe(1_200);
    expect(nextTick(1_000, 100, 2_050)).toBe(2_100);
    expect(nextTick(1_000, 100, 2_100)).toBe(2_100);
  });
  it('a clock that went back more than a period restarts the phase from now', () => {
    expect(nextTick(10_000, 100, 1_000)).toBe(1_100);
  });
});

describe('ticks keep their phase', () => {
  it('with 20 µs of service per tick, ticks do not drift: the k-th is handled at start + k·tick + 20 µs', () => {
    const { host, fired } = stubHost({ timers: [tickOp], service: constant(20) });
    host.start();
    host.run(60_000_100);
    expect(fired).toHaveLength(600);
    fired.forEach((f, i) => expect(f.t).toBe((i + 1) * TICK + 20));
  });

  it('with random service times the phase holds too (no accumulation)', () => {
    const { host, fired } = stubHost({ timers: [tickOp], service: { kind: 'uniform', min: 0, max: 5_000 } });
    host.start();
    host.run(10_005_000);
    expect(fired).toHaveLength(100);
    fired.forEach((f, i) => {
      expect(f.t).toBeGreaterThanOrEqual((i + 1) * TICK);
      expect(f.t).toBeLessThanOrEqual((i + 1) * TICK + 5_000);
    });
  });

  it('a long pause leaves one pending tick, handled at resume; then ticks resume on the old phase', () => {
    const { host, fired } = stubHost({ timers: [tickOp], service: constant(20) });
    host.start();
    host.run(1_000_030); // ten ticks handled
    host.pause(0);
    host.run(2_050_000);
    expect(fired).toHaveLength(10);
    expect(host.cpus[0].backlog).toBe(1); // one tick waiting, not ten
    host.resume(0);
    host.run(2_500_000);
    expect(fired.slice(10).map((f) => f.t)).toEqual([2_050_020, 2_100_020, 2_200_020, 2_300_020, 2_400_020]);
  });

  it('other timers are not phase-kept: a re-armed election timer counts from when it is handled', () => {
    const { host, fired } = stubHost({ timers: [{ name: 'election', afterUs: 1_000 }], service: constant(20), config: resolveRaftConfig('paper') });
    host.start();
    host.run(10_100);
    expect(fired.map((f) => f.t)).toEqual([1_020, 2_040, 3_060, 4_080, 5_100, 6_120, 7_140, 8_160, 9_180]);
  });

  for (const jitter of [undefined, { kind: 'uniform', min: 0, max: 1_000 } as DistSpec]) {
    it(`the etcd profile, ${jitter ? 'default jitter' : 'no jitter'}: every node handles its ticks on a fixed phase through a 60 s trial with writes`, () => {
      const base = testScenario({ nodes: 5, profile: 'etcd', writesPerSecond: 50, horizonUs: 60_000_000 });
      const s = { ...base, cpu: base.cpu.map((c) => ({ ...c, timerJitter: jitter })) };
      const ticks: number[][] = [[], [], [], [], []];
      const trace = { write: (r: TraceRecord) => { if (r.ev === 'timer' && r.timer === 'tick') ticks[r.node!].push(r.t); } };
      const sim = new Simulation(simulationSpec(s, 0, referenceFactory, trace));
      sim.run(s.horizonUs);
      expect(sim.violation).toBeNull();
      for (const ts of ticks) {
        expect(ts.length).toBeGreaterThan(590);
        const phase = ts[0] - 20; // the first tick is handled one service time after it fires
        ts.forEach((t, k) => {
          const late = t - phase - k * TICK; // firing lateness (jitter) plus CPU queueing plus 20 µs of service
          expect(late).toBeGreaterThanOrEqual(jitter ? 20 - 1_000 : 0);
          expect(late).toBeLessThan(jitter ? 3_000 : 2_000);
        });
      }
    });
  }
});

describe('timer jitter (cpu.timerJitter)', () => {
  const election: TimerOp = { name: 'election', afterUs: 1_000 };
  const paper = resolveRaftConfig('paper');

  it('absent or constant 0: firings are exact, and the run is the same event for event', () => {
    const runs = [undefined, constant(0)].map((jitter) => {
      const { host, fired } = stubHost({ nodes: 2, timers: [election], jitter, config: paper });
      host.start();
      host.run(100_000);
      return { times: fired.map((f) => f.t), hash: host.kernel.hash.hex() };
    });
    expect(runs[0].times.slice(0, 4)).toEqual([1_000, 1_000, 2_000, 2_000]);
    expect(runs[0].times.every((t) => t % 1_000 === 0)).toBe(true);
    expect(runs[1]).toEqual(runs[0]);
  });

  it('each firing is late by one draw from the jitter:<node> stream, never early', () => {
    const jitter: DistSpec = { kind: 'uniform', min: 0, max: 1_000 };
    const { host, fired } = stubHost({ nodes: 2, timers: [election], jitter, config: paper, seed: 's', trial: 3 });
    host.start();
    host.run(1_000_000);
    for (const node of [0, 1]) {
      const rng = makeRng(streamSeed('s', 3, `jitter:${node}`));
      const d = compileDist(jitter);
      let armedAt = 0;
      const times = fired.filter((f) => f.node === node).map((f) => f.t);
      expect(times.length).toBeGreaterThan(400);
      for (const t of times) {
        const late = d.sample(rng);
        expect(t).toBe(armedAt + 1_000 + late); // re-armed from when it is handled (service 0)
        armedAt = t;
      }
    }
  });

  it('a constant jitter delays every firing by exactly that much', () => {
    const { host, fired } = stubHost({ timers: [election], jitter: constant(300), config: paper });
    host.start();
    host.run(6_000);
    expect(fired.map((f) => f.t)).toEqual([1_300, 2_600, 3_900, 5_200]);
  });

  it('ticks: the jitter delays each firing but never moves the phase', () => {
    const jitter: DistSpec = { kind: 'uniform', min: 0, max: 1_000 };
    const { host, fired } = stubHost({ timers: [tickOp], jitter, service: constant(20) });
    host.start();
    host.run(60_002_000);
    expect(fired).toHaveLength(600);
    const lates = fired.map((f, k) => f.t - (k + 1) * TICK - 20);
    for (const late of lates) {
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThanOrEqual(1_000);
    }
    expect(new Set(lates).size).toBeGreaterThan(100); // really jittered
  });

  it('the default is uniform 0–1 ms', () => {
    expect(DEFAULTS.timerJitter).toEqual({ kind: 'uniform', min: 0, max: 1_000 });
    const s = loadScenarioText('{ cluster: { nodes: 2 }, cpu: { nodes: { "1": { timerJitter: "0us" } } } }', 'jitter.json5');
    expect(s.cpu.map((c) => c.timerJitter)).toEqual([DEFAULTS.timerJitter, constant(0)]);
  });

  describe('exactly equal election timeouts on 3 nodes (paper, constant 500 µs latency)', () => {
    const TEXT = '{ cluster: { nodes: 3 }, raft: { profile: "paper" }, network: { latency: "500us" }, horizon: "20s" }';
    const FIXED = ['raft.electionTimeout.min=150ms', 'raft.electionTimeout.max=150ms'];
    const elects = (overrides: string[], trial: number): boolean => {
      const s = loadScenarioText(TEXT, 'equal-timeouts.json5', { overrides: [...FIXED, ...overrides] });
      expect(s.raft.nodes[0].candidateTimeoutMaxUs).toBe(150_000);
      const sim = new Simulation(simulationSpec(s, trial, referenceFactory));
      let leader = false;
      sim.host.addObserver({ onRole: (_n, role) => { if (role === 'leader') leader = true; } });
      sim.run(s.horizonUs);
      expect(sim.violation).toBeNull();
      return leader;
    };
    const TRIALS = 30;

    it(`jitter 0: every one of ${TRIALS} trials livelocks for 20 s`, () => {
      for (let i = 0; i < TRIALS; i++) expect(elects(['cpu.timerJitter=0us'], i)).toBe(false);
    });

    it(`default jitter: a leader in most of ${TRIALS} trials`, () => {
      let k = 0;
      for (let i = 0; i < TRIALS; i++) if (elects([], i)) k++;
      expect(k).toBeGreaterThanOrEqual(0.9 * TRIALS);
    });
  });
});
