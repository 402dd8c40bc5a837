// A tiny synchronous host for unit tests: a few RaftNodes, one message queue
// that tests drain by hand, disks that are durable the moment a Ready arrives
// (so persisted() is acknowledged at once), and timers that only fire when a
// test fires them. It also checks state-machine safety as entries commit.

import { RaftNode } from '../../src/raft/node.js';
import { resolveRaftConfig, type ProfileName } from '../../src/raft/profiles.js';
import type {
  CommittedEntry,
  Entry,
  HardState,
  Message,
  NodeId,
  ProposalResult,
  RaftConfig,
  Ready,
  TimerName,
} from '../../src/raft/types.js';

export interface Rng {
  next(): number;
}

/** Returns the given values in turn, cycling. */
export function seqRng(values: readonly number[]): Rng & { draws: number } {
  const r = {
    draws: 0,
    next: () => values[r.draws++ % values.length],
  };
  return r;
}

/** mulberry32: a deterministic stream for property tests. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** A log written as terms; entry i (1-based) gets data 100*i + term, so every entry is distinguishable. */
export function termsToLog(terms: readonly number[]): Entry[] {
  return terms.map((term, i) => ({ term, data: 100 * (i + 1) + term }));
}

export interface ClusterOptions {
  n: number;
  profile?: ProfileName;
  config?: Partial<RaftConfig>;
  /** Per node: initial durable state (absent: a fresh node). */
  durable?: readonly ({ term: number; votedFor?: NodeId | null; log: readonly number[] | Entry[] } | undefined)[];
  rng?: (id: NodeId) => Rng;
  /** Start the nodes (arm their first timers). Default true. */
  start?: boolean;
}

interface Disk {
  hardState: HardState;
  log: Entry[];
}

export class Cluster {
  readonly config: RaftConfig;
  readonly nodes: RaftNode[] = [];
  readonly disks: Disk[] = [];
  /** Armed timers per node: name → afterUs. */
  readonly timers: Map<TimerName, number>[] = [];
  /** What each node's state machine applied since its last (re)start. */
  readonly applied: CommittedEntry[][] = [];
  readonly answers: ProposalResult[][] = [];
  /** Every message any node sent, in order (for flow-control assertions). */
  readonly sent: Message[] = [];
  queue: Message[] = [];
  readonly down = new Set<NodeId>();
  /** State-machine safety: the first (term, data) committed at each index, and any disagreement. */
  readonly committedAt = new Map<number, CommittedEntry>();
  readonly violations: string[] = [];
  private readonly cut = new Set<string>();
  private readonly rngFor: (id: NodeId) => Rng;

  constructor(readonly opts: ClusterOptions) {
    this.config = resolveRaftConfig(opts.profile ?? 'paper', opts.config ?? {});
    this.rngFor = opts.rng ?? ((id) => seededRng(1000 + id));
    for (let id = 0; id < opts.n; id++) {
      const d = opts.durable?.[id];
      const log = (d?.log ?? []).map((x: number | Entry, i: number) =>
        typeof x === 'number' ? { term: x, data: 100 * (i + 1) + x } : x,
      );
      this.disks.push({ hardState: { term: d?.term ?? 0, votedFor: d?.votedFor ?? null }, log });
      this.timers.push(new Map());
      this.applied.push([]);
      this.answers.push([]);
      this.nodes.push(this.makeNode(id, d !== undefined));
    }
    if (opts.start !== false) for (let id = 0; id < opts.n; id++) this.handle(id, this.nodes[id].start());
  }

  get n(): number {
    return this.opts.n;
  }

  private makeNode(id: NodeId, fromDisk: boolean): RaftNode {
    const disk = this.disks[id];
    return new RaftNode({
      id,
      peers: [...Array(this.n).keys()],
      config: this.config,
      rng: this.rngFor(id),
      durable: fromDisk ? { hardState: disk.hardState, log: disk.log.slice() } : undefined,
    });
  }

  /** Acts on a Ready in the contract's order; the disk is durable at once, so persisted() follows. */
  handle(id: NodeId, r: Ready): void {
    const op = r.persist;
    if (op !== null) {
      const disk = this.disks[id];
      if (op.hardState !== null) disk.hardState = op.hardState;
      if (op.truncateFrom !== null) disk.log.length = op.truncateFrom - 1;
      if (op.appendFrom !== disk.log.length + 1) throw new Error(`node ${id}: append at ${op.appendFrom}, disk has ${disk.log.length}`);
      disk.log.push(...op.entries);
    }
    for (const m of r.messages) {
      this.sent.push(m);
      this.queue.push(m);
    }
    for (const t of r.timers) {
      if (t.afterUs === null) this.timers[id].delete(t.name);
      else this.timers[id].set(t.name, t.afterUs);
    }
    for (const e of r.committed) this.apply(id, e);
    for (const p of r.proposals) this.answers[id].push(p);
    if (op !== null) this.handle(id, this.nodes[id].persisted(op.lastIndex, op.lastTerm));
  }

  private apply(id: NodeId, e: CommittedEntry): void {
    const applied = this.applied[id];
    if (e.index !== applied.length + 1) throw new Error(`node ${id}: applied ${e.index} after ${applied.length}`);
    applied.push(e);
    const first = this.committedAt.get(e.index);
    if (first === undefined) this.committedAt.set(e.index, e);
    else if (first.term !== e.term || first.data !== e.data) {
      this.violations.push(`index ${e.index}: node ${id} applied t${e.term}/${e.data}, earlier t${first.term}/${first.data}`);
    }
  }

  // ---- inputs ---------------------------------------------------------------

  /** Fires a timer the node armed (throws if it is not armed: a test must not fire what the node never asked for). */
  fire(id: NodeId, name: TimerName): void {
    if (!this.timers[id].has(name)) throw new Error(`node ${id}: timer '${name}' is not armed`);
    this.timers[id].delete(name);
    this.handle(id, this.nodes[id].timerFired(name));
  }

  /**
   * Fires the node's election timer until it starts an election (asks for votes or
   * pre-votes, or changes role or term). In continuous mode the lease phase may fire
   * first (a poll-mode follower's 'contact' deadline too); in ticks mode it takes the
   * drawn number of ticks.
   */
  timeout(id: NodeId): void {
    const node = this.nodes[id];
    const { role, term } = node;
    const sentBefore = this.sent.length;
    const asked = () => this.sent.some((m, i) => i >= sentBefore && m.from === id && m.type === 'RequestVote');
    for (let i = 0; i < 1000; i++) {
      // A poll-mode (hashicorp) follower campaigns only once its last contact went stale.
      if (this.timers[id].has('contact')) this.fire(id, 'contact');
      this.fire(id, this.config.timerMode === 'ticks' ? 'tick' : 'election');
      if (node.role !== role || node.term !== term || asked()) return;
    }
    throw new Error(`node ${id} never started an election`);
  }

  propose(id: NodeId, data: number): ProposalResult {
    this.handle(id, this.nodes[id].propose(data));
    return this.answers[id][this.answers[id].length - 1];
  }

  transfer(id: NodeId, to: NodeId): void {
    this.handle(id, this.nodes[id].transferLeadership(to));
  }

  step(m: Message): void {
    this.handle(m.to, this.nodes[m.to].step(m));
  }

  // ---- network --------------------------------------------------------------

  /** Would the network drop this message now (an endpoint down, or the link cut)? */
  blocked(m: Message): boolean {
    return this.down.has(m.to) || this.down.has(m.from) || this.cut.has(`${m.from}>${m.to}`);
  }

  /** One pass: delivers (in order) the queued messages matching pred; messages sent meanwhile wait. Returns the count. */
  deliver(pred: (m: Message) => boolean = () => true): number {
    const batch = this.queue.filter(pred);
    this.queue = this.queue.filter((m) => !pred(m)); // what stays keeps its place ahead of new sends
    let count = 0;
    for (const m of batch) {
      if (this.blocked(m)) continue;
      count++;
      this.step(m);
    }
    return count;
  }

  /** Delivers until nothing matching pred is queued. */
  drain(pred: (m: Message) => boolean = () => true, maxPasses = 1000): number {
    let total = 0;
    for (let i = 0; i < maxPasses; i++) {
      if (!this.queue.some(pred)) return total;
      total += this.deliver(pred);
    }
    throw new Error('drain: the queue never emptied');
  }

  /** Delivers the i-th queued message (out of order); with keep, a copy stays queued (a duplicate). */
  deliverAt(i: number, keep = false): void {
    const m = this.queue[i];
    if (!keep) this.queue.splice(i, 1);
    if (!this.blocked(m)) this.step(m);
  }

  /** Delivers everything, like drain(), but reports a livelock (the bug zoo can make one) instead of throwing. */
  pump(maxPasses = 200): boolean {
    for (let i = 0; i < maxPasses; i++) {
      if (this.queue.length === 0) return true;
      this.deliver();
    }
    return this.queue.length === 0;
  }

  /** Removes queued messages matching pred without delivering them. */
  drop(pred: (m: Message) => boolean = () => true): Message[] {
    const dropped = this.queue.filter(pred);
    this.queue = this.queue.filter((m) => !pred(m));
    return dropped;
  }

  isolate(id: NodeId): void {
    for (let o = 0; o < this.n; o++) {
      if (o === id) continue;
      this.cut.add(`${id}>${o}`);
      this.cut.add(`${o}>${id}`);
    }
  }

  heal(): void {
    this.cut.clear();
  }

  crash(id: NodeId): void {
    this.down.add(id);
    this.timers[id].clear();
    this.queue = this.queue.filter((m) => m.to !== id && m.from !== id);
  }

  restart(id: NodeId): void {
    this.down.delete(id);
    this.applied[id] = [];
    this.nodes[id] = this.makeNode(id, true);
    this.handle(id, this.nodes[id].start());
  }

  /** Crash and lose the disk (outside Raft's model, but a fault the simulator offers); restart empty. */
  wipe(id: NodeId): void {
    this.crash(id);
    this.disks[id] = { hardState: { term: 0, votedFor: null }, log: [] };
    this.restart(id);
  }

  // ---- views ----------------------------------------------------------------

  leaders(): NodeId[] {
    return this.nodes.filter((x, i) => !this.down.has(i) && x.role === 'leader').map((x) => x.id);
  }

  terms(id: NodeId): number[] {
    const node = this.nodes[id];
    const out: number[] = [];
    for (let i = 1; i <= node.lastIndex; i++) out.push(node.termAt(i));
    return out;
  }

  /** Elects `id` (its election timer, then all traffic) and returns the cluster for chaining. */
  elect(id: NodeId): this {
    this.timeout(id);
    this.drain();
    if (this.nodes[id].role !== 'leader') throw new Error(`node ${id} did not win (role ${this.nodes[id].role})`);
    return this;
  }

  /** One heartbeat interval of the leader, then (unless told not to) all traffic delivered. */
  heartbeat(id: NodeId, deliver = true): void {
    if (this.config.timerMode === 'ticks') {
      for (let i = 0; i < this.config.heartbeatMaxUs / this.config.tickUs; i++) this.fire(id, 'tick');
    } else this.fire(id, 'heartbeat');
    if (deliver) this.drain();
  }
}

/** A compact one-line rendering of a message, for traces. */
export function fmt(m: Message): string {
  const head = `${m.from}→${m.to} t${m.term}`;
  switch (m.type) {
    case 'RequestVote':
      return `${head} ${m.preVote ? 'PreVote' : 'Vote'} last=${m.lastLogIndex}/t${m.lastLogTerm}${m.transfer ? ' transfer' : ''}`;
    case 'RequestVoteResponse':
      return `${head} ${m.preVote ? 'PreVoteResp' : 'VoteResp'} ${m.granted ? 'granted' : 'rejected'}`;
    case 'AppendEntries': {
      const ents = m.entries.map((e) => `t${e.term}`).join(',');
      return `${head} App prev=${m.prevLogIndex}/t${m.prevLogTerm} [${ents}] commit=${m.leaderCommit}`;
    }
    case 'AppendEntriesResponse':
      return m.success
        ? `${head} AppResp ok match=${m.matchIndex}`
        : `${head} AppResp reject hint=${m.conflictIndex}/t${m.conflictTerm}`;
    case 'TimeoutNow':
      return `${head} TimeoutNow`;
  }
}
