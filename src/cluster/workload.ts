// Client workload: writes proposed at a configured rate to the node the client
// believes leads. A write is acknowledged when the node that accepted it
// reports it committed; the ack reaches the client one client latency later.
//
// Connecting. Clients connect once the cluster has elected its first leader
// (as a deployment's clients come up after the cluster has bootstrapped), and
// send to that leader first. Writes that arrive earlier wait in the client
// (their submission time still counts). So the bootstrap election is the
// cluster's alone: no client setting can change it, and nothing is measured
// before the first stable leader anyway (derive.ts).
//
// Retrying. Each attempt of a write walks the cluster in a *cycle*, trying each
// node at most once:
//   - a down node refuses the connection, and a node that is not leader answers
//     "not leader", with the leader it knows of as a hint (or none);
//   - the client then goes to the hint if this cycle has not tried that node yet
//     (a redirect), else to the next node in id order that it has not tried;
//     each move costs one client round trip and no wait;
//   - a redirect to a node this cycle already tried is not followed: that is the
//     dead-leader ↔ follower-still-naming-it loop, which used to ping-pong every
//     round trip until the follower's election timer fired;
//   - once every node has failed in the cycle, the client waits a backoff and
//     starts a new cycle at the node it believes leads.
// Backoff k (k = 0, 1, … cycles this write has exhausted) is
//     min(retryBackoffMax, retryBackoff · 2^k) · (1 + retryJitter · u),  u uniform in [−1, 1).
// This follows etcd's clientv3 (go.etcd.io/etcd/client/v3): its retry
// interceptor moves on to the next endpoint without waiting within a round and
// waits jitterUp(waitBetween, jitterFraction) = waitBetween · (1 + jitter ·
// (2·rand − 1)) between rounds (roundRobinQuorumBackoff in client.go, jitterUp
// in utils.go; defaults in options.go: waitBetween 25 ms, jitter 0.10). Its
// default wait is linear; the doubling with a cap is etcd's own expBackoff
// (utils.go: 2^generation · minDelay, clamped to maxDelay), and the shape of
// gRPC's connection backoff (doc/connection-backoff.md). raftsim doubles by
// default because a write here is retried until it commits: with a linear
// 25 ms wait every pending write would try all n nodes 40 times a second for as
// long as an outage lasts. Set retryBackoffMax = retryBackoff for etcd's linear
// backoff.
//
// A write not acknowledged within the client timeout is resubmitted (same write
// id: at-least-once, as real clients retry): a fresh cycle starts at once at the
// believed leader (the next node, if the believed leader accepted the write and
// sat on it), and any answer to an earlier attempt is ignored, so a write has
// one chain of attempts at a time. The backoff exponent k is kept.
//
// Memory. A write's retry state (WriteRecord) lives only while it is pending;
// once acknowledged only its submission and ack times stay (WriteLog, 16 bytes
// a write), so a long trial keeps no per-write objects.
//
// Randomness. Arrival gaps come from the `workload` stream; client latencies
// and backoff jitter from their own streams (`workload-latency`,
// `workload-backoff`), so retries never shift arrival times.
import type { ClusterHost } from './host.js';
import { compileDist, draw, type CompiledDist, type DistSpec } from '../sim/distributions.js';
import type { Rng } from '../sim/rng.js';
import type { Micros } from '../sim/time.js';
import { NO_EVENT, type EventHandle } from '../sim/queue.js';
import type { CommittedEntry, NodeId, ProposalResult, Role } from '../raft/types.js';
import type { ClusterObserver } from './observer.js';
import { WriteLog } from './write-log.js';

/** Defaults of the optional retry knobs (the scenario loader states them too). */
export const RETRY_DEFAULTS = Object.freeze({
  /** Cap on the backoff, µs (never below the base). */
  backoffMaxUs: 1_000_000,
  /** etcd clientv3's defaultBackoffJitterFraction. */
  jitter: 0.1,
});

export interface WorkloadSpec {
  /** Mean writes per second; 0 disables the workload. */
  readonly writesPerSecond: number;
  /** 'poisson': exponential gaps; 'fixed': evenly spaced. */
  readonly arrival: 'poisson' | 'fixed';
  /** One-way latency between the client and any node, µs. */
  readonly clientLatency: DistSpec;
  /** Resubmit a write not acknowledged within this long, µs. */
  readonly clientTimeoutUs: number;
  /** Base backoff: the wait after a write's first cycle in which every node failed, µs. */
  readonly retryBackoffUs: number;
  /** Cap on the (doubling) backoff, µs; default max(1 s, retryBackoffUs). */
  readonly retryBackoffMaxUs?: number;
  /** Jitter fraction in [0, 1]: each wait is scaled by a uniform factor in [1 − j, 1 + j); default 0.1. */
  readonly retryJitter?: number;
}

/** Backoff k (0-based) before jitter: min(max, base · 2^k). */
export function backoffBeforeJitterUs(baseUs: number, maxUs: number, k: number): number {
  return Math.min(maxUs, baseUs * 2 ** Math.min(k, 60));
}

export interface WriteRecord {
  readonly id: number;
  readonly submittedUs: Micros;
  /** When the client heard the write committed; null if never. */
  ackedUs: Micros | null;
  /** Index of the attempt last accepted by a leader (may never commit). */
  index: number;
  /** Index at which the write committed (0 until it did); fixed once set. */
  committedIndex: number;
  /** Submissions: the first, then one per client timeout. */
  attempts: number;
  /** Node that accepted the current attempt, or -1. */
  acceptedBy: NodeId;
  attemptStartUs: Micros;
  /** Cycles in which every node failed, so far (the backoff exponent). */
  backoffs: number;
  /** Node whose answer the client waits for, or -1 (answers from others are stale). */
  waitingOn: NodeId;
  /** Nodes tried in the current cycle. */
  tried: NodeId[];
  /** The pending send (NO_EVENT when none). */
  sendHandle: EventHandle;
  timeoutHandle: EventHandle;
}

export class Workload implements ClusterObserver {
  /** Every write's submission and ack times, in id order. */
  readonly log = new WriteLog();
  /** Writes not yet acknowledged, by id (the only per-write objects kept). */
  private readonly pending = new Map<number, WriteRecord>();
  private readonly latency: CompiledDist;
  private readonly latencyRng: Rng;
  private readonly backoffRng: Rng;
  private readonly backoffMaxUs: number;
  private readonly jitter: number;
  private believedLeader: NodeId = 0;
  private connected = false;
  /** Writes submitted before the client connected. */
  private held: WriteRecord[] = [];
  private readonly arriveKind: number;
  private readonly sendKind: number;
  private readonly ackKind: number;
  private readonly timeoutKind: number;
  private stopped = false;

  constructor(
    private readonly host: ClusterHost,
    private readonly rng: Rng,
    private readonly spec: WorkloadSpec,
    private readonly onAck: (w: WriteRecord) => void = () => {},
  ) {
    this.latency = compileDist(spec.clientLatency);
    this.latencyRng = host.streams.get('workload-latency');
    this.backoffRng = host.streams.get('workload-backoff');
    this.backoffMaxUs = Math.max(spec.retryBackoffUs, spec.retryBackoffMaxUs ?? RETRY_DEFAULTS.backoffMaxUs);
    this.jitter = spec.retryJitter ?? RETRY_DEFAULTS.jitter;
    if (!(this.jitter >= 0 && this.jitter <= 1)) throw new Error(`retryJitter must be in [0, 1], got ${this.jitter}`);
    const k = host.kernel;
    this.arriveKind = k.defineKind('client-write', () => this.newWrite());
    this.sendKind = k.defineKind('client-send', (node, w) => this.deliverTo(node, w as WriteRecord));
    this.ackKind = k.defineKind('client-ack', (_n, w) => this.acknowledge(w as WriteRecord));
    this.timeoutKind = k.defineKind('client-timeout', (attempt, w) => this.onTimeout(w as WriteRecord, attempt));
    host.onProposal((node, result) => this.onResult(node, result));
    host.addObserver(this);
  }

  /** Writes submitted and not yet acknowledged. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Starts generating writes from now on. */
  start(): void {
    if (this.spec.writesPerSecond > 0) this.host.kernel.after(this.gap(), this.arriveKind, 0);
  }

  /** Stops generating new writes (pending ones still complete). */
  stop(): void {
    this.stopped = true;
  }

  /** Submits one write now, outside the arrival process (tests and probes). */
  submitOne(): WriteRecord {
    const w: WriteRecord = {
      id: this.log.add(this.host.now), submittedUs: this.host.now, ackedUs: null, index: 0, committedIndex: 0, attempts: 0,
      acceptedBy: -1, attemptStartUs: 0, backoffs: 0, waitingOn: -1, tried: [], sendHandle: NO_EVENT, timeoutHandle: NO_EVENT,
    };
    this.pending.set(w.id, w);
    if (this.connected) this.attempt(w, this.believedLeader);
    else this.held.push(w);
    return w;
  }

  /** The first leader connects the client; writes held until then go to it. */
  onRole(node: NodeId, role: Role): void {
    if (this.connected || role !== 'leader') return;
    this.connected = true;
    this.believedLeader = node;
    const held = this.held;
    this.held = [];
    for (const w of held) this.attempt(w, node);
  }

  private newWrite(): void {
    if (this.stopped) return;
    this.submitOne();
    this.host.kernel.after(this.gap(), this.arriveKind, 0);
  }

  private gap(): Micros {
    const mean = 1e6 / this.spec.writesPerSecond;
    return Math.max(1, Math.round(this.spec.arrival === 'fixed' ? mean : -mean * Math.log(1 - this.rng.next())));
  }

  /** One client ↔ node one-way latency. */
  private sample(): Micros {
    return draw(this.latency, this.latencyRng);
  }

  /** The wait after the write's k-th exhausted cycle, jittered. */
  private backoffUs(k: number): Micros {
    const d = backoffBeforeJitterUs(this.spec.retryBackoffUs, this.backoffMaxUs, k);
    return Math.max(0, Math.round(d * (1 + this.jitter * (2 * this.backoffRng.next() - 1))));
  }

  /** A (re)submission: a fresh cycle starting at `node`, and a new client timeout. */
  private attempt(w: WriteRecord, node: NodeId): void {
    const k = this.host.kernel;
    w.attempts++;
    w.acceptedBy = -1;
    w.attemptStartUs = this.host.now;
    w.tried.length = 0;
    this.sendAfter(w, node, this.sample());
    k.cancel(w.timeoutHandle);
    w.timeoutHandle = k.after(this.spec.clientTimeoutUs, this.timeoutKind, w.attempts, w);
  }

  /** The request reaches `node` after `delay`; earlier pending sends are dropped (one chain per write). */
  private sendAfter(w: WriteRecord, node: NodeId, delay: Micros): void {
    const k = this.host.kernel;
    k.cancel(w.sendHandle);
    w.waitingOn = node;
    w.sendHandle = k.after(delay, this.sendKind, node, w);
  }

  private done(w: WriteRecord): boolean {
    return w.ackedUs !== null || w.committedIndex !== 0;
  }

  private deliverTo(node: NodeId, w: WriteRecord): void {
    w.sendHandle = NO_EVENT;
    if (this.done(w)) return;
    // A down node refuses the connection: the client learns it one latency later.
    if (!this.host.propose(node, w.id)) this.failed(w, node, null);
  }

  private onResult(node: NodeId, r: ProposalResult): void {
    const w = this.pending.get(r.data);
    if (w === undefined || this.done(w) || node !== w.waitingOn) return;
    if (r.index > 0) {
      w.acceptedBy = node;
      w.index = r.index;
      w.waitingOn = -1;
      this.believedLeader = node;
      return;
    }
    this.failed(w, node, r.leaderHint);
  }

  /** `node` refused the write or is not leader (`hint`: the leader it names, if any). */
  private failed(w: WriteRecord, node: NodeId, hint: NodeId | null): void {
    if (!w.tried.includes(node)) w.tried.push(node);
    const reply = this.sample();
    const next = hint !== null && !w.tried.includes(hint) ? hint : this.nextUntried(w, node);
    if (next >= 0) {
      if (next === hint || this.believedLeader === node) this.believedLeader = next;
      this.sendAfter(w, next, reply + this.sample());
      return;
    }
    // Every node failed in this cycle: back off, then start a new cycle.
    const wait = this.backoffUs(w.backoffs++);
    w.tried.length = 0;
    this.sendAfter(w, this.believedLeader, reply + wait + this.sample());
  }

  /** The next node after `from` in id order that this cycle has not tried, or -1. */
  private nextUntried(w: WriteRecord, from: NodeId): NodeId {
    const n = this.host.n;
    for (let i = 1; i < n; i++) {
      const c = (from + i) % n;
      if (!w.tried.includes(c)) return c;
    }
    return -1;
  }

  onCommit(node: NodeId, entries: readonly CommittedEntry[]): void {
    for (const e of entries) {
      if (e.data <= 0) continue;
      const w = this.pending.get(e.data);
      // The commit is what gets acknowledged; a retry accepted elsewhere meanwhile must not change it.
      if (w !== undefined && !this.done(w) && w.acceptedBy === node) {
        w.committedIndex = e.index;
        const k = this.host.kernel;
        k.cancel(w.sendHandle);
        w.sendHandle = NO_EVENT;
        w.waitingOn = -1;
        k.after(this.sample(), this.ackKind, node, w);
      }
    }
  }

  private acknowledge(w: WriteRecord): void {
    if (w.ackedUs !== null) return;
    w.ackedUs = this.host.now;
    this.host.kernel.cancel(w.timeoutHandle);
    w.timeoutHandle = NO_EVENT;
    this.log.setAcked(w.id, w.ackedUs);
    this.pending.delete(w.id);
    this.onAck(w);
  }

  private onTimeout(w: WriteRecord, attempt: number): void {
    w.timeoutHandle = NO_EVENT;
    if (this.done(w) || attempt !== w.attempts) return;
    this.attempt(w, (this.believedLeader + (w.acceptedBy === this.believedLeader ? 1 : 0)) % this.host.n);
  }
}
