// npm run bench:fidelity — the fidelity comparison of docs/fidelity.md: how the
// etcd profile behaves with and without client writes, and how far replication
// falls behind under load, on the setup measured against the real etcd-io/raft
// library (5 nodes, tick 10 ms, ET=15/HT=7 and ET=30/HT=15, one-way latency
// uniform 5–10 ms, in-memory disks, the leader crashed within a heartbeat after
// 2 s of a stable leader). Not a test: it prints figures, deterministic for a
// given seed, for a person to compare.
import { quantileSorted } from 'd3-array';
import { loadScenarioText } from '../scenario/load.js';
import { runTrialWith } from '../run/trial.js';
import { referenceFactory } from '../run/implementation.js';
import type { ClusterObserver } from '../cluster/observer.js';
import type { NodeId, PersistOp, Role } from '../raft/types.js';

interface Setup {
  readonly label: string;
  readonly electionTicks: number;
  readonly heartbeatTicks: number;
  readonly writesPerSecond: number;
  readonly latency: string;
  readonly ordering: 'fifo' | 'independent';
}

function scenarioText(s: Setup): string {
  return `{
    name: "fidelity",
    cluster: { nodes: 5 },
    raft: { profile: "etcd", tick: "10ms", electionTicks: ${s.electionTicks}, heartbeatTicks: ${s.heartbeatTicks} },
    network: { latency: ${s.latency}, ordering: "${s.ordering}" },
    disk: { fsync: "0us" },
    workload: { writesPerSecond: ${s.writesPerSecond} },
    faults: [{ kind: "crash", target: "leader", after: "stable-leader", delay: "2s", window: "${s.heartbeatTicks * 10}ms" }],
    trials: 1, seed: 1, horizon: "${4 + s.electionTicks / 5}s",
  }`;
}

/** Replication lag per (entry, follower): follower append time − leader append time, before the crash. */
class LagObserver implements ClusterObserver {
  readonly lagsUs: number[] = [];
  private readonly role: Role[] = [];
  private readonly leaderAppendUs = new Map<number, number>();
  private crashed = false;
  private firstLeaderUs = -1;
  /** At the crash: did every survivor hold the longest log among them? */
  survivorsEqual: boolean | null = null;

  constructor(private readonly lastIndexOf: (node: NodeId) => number | null) {}

  onRole(node: NodeId, role: Role, _term: number, _leader: NodeId | null, now: number): void {
    this.role[node] = role;
    if (role === 'leader' && this.firstLeaderUs < 0) this.firstLeaderUs = now;
  }

  onLogWrite(node: NodeId, op: PersistOp, now: number): void {
    if (this.crashed || op.entries.length === 0) return;
    for (let i = 0; i < op.entries.length; i++) {
      const index = op.appendFrom + i;
      // Steady state only: entries the leader appends from 1 s into its leadership.
      if (this.role[node] === 'leader') {
        if (now >= this.firstLeaderUs + 1_000_000) this.leaderAppendUs.set(index, now);
      }
      else {
        const t = this.leaderAppendUs.get(index);
        if (t !== undefined) this.lagsUs.push(now - t);
      }
    }
  }

  onCondition(node: NodeId, condition: string): void {
    if (this.crashed || condition !== 'down') return;
    this.crashed = true;
    const survivors: number[] = [];
    for (let i = 0; i < 5; i++) {
      const last = i === node ? null : this.lastIndexOf(i);
      if (last !== null) survivors.push(last);
    }
    this.survivorsEqual = survivors.every((x) => x === Math.max(...survivors));
  }
}

interface Row {
  readonly label: string;
  readonly ttl: (number | null)[];
  readonly lags: number[];
  readonly equalShare: number;
}

function run(setup: Setup, trials: number): Row {
  const s = loadScenarioText(scenarioText(setup), 'fidelity.json5');
  const ttl: (number | null)[] = [];
  const lags: number[] = [];
  let equal = 0;
  let observed = 0;
  for (let t = 0; t < trials; t++) {
    let lastIndexOf: (node: NodeId) => number | null = () => null;
    const lag = new LagObserver((n) => lastIndexOf(n));
    const out = runTrialWith(s, t, referenceFactory, {
      observers: [lag],
      onSimulation: (sim) => {
        lastIndexOf = (n) => sim.host.nodes[n]?.lastIndex ?? null;
      },
    });
    for (const f of out.metrics.faults) ttl.push(f.leaderUs === null ? null : f.leaderUs / 1000);
    lags.push(...lag.lagsUs);
    if (lag.survivorsEqual !== null) {
      observed++;
      if (lag.survivorsEqual) equal++;
    }
  }
  return { label: setup.label, ttl, lags, equalShare: observed === 0 ? NaN : equal / observed };
}

function q(sorted: number[], p: number): string {
  return sorted.length === 0 ? '—' : (quantileSorted(sorted, p) ?? NaN).toFixed(1);
}

function main(): void {
  const trials = Number(process.env.FIDELITY_TRIALS ?? 1000);
  const uniform = '{ dist: "uniform", min: "5ms", max: "10ms" }';
  const setups: Setup[] = [];
  for (const [et, ht] of [
    [15, 7],
    [30, 15],
  ]) {
    setups.push({ label: `ET=${et}/HT=${ht}, no writes, U(5,10) ms, fifo`, electionTicks: et, heartbeatTicks: ht, writesPerSecond: 0, latency: uniform, ordering: 'fifo' });
    setups.push({ label: `ET=${et}/HT=${ht}, 100 writes/s, U(5,10) ms, fifo`, electionTicks: et, heartbeatTicks: ht, writesPerSecond: 100, latency: uniform, ordering: 'fifo' });
    setups.push({ label: `ET=${et}/HT=${ht}, 100 writes/s, U(5,10) ms, independent`, electionTicks: et, heartbeatTicks: ht, writesPerSecond: 100, latency: uniform, ordering: 'independent' });
    setups.push({ label: `ET=${et}/HT=${ht}, 100 writes/s, constant 7.5 ms`, electionTicks: et, heartbeatTicks: ht, writesPerSecond: 100, latency: '"7500us"', ordering: 'fifo' });
  }
  console.log(`raftsim fidelity comparison (etcd profile, tick 10 ms, 5 nodes, ${trials} trials per row, seed 1)`);
  console.log('');
  console.log('| setup | time to leader p50 / p90 / p99 ms (censored) | replication lag p50 / p90 / p99 ms | survivors hold the longest log |');
  console.log('| --- | --- | --- | --- |');
  for (const setup of setups) {
    const r = run(setup, trials);
    const ttl = r.ttl.filter((x): x is number => x !== null).sort((a, b) => a - b);
    const censored = r.ttl.length - ttl.length;
    const lags = r.lags.map((x) => x / 1000).sort((a, b) => a - b);
    const lag = setup.writesPerSecond === 0 ? '—' : `${q(lags, 0.5)} / ${q(lags, 0.9)} / ${q(lags, 0.99)}`;
    const equal = setup.writesPerSecond === 0 ? '—' : `${(r.equalShare * 100).toFixed(0)}%`;
    console.log(`| ${r.label} | ${q(ttl, 0.5)} / ${q(ttl, 0.9)} / ${q(ttl, 0.99)} (${censored}) | ${lag} | ${equal} |`);
  }
}

main();
