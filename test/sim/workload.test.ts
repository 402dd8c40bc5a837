// The client workload (src/cluster/workload.ts): retries move through the cluster
// once per cycle and then back off (doubling, capped, jittered); a follower that
// still names a dead leader does not cause a ping-pong; retry settings change
// nothing before the first fault; runs are deterministic.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/run/simulation.js';
import { MemoryTrace } from '../../src/sim/trace.js';
import type { WriteLog } from '../../src/cluster/write-log.js';
import { backoffBeforeJitterUs, type WorkloadSpec } from '../../src/cluster/workload.js';
import { loadScenario } from '../../src/scenario/load.js';
import { referenceFactory } from '../../src/run/implementation.js';
import { runTrialWith, simulationSpec } from '../../src/run/trial.js';
import type { ResolvedScenario } from '../../src/scenario/types.js';
import type { NodeId } from '../../src/raft/types.js';
import { testScenario } from '../support/scenario.js';

const MS = 1000;

/** A simulation of `s` with a client that only sends what the test submits. */
function quietClient(s: ResolvedScenario, workload: Partial<WorkloadSpec> = {}): Simulation {
  const spec = simulationSpec(s, 0, referenceFactory);
  const sim = new Simulation({ ...spec, workload: { ...s.workload, writesPerSecond: 1, ...workload } });
  sim.start();
  sim.workload!.stop();
  return sim;
}

/** Records every request that reaches a node (refused or not): [time, node, write id]. */
function recordRequests(sim: Simulation): [number, NodeId, number][] {
  const seen: [number, NodeId, number][] = [];
  const propose = sim.host.propose.bind(sim.host);
  sim.host.propose = (node, data) => {
    seen.push([sim.now, node, data]);
    return propose(node, data);
  };
  return seen;
}

/** Splits one write's requests into cycles at gaps longer than `gapUs`. */
function cycles(reqs: [number, NodeId, number][], gapUs: number): { startUs: number; endUs: number; nodes: NodeId[] }[] {
  const out: { startUs: number; endUs: number; nodes: NodeId[] }[] = [];
  for (const [t, node] of reqs) {
    const last = out.at(-1);
    if (last === undefined || t - last.endUs > gapUs) out.push({ startUs: t, endUs: t, nodes: [node] });
    else {
      last.endUs = t;
      last.nodes.push(node);
    }
  }
  return out;
}

describe('backoff', () => {
  it('doubles from the base up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 100].map((k) => backoffBeforeJitterUs(10 * MS, 160 * MS, k))).toEqual([10, 20, 40, 80, 160, 160, 160, 160].map((x) => x * MS));
    expect(backoffBeforeJitterUs(25 * MS, 25 * MS, 7)).toBe(25 * MS); // max = base: etcd's linear backoff
  });

  it('with every node down, a write tries each node once per cycle, then waits a growing, jittered backoff', () => {
    // Constant 500 µs client latency: within a cycle requests are one round trip (1 ms) apart,
    // and between cycles the gap is one round trip plus the backoff.
    const s = testScenario({ nodes: 5, clientTimeoutUs: 600_000_000 });
    const sim = quietClient(s, { retryBackoffUs: 10 * MS, retryBackoffMaxUs: 160 * MS, retryJitter: 0.1 });
    sim.run(1_000 * MS);
    expect(sim.host.currentLeader()).not.toBeNull();
    for (let i = 0; i < 5; i++) sim.host.crash(i);
    const reqs = recordRequests(sim);
    const w = sim.workload!.submitOne();
    sim.run(sim.now + 3_000 * MS);
    const cs = cycles(reqs.filter(([, , id]) => id === w.id), 2 * MS);
    expect(cs.length).toBeGreaterThan(10);
    for (const c of cs) expect([...c.nodes].sort()).toEqual([0, 1, 2, 3, 4]); // each node exactly once per cycle
    const waits = cs.slice(1).map((c, k) => c.startUs - cs[k].endUs - 1 * MS);
    const nominal = waits.map((_, k) => backoffBeforeJitterUs(10 * MS, 160 * MS, k));
    waits.forEach((wait, k) => {
      expect(wait).toBeGreaterThanOrEqual(Math.floor(0.9 * nominal[k]));
      expect(wait).toBeLessThanOrEqual(Math.ceil(1.1 * nominal[k]));
    });
    // Jittered: the waits at the cap are not all the same.
    expect(new Set(waits.slice(5)).size).toBeGreaterThan(1);
    expect(w.backoffs - (cs.length - 1)).toBeOneOf([0, 1]); // the last backoff may still be running
  });

  it('with no jitter the waits are exactly base · 2^k, capped', () => {
    const s = testScenario({ nodes: 3, clientTimeoutUs: 600_000_000 });
    const sim = quietClient(s, { retryBackoffUs: 10 * MS, retryBackoffMaxUs: 50 * MS, retryJitter: 0 });
    sim.run(1_000 * MS);
    for (let i = 0; i < 3; i++) sim.host.crash(i);
    const reqs = recordRequests(sim);
    sim.workload!.submitOne();
    sim.run(sim.now + 500 * MS);
    const cs = cycles(reqs, 2 * MS);
    expect(cs.slice(1, 7).map((c, k) => c.startUs - cs[k].endUs - 1 * MS)).toEqual([10, 20, 40, 50, 50, 50].map((x) => x * MS));
  });
});

describe('a dead leader and a follower that still names it', () => {
  it('no ping-pong: within a cycle each node is tried once, then the client backs off', () => {
    const s = testScenario({ nodes: 5, latency: { kind: 'constant', value: 500 }, clientTimeoutUs: 600_000_000 });
    const sim = quietClient(s, { retryBackoffUs: 25 * MS, retryBackoffMaxUs: 1_000 * MS, retryJitter: 0.1 });
    sim.run(1_000 * MS);
    const leader = sim.host.currentLeader()!;
    sim.host.crash(leader);
    const reqs = recordRequests(sim);
    const w = sim.workload!.submitOne();
    // Followers keep naming the dead leader until their election timers fire (150–300 ms).
    let elected = -1;
    sim.host.addObserver({ onRole: (_n, role, _t, _l, now) => { if (role === 'leader' && elected < 0) elected = now; } });
    sim.run(sim.now + 2_000 * MS);
    expect(elected).toBeGreaterThan(0);
    expect(w.ackedUs).not.toBeNull();
    const before = reqs.filter(([t, , id]) => id === w.id && t < elected);
    const cs = cycles(before, 2 * MS);
    for (const c of cs) expect(new Set(c.nodes).size).toBe(c.nodes.length);
    // The dead leader is asked at most once per cycle (it used to be asked every round trip).
    expect(before.filter(([, node]) => node === leader).length).toBeLessThanOrEqual(cs.length);
    expect(before.length).toBeLessThanOrEqual(5 * cs.length);
    expect(cs.length).toBeLessThanOrEqual(6); // 25 + 50 + 100 + 200 ms ≥ any election here
  });
});

/**
 * One trial of `s` with the leader crashed at `crashUs` (instead of the scenario's own faults):
 * kernel events and requests reaching nodes between the crash and the next leader, and the
 * state of the run at the crash.
 */
function crashTrial(s: ResolvedScenario, trial: number, crashUs = 2_500 * MS, untilUs = 4_000 * MS) {
  const out = { crashUs: -1, leaderUs: -1, events: 0, requests: 0, hashAtCrash: '', eventsAtCrash: 0, roles: [] as string[] };
  const sim = new Simulation({ ...simulationSpec(s, trial, referenceFactory), faults: [{ atUs: crashUs, durationUs: null, action: { kind: 'crash', target: 'leader' } }] });
  const kernel = sim.host.kernel;
  const propose = sim.host.propose.bind(sim.host);
  const leaderless = () => out.crashUs >= 0 && out.leaderUs < 0;
  sim.host.propose = (node, data) => {
    if (leaderless()) out.requests++;
    return propose(node, data);
  };
  sim.host.addObserver({
    onCondition: (_node, condition, now) => {
      if (out.crashUs >= 0 || condition !== 'down') return;
      [out.crashUs, out.eventsAtCrash, out.hashAtCrash] = [now, kernel.eventCount, kernel.hash.hex()];
    },
    onRole: (node, role, term, _l, now) => {
      if (out.crashUs < 0) out.roles.push(`${now} n${node} ${role} t${term}`);
      else if (leaderless() && role === 'leader') [out.leaderUs, out.events] = [now, kernel.eventCount - out.eventsAtCrash];
    },
  });
  sim.run(untilUs);
  return { ...out, sim };
}

describe('client load while there is no leader', () => {
  const s = loadScenario('leader-crash', { overrides: ['workload.writesPerSecond=100'] });

  it('is bounded: kernel events and requests per second of leaderlessness after a leader crash at 100 writes/s', () => {
    let leaderlessUs = 0;
    let events = 0;
    let requests = 0;
    for (let trial = 0; trial < 10; trial++) {
      const r = crashTrial(s, trial);
      expect(r.leaderUs, `trial ${trial}`).toBeGreaterThan(r.crashUs);
      const seconds = (r.leaderUs - r.crashUs) / 1e6;
      // Before the backoff rule: ~10,000–30,000 kernel events per leaderless second; without clients, ~150.
      expect(r.events / seconds, `trial ${trial}`).toBeLessThan(6_000);
      leaderlessUs += r.leaderUs - r.crashUs;
      events += r.events;
      requests += r.requests;
    }
    const seconds = leaderlessUs / 1e6;
    // ~100 writes/s arrive while leaderless; each tries at most 5 nodes per cycle, with cycles
    // 25, 50, 100, 200 ms apart, so a write makes at most ~25 requests in a 300 ms outage.
    expect(events / seconds).toBeLessThan(4_000);
    expect(requests / seconds).toBeLessThan(2_000);
  });
});

describe('retry settings change nothing before the first fault', () => {
  // Lognormal client latency, so the latency draws are random too (they once shared the arrival stream).
  const base = ['workload.writesPerSecond=100', 'workload.clientLatency={ dist: "lognormal", median: "500us", sigma: 0.3 }'];
  const fast = loadScenario('leader-crash', { overrides: [...base, 'workload.retryBackoff="1ms"', 'workload.retryBackoffMax="1ms"', 'workload.retryJitter=0'] });
  const slow = loadScenario('leader-crash', { overrides: [...base, 'workload.retryBackoff="200ms"', 'workload.retryBackoffMax="3s"', 'workload.retryJitter=0.5'] });

  it('same role history, events and hash up to the crash; same arrival times throughout', () => {
    for (let trial = 0; trial < 4; trial++) {
      const a = crashTrial(fast, trial);
      const b = crashTrial(slow, trial);
      expect(a.roles.length).toBeGreaterThan(5);
      expect(b.roles).toEqual(a.roles);
      expect([b.crashUs, b.eventsAtCrash, b.hashAtCrash]).toEqual([a.crashUs, a.eventsAtCrash, a.hashAtCrash]);
      // Retries after the crash differ, but never shift when writes arrive.
      expect(a.requests).not.toBe(b.requests);
      const submitted = (log: WriteLog) => Array.from({ length: log.length }, (_, i) => log.submittedAt(i));
      expect(submitted(b.sim.workload!.log)).toEqual(submitted(a.sim.workload!.log));
    }
  });

  it('also through the scenario runner: the trace up to the crash is the same', () => {
    const traceUntilFault = (sc: ResolvedScenario) => {
      const t = new MemoryTrace();
      runTrialWith(sc, 1, referenceFactory, { trace: t });
      const records = t.records as { ev: string; condition?: string }[];
      const crash = records.findIndex((r) => r.ev === 'node' && r.condition === 'down');
      expect(crash).toBeGreaterThan(0);
      return records.slice(0, crash + 1);
    };
    const a = traceUntilFault(fast);
    expect(a.length).toBeGreaterThan(100);
    expect(traceUntilFault(slow)).toEqual(a);
  });
});

describe('determinism', () => {
  it('same scenario, seed and trial: same events, hash and writes', () => {
    const s = loadScenario('leader-crash', { overrides: ['workload.writesPerSecond=100', 'workload.clientLatency={ dist: "uniform", min: "200us", max: "2ms" }'] });
    const run = () => {
      const r = crashTrial(s, 3);
      return { events: r.sim.host.kernel.eventCount, hash: r.sim.host.kernel.hash.hex(), writes: Array.from({ length: r.sim.workload!.log.length }, (_, i) => [r.sim.workload!.log.submittedAt(i), r.sim.workload!.log.ackedAt(i)]) };
    };
    const a = run();
    expect(a.writes.length).toBeGreaterThan(300);
    expect(run()).toEqual(a);
    expect(crashTrial(s, 4).sim.host.kernel.hash.hex()).not.toBe(a.hash); // another trial differs
  });
});
