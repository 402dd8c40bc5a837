// Client workload: writes proposed at a configured rate to the node the
// client believes leads. A node that is not leader answers with a hint and the
// client follows it (a redirect); with no hint, or when the node is down, it
// tries the next node after a backoff. A write not acknowledged within the
// client timeout is resubmitted (same write id: at-least-once, as real clients
// retry). A write is acknowledged when the node that accepted it reports it
// committed; the ack reaches the client one client latency later.
import type { ClusterHost } from './host.js';
import { compileDist, draw, type CompiledDist, type DistSpec } from './distributions.js';
import type { Rng } from './rng.js';
import type { Micros } from './time.js';
import type { CommittedEntry, NodeId, ProposalResult } from '../raft/types.js';
import type { ClusterObserver } from './observer.js';

export interface WorkloadSpec {
  /** Mean writes per second; 0 disables the workload. */
  readonly writesPerSecond: number;
  /** 'poisson': exponential gaps; 'fixed': evenly spaced. */
  readonly arrival: 'poisson' | 'fixed';
  /** One-way latency between the client and any node, µs. */
  readonly clientLatency: DistSpec;
  /** Resubmit a write not acknowledged within this long, µs. */
  readonly clientTimeoutUs: number;
  /** Wait before trying another node when there is no leader hint, µs. */
  readonly retryBackoffUs: number;
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
  attempts: number;
  /** Node that accepted the current attempt, or -1. */
  acceptedBy: NodeId;
  attemptStartUs: Micros;
}

export class Workload implements ClusterObserver {
  readonly writes: WriteRecord[] = [];
  private readonly latency: CompiledDist;
  private believedLeader: NodeId = 0;
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
    const k = host.kernel;
    this.arriveKind = k.defineKind('client-write', () => this.newWrite());
    this.sendKind = k.defineKind('client-send', (node, w) => this.deliverTo(node, w as WriteRecord));
    this.ackKind = k.defineKind('client-ack', (_n, w) => this.acknowledge(w as WriteRecord));
    this.timeoutKind = k.defineKind('client-timeout', (attempt, w) => this.onTimeout(w as WriteRecord, attempt));
    host.onProposal((node, result, now) => this.onResult(node, result, now));
    host.addObserver(this);
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
    const w: WriteRecord = { id: this.writes.length + 1, submittedUs: this.host.now, ackedUs: null, index: 0, committedIndex: 0, attempts: 0, acceptedBy: -1, attemptStartUs: 0 };
    this.writes.push(w);
    this.attempt(w, this.believedLeader);
    return w;
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

  private sample(): Micros {
    return draw(this.latency, this.rng);
  }

  private attempt(w: WriteRecord, node: NodeId): void {
    w.attempts++;
    w.acceptedBy = -1;
    w.attemptStartUs = this.host.now;
    this.host.kernel.after(this.sample(), this.sendKind, node, w);
    this.host.kernel.after(this.spec.clientTimeoutUs, this.timeoutKind, w.attempts, w);
  }

  private deliverTo(node: NodeId, w: WriteRecord): void {
    if (w.ackedUs !== null || w.committedIndex !== 0) return;
    // A down node refuses the connection: the client learns it one round trip later.
    if (!this.host.propose(node, w.id)) this.retryElsewhere(w, node, this.sample());
  }

  private onResult(node: NodeId, r: ProposalResult, _now: Micros): void {
    const w = this.writes[r.data - 1];
    if (w === undefined || w.ackedUs !== null || w.committedIndex !== 0) return;
    if (r.index > 0) {
      w.acceptedBy = node;
      w.index = r.index;
      this.believedLeader = node;
      return;
    }
    if (r.leaderHint !== null && r.leaderHint !== node) {
      this.believedLeader = r.leaderHint;
      this.host.kernel.after(this.sample() + this.sample(), this.sendKind, r.leaderHint, w);
    } else {
      this.retryElsewhere(w, node, this.sample() + this.spec.retryBackoffUs);
    }
  }

  private retryElsewhere(w: WriteRecord, node: NodeId, delay: Micros): void {
    const next = (node + 1) % this.host.n;
    this.believedLeader = next;
    this.host.kernel.after(delay, this.sendKind, next, w);
  }

  onCommit(node: NodeId, entries: readonly CommittedEntry[]): void {
    for (const e of entries) {
      if (e.data <= 0) continue;
      const w = this.writes[e.data - 1];
      // The commit is what gets acknowledged; a retry accepted elsewhere meanwhile must not change it.
      if (w !== undefined && w.ackedUs === null && w.committedIndex === 0 && w.acceptedBy === node) {
        w.committedIndex = e.index;
        this.host.kernel.after(this.sample(), this.ackKind, node, w);
      }
    }
  }

  private acknowledge(w: WriteRecord): void {
    if (w.ackedUs !== null) return;
    w.ackedUs = this.host.now;
    this.onAck(w);
  }

  private onTimeout(w: WriteRecord, attempt: number): void {
    if (w.ackedUs !== null || w.committedIndex !== 0 || attempt !== w.attempts) return;
    this.attempt(w, (this.believedLeader + (w.acceptedBy === this.believedLeader ? 1 : 0)) % this.host.n);
  }
}
