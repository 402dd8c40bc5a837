// The metrics each simulated node exposes, scraped as Prometheus would: every
// target at its own deterministic offset within the scrape interval, every
// interval. A scrape of a node that is down, paused (a stopped process answers
// no HTTP) or, with isolatedTargets "unreachable", cut off from all its peers,
// fails: `up` is 0 and each of the target's series gets a staleness marker (as
// Prometheus writes them), then no sample until a scrape succeeds again.
//
// This is a passive observer of the cluster: it keeps each node's state from
// the host's notifications and, when time has moved past a scrape, records
// what the node showed then (all events at or before the scrape time). It
// never schedules an event, so the simulation is exactly the one without it.
//
// Per node (raft family, with the configured prefix; etcd family names fixed):
//   <p>state{state="leader|follower|candidate|pre-candidate"}  1 for the node's role, 0 for the others
//   <p>term, <p>commit_index                                     gauges
//   <p>has_leader, <p>is_leader       etcd_server_has_leader, etcd_server_is_leader
//   <p>leader_changes_seen_total      etcd_server_leader_changes_seen_total: the node learnt of a
//                                     different, non-empty leader (as etcd counts it)
//   <p>elections_total                terms this node started as a candidate
//   <p>proposals_failed_total         etcd_server_proposals_failed_total: client writes not acknowledged
//                                     within workload.clientTimeout, counted on the node that led (by its
//                                     own belief, highest term) when the timeout passed, else none
//   etcd_server_proposals_committed_total  = the commit index
// Counters are process-local: a restarted node starts them from 0 (a counter reset).
import type { ClusterObserver, FaultNote, FaultPhase, NodeCondition } from '../cluster/observer.js';
import type { ClusterHost } from '../cluster/host.js';
import type { CommittedEntry, NodeId, Role } from '../raft/types.js';
import type { Micros } from '../sim/time.js';
import { asWriteSamples, type WriteSample, type WriteSamples } from '../cluster/write-log.js';
import { STALE, SeriesStore, type Labels, type Series } from './series.js';
import type { ExpositionConfig } from '../scenario/alerts-config.js';

interface NodeState {
  role: Role;
  term: number;
  leader: NodeId | null;
  commit: number;
  condition: NodeCondition;
  isolated: boolean;
  leaderChanges: number;
  elections: number;
  proposalsFailed: number;
}

const ROLE_LABEL: Record<Role, string> = { leader: 'leader', follower: 'follower', candidate: 'candidate', precandidate: 'pre-candidate' };
const ROLES: readonly Role[] = ['leader', 'follower', 'candidate', 'precandidate'];

/** A node's scrape offset within the interval: a hash of its instance label, in whole seconds (deterministic). */
export function scrapeOffsetMs(instance: string, intervalMs: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < instance.length; i++) h = Math.imul(h ^ instance.charCodeAt(i), 16777619) >>> 0;
  const slots = Math.max(1, Math.floor(intervalMs / 1000));
  return (h % slots) * 1000;
}

export function instanceOf(node: NodeId): string {
  return `n${node}`;
}

/** One target's series, created once. */
interface Target {
  readonly up: Series;
  readonly series: readonly { readonly s: Series; readonly value: (n: NodeState) => number }[];
  nextScrapeMs: number;
  lastOk: boolean;
}

export class ExpositionRecorder implements ClusterObserver {
  readonly store = new SeriesStore();
  private readonly state: NodeState[];
  private readonly targets: Target[];
  private writes: WriteSamples = asWriteSamples([]);
  private writeCursor = 0;

  constructor(
    private readonly host: ClusterHost,
    private readonly cfg: ExpositionConfig,
    private readonly clientTimeoutUs: Micros,
  ) {
    this.state = Array.from({ length: host.n }, () => ({
      role: 'follower' as Role,
      term: 0,
      leader: null,
      commit: 0,
      condition: 'up' as NodeCondition,
      isolated: false,
      leaderChanges: 0,
      elections: 0,
      proposalsFailed: 0,
    }));
    this.targets = Array.from({ length: host.n }, (_, node) => this.makeTarget(node));
  }

  /** The trial's client writes (sim.workload.writes), read as the trial goes. */
  watchWrites(writes: WriteSamples | readonly WriteSample[]): void {
    this.writes = asWriteSamples(writes);
  }

  onRole(node: NodeId, role: Role, term: number, leader: NodeId | null, now: Micros): void {
    this.flush(now);
    const st = this.state[node];
    if (role === 'candidate' && (st.role !== 'candidate' || st.term !== term)) st.elections++;
    st.role = role;
    st.term = term;
    this.setLeader(st, leader);
    st.commit = this.host.nodes[node]?.commitIndex ?? st.commit;
  }

  onLeaderKnown(node: NodeId, leader: NodeId | null, _term: number, now: Micros): void {
    this.flush(now);
    this.setLeader(this.state[node], leader);
  }

  onCommit(node: NodeId, entries: readonly CommittedEntry[], now: Micros): void {
    this.flush(now);
    this.state[node].commit = entries[entries.length - 1].index;
  }

  onCondition(node: NodeId, condition: NodeCondition, now: Micros): void {
    this.flush(now);
    const st = this.state[node];
    st.condition = condition;
    if (condition === 'down') {
      // The process is gone: its counters restart from 0 with it.
      st.leaderChanges = 0;
      st.elections = 0;
      st.proposalsFailed = 0;
      st.leader = null;
      st.role = 'follower';
    }
  }

  onFault(_fault: FaultNote, _phase: FaultPhase, now: Micros): void {
    this.flush(now);
    if (this.cfg.isolatedTargets !== 'unreachable') return;
    const n = this.host.n;
    const net = this.host.network;
    for (let a = 0; a < n; a++) {
      let reach = false;
      for (let b = 0; b < n && !reach; b++) if (b !== a && net.isReachable(a, b) && net.isReachable(b, a)) reach = true;
      this.state[a].isolated = n > 1 && !reach;
    }
  }

  /** Takes the scrapes up to and including `endUs` (the trial's end) and returns the store. */
  finish(endUs: Micros): SeriesStore {
    this.flush(endUs + 1);
    return this.store;
  }

  private setLeader(st: NodeState, leader: NodeId | null): void {
    if (leader !== null && leader !== st.leader) st.leaderChanges++;
    st.leader = leader;
  }

  /** Records every scrape strictly before `nowUs` (state as of the events so far). */
  private flush(nowUs: Micros): void {
    const interval = this.cfg.scrapeIntervalMs;
    for (;;) {
      // Targets in order of their next scrape time, ties by node: failed proposals are counted in time order.
      let next = -1;
      for (let i = 0; i < this.targets.length; i++) if (next < 0 || this.targets[i].nextScrapeMs < this.targets[next].nextScrapeMs) next = i;
      const t = this.targets[next];
      const atUs = t.nextScrapeMs * 1000;
      if (atUs >= nowUs) return;
      this.countFailedProposals(atUs);
      this.scrape(next, t);
      t.nextScrapeMs += interval;
    }
  }

  private scrape(node: NodeId, t: Target): void {
    const st = this.state[node];
    const ok = st.condition === 'up' && !st.isolated;
    const tMs = t.nextScrapeMs;
    this.store.append(t.up, tMs, ok ? 1 : 0);
    if (ok) for (const x of t.series) this.store.append(x.s, tMs, x.value(st));
    else if (t.lastOk) for (const x of t.series) this.store.append(x.s, tMs, STALE);
    t.lastOk = ok;
  }

  /** Writes whose client timeout passed by `atUs` without an acknowledgement count on the node leading then. */
  private countFailedProposals(atUs: Micros): void {
    const w = this.writes;
    while (this.writeCursor < w.length && w.submittedAt(this.writeCursor) + this.clientTimeoutUs <= atUs) {
      const i = this.writeCursor++;
      const deadline = w.submittedAt(i) + this.clientTimeoutUs;
      const acked = w.ackedAt(i);
      if (acked !== null && acked <= deadline) continue;
      let leader = -1;
      for (let i = 0; i < this.state.length; i++) {
        const s = this.state[i];
        if (s.condition !== 'down' && s.role === 'leader' && (leader < 0 || s.term > this.state[leader].term)) leader = i;
      }
      if (leader >= 0) this.state[leader].proposalsFailed++;
    }
  }

  private makeTarget(node: NodeId): Target {
    const c = this.cfg;
    const base: Labels = { ...c.labels, job: c.job, instance: instanceOf(node) };
    const mk = (name: string, extra: Labels = {}) => this.store.series({ __name__: name, ...base, ...extra });
    const series: { s: Series; value: (n: NodeState) => number }[] = [];
    const add = (name: string, value: (n: NodeState) => number, extra: Labels = {}) => series.push({ s: mk(name, extra), value });
    const up = mk('up');
    if (c.families.includes('raft')) {
      const p = c.prefix;
      for (const r of ROLES) add(`${p}state`, (n) => (n.role === r ? 1 : 0), { state: ROLE_LABEL[r] });
      add(`${p}term`, (n) => n.term);
      add(`${p}commit_index`, (n) => n.commit);
      add(`${p}has_leader`, (n) => (n.leader !== null ? 1 : 0));
      add(`${p}is_leader`, (n) => (n.role === 'leader' ? 1 : 0));
      add(`${p}leader_changes_seen_total`, (n) => n.leaderChanges);
      add(`${p}elections_total`, (n) => n.elections);
      add(`${p}proposals_failed_total`, (n) => n.proposalsFailed);
    }
    if (c.families.includes('etcd')) {
      add('etcd_server_has_leader', (n) => (n.leader !== null ? 1 : 0));
      add('etcd_server_is_leader', (n) => (n.role === 'leader' ? 1 : 0));
      add('etcd_server_leader_changes_seen_total', (n) => n.leaderChanges);
      add('etcd_server_proposals_committed_total', (n) => n.commit);
      add('etcd_server_proposals_failed_total', (n) => n.proposalsFailed);
    }
    return { up, series, nextScrapeMs: scrapeOffsetMs(instanceOf(node), c.scrapeIntervalMs), lastOk: false };
  }
}
