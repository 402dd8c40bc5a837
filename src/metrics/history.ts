// Per-trial metrics, gathered by observing the cluster (never by hooks in the
// node). Online, the observer only records short histories (leader stints,
// effective-leader intervals, candidate terms, the first commit of each term,
// fault windows); every metric is derived from them at the end of the trial, in
// derive.ts. Fault windows come from the injector's fault records (kind, nodes,
// start, heal, setup), matched by id, never by parsing descriptions.
//
// effective leader  a node L that is up, not paused, leader in term T, and known
//                   as leader of T by a majority of nodes (L included) that are
//                   up, not paused and connected to L both ways. "Leaderless"
//                   means there is none: a cut-off leader stops counting at the cut,
//                   even though its followers believe in it until they time out.
import type { ClusterObserver, FaultNote, FaultPhase, NodeCondition } from '../cluster/observer.js';
import type { ClusterHost } from '../cluster/host.js';
import type { CommittedEntry, NodeId, Role } from '../raft/types.js';
import type { Micros } from '../sim/time.js';
import type { FaultKind, FaultListener, FaultRecord } from '../faults/types.js';

/** A node led term `term` from startUs to endUs (null: still leading at the end). */
export interface Stint {
  readonly node: NodeId;
  readonly term: number;
  readonly startUs: Micros;
  endUs: Micros | null;
}

/** A fault occurrence: when it started and healed, and the leadership it found. */
export interface FaultWindow {
  readonly description: string;
  readonly startUs: Micros;
  healUs: Micros | null;
  /** The largest term that had a leader before the fault. */
  readonly baseTerm: number;
  /** From the injector's record (absent in hand-built histories). */
  readonly kind?: FaultKind;
  readonly nodes?: readonly NodeId[];
  /** A set-up fault: it takes no per-fault sample and no part in recovery (derive.ts). */
  readonly setup?: boolean;
  /** An instantaneous fault (a clock step): it "heals" when it starts (recovery.ts). */
  readonly instantaneous?: boolean;
}

/** The first time an entry of `term` was reported committed (by any node). */
export interface TermCommit {
  readonly term: number;
  readonly atUs: Micros;
}

/**
 * A term started by a candidate. `healthyLeader`: the effective leader was up,
 * unpaused, connected both ways to a majority and to the candidate itself: the
 * election was needless (spurious), not the reaction of a node cut off from it.
 */
export interface TermStart {
  readonly term: number;
  readonly atUs: Micros;
  readonly healthyLeader: boolean;
}

/** A node's role or condition change, for per-node timelines. */
export interface NodeEvent {
  readonly atUs: Micros;
  readonly node: NodeId;
  readonly state: Role | NodeCondition;
  readonly term: number;
}

export interface TrialHistory {
  readonly n: number;
  readonly endUs: Micros;
  readonly stints: readonly Stint[];
  /** Effective-leader intervals (gaps between them are leaderless). */
  readonly effective: readonly Stint[];
  readonly faults: readonly FaultWindow[];
  readonly termStarts: readonly TermStart[];
  readonly events: readonly NodeEvent[];
  readonly maxTerm: number;
  /** Per term, the first commit of one of its entries, in time order (absent in hand-built histories: none). */
  readonly termCommits?: readonly TermCommit[];
}

/**
 * Listens to the host (leadership, conditions, commits) and, once given to
 * FaultInjector.addListener, to fault records (starts and heals by id).
 */
export class HistoryRecorder implements ClusterObserver, FaultListener {
  private readonly majority: number;
  private readonly open: (Stint | null)[];
  private effectiveNow: Stint | null = null;
  private maxLeaderTerm = 0;
  private maxTerm = 0;
  private readonly seenCandidateTerm = new Set<number>();
  readonly stints: Stint[] = [];
  readonly effective: Stint[] = [];
  readonly faults: FaultWindow[] = [];
  readonly termStarts: TermStart[] = [];
  readonly events: NodeEvent[] = [];
  readonly termCommits: TermCommit[] = [];
  private readonly windowOf = new Map<number, FaultWindow>();
  private readonly seenCommitTerm = new Set<number>();

  constructor(private readonly host: ClusterHost) {
    this.majority = Math.floor(host.n / 2) + 1;
    this.open = new Array(host.n).fill(null);
  }

  onRole(node: NodeId, role: Role, term: number, _leader: NodeId | null, now: Micros): void {
    if (term > this.maxTerm) this.maxTerm = term;
    this.events.push({ atUs: now, node, state: role, term });
    if (role === 'candidate' && !this.seenCandidateTerm.has(term)) {
      this.seenCandidateTerm.add(term);
      this.termStarts.push({ term, atUs: now, healthyLeader: this.leaderIsHealthy(node) });
    }
    const cur = this.open[node];
    if (cur !== null && (role !== 'leader' || cur.term !== term)) this.closeStint(node, now);
    if (role === 'leader' && this.open[node] === null) {
      const s: Stint = { node, term, startUs: now, endUs: null };
      this.open[node] = s;
      this.stints.push(s);
      if (term > this.maxLeaderTerm) this.maxLeaderTerm = term;
    }
    this.recompute(now);
  }

  onLeaderKnown(_node: NodeId, _leader: NodeId | null, _term: number, now: Micros): void {
    this.recompute(now);
  }

  onCondition(node: NodeId, condition: NodeCondition, now: Micros): void {
    this.events.push({ atUs: now, node, state: condition, term: this.host.nodes[node]?.term ?? 0 });
    if (condition === 'down') this.closeStint(node, now);
    this.recompute(now);
  }

  onFault(_fault: FaultNote, _phase: FaultPhase, now: Micros): void {
    // Faults are what change connectivity, which the effective leader depends on.
    this.recompute(now);
  }

  onFaultStart(r: FaultRecord, now: Micros): void {
    const w: FaultWindow = { description: r.description, startUs: now, healUs: null, baseTerm: this.maxLeaderTerm, kind: r.kind, nodes: r.nodes, setup: r.setup, instantaneous: r.instantaneous };
    this.windowOf.set(r.id, w);
    this.faults.push(w);
  }

  onFaultHeal(r: FaultRecord, now: Micros): void {
    const w = this.windowOf.get(r.id);
    if (w !== undefined) w.healUs = now;
  }

  onCommit(_node: NodeId, entries: readonly CommittedEntry[], now: Micros): void {
    // Terms rise along a log, so a batch whose first and last terms were seen holds no new term.
    if (this.seenCommitTerm.has(entries[0].term) && this.seenCommitTerm.has(entries[entries.length - 1].term)) return;
    for (const e of entries) {
      if (this.seenCommitTerm.has(e.term)) continue;
      this.seenCommitTerm.add(e.term);
      this.termCommits.push({ term: e.term, atUs: now });
    }
  }

  /** The effective leader right now, with when it became so; null when leaderless. */
  currentEffective(): Readonly<Stint> | null {
    return this.effectiveNow;
  }

  finish(now: Micros): TrialHistory {
    for (let i = 0; i < this.open.length; i++) if (this.open[i] !== null) this.open[i]!.endUs = null;
    return {
      n: this.host.n,
      endUs: now,
      stints: this.stints,
      effective: this.effective,
      faults: this.faults,
      termStarts: this.termStarts,
      events: this.events,
      maxTerm: this.maxTerm,
      termCommits: this.termCommits,
    };
  }

  private closeStint(node: NodeId, now: Micros): void {
    const s = this.open[node];
    if (s === null) return;
    s.endUs = now;
    this.open[node] = null;
  }

  private recompute(now: Micros): void {
    const next = this.findEffectiveLeader();
    const cur = this.effectiveNow;
    if (cur !== null && next !== null && cur.node === next.node && cur.term === next.term) return;
    if (cur === null && next === null) return;
    if (cur !== null) cur.endUs = now;
    this.effectiveNow = next === null ? null : { node: next.node, term: next.term, startUs: now, endUs: null };
    if (this.effectiveNow !== null) this.effective.push(this.effectiveNow);
  }

  private findEffectiveLeader(): { node: NodeId; term: number } | null {
    const nodes = this.host.nodes;
    const n = nodes.length;
    let best: { node: NodeId; term: number } | null = null;
    for (let l = 0; l < n; l++) {
      const L = nodes[l];
      if (L === null || L.role !== 'leader' || this.host.cpus[l].isPaused) continue;
      let count = 1;
      for (let j = 0; j < n; j++) {
        const J = nodes[j];
        if (j !== l && J !== null && !this.host.cpus[j].isPaused && J.term === L.term && J.leaderId === l && this.connected(l, j)) count++;
      }
      if (count >= this.majority && (best === null || L.term > best.term)) best = { node: l, term: L.term };
    }
    return best;
  }

  private leaderIsHealthy(candidate: NodeId): boolean {
    const e = this.effectiveNow;
    if (e === null || this.host.condition(e.node) !== 'up' || !this.connected(e.node, candidate)) return false;
    let reach = 1;
    for (let j = 0; j < this.host.n; j++) if (j !== e.node && this.host.condition(j) !== 'down' && this.connected(e.node, j)) reach++;
    return reach >= this.majority;
  }

  private connected(a: NodeId, b: NodeId): boolean {
    return this.host.network.isReachable(a, b) && this.host.network.isReachable(b, a);
  }
}
