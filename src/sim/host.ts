// The host: runs N pure Raft nodes on the simulated network, clocks, CPUs and
// disks, and carries out each node's Ready in the order its contract states:
// persist, then send once durable, arm timers, report commits.
//
// Every node input (message, timer firing, disk acknowledgment, proposal) is a
// work item on that node's CPU, so a paused or starved node handles nothing
// until its CPU gets to it. Timers are set in the node's own clock.
import { Kernel } from './kernel.js';
import { Network, type NetworkSpec } from './network.js';
import { NodeClock, type ClockSpec } from './clock.js';
import { Cpu, type CpuSpec } from './cpu.js';
import { Disk, type DiskSpec } from './disk.js';
import { RngStreams } from './rng.js';
import type { ClusterObserver, NodeCondition } from './observer.js';
import type { TraceSink } from './trace.js';
import type { Micros } from './time.js';
import type {
  Entry, HardState, Message, NodeId, NodeInit, PersistOp, ProposalResult, RaftConfig, RaftNodeApi, Ready, TimerName,
} from '../raft/types.js';
import { range } from 'd3-array';

export type NodeFactory = (init: NodeInit) => RaftNodeApi;

export interface HostSpec {
  readonly nodes: number;
  /** One resolved config per node (mixed-config clusters are allowed). */
  readonly raft: readonly RaftConfig[];
  readonly network: NetworkSpec;
  readonly clocks: readonly ClockSpec[];
  readonly cpu: readonly CpuSpec[];
  readonly disk: readonly DiskSpec[];
  readonly seed: string | number;
  readonly trial: number;
  readonly nodeFactory: NodeFactory;
  readonly trace?: TraceSink;
  /**
   * Nodes boot at independent uniform times in [0, bootSpreadUs), drawn from
   * the `boot` stream. Real processes start at different moments, so periodic
   * tick timers (etcd) have independent phases; booting all at 0 would align
   * every tick and exaggerate split votes. Default 0.
   */
  readonly bootSpreadUs?: number;
}

/** Told what became of client proposals (the workload listens). */
export type ProposalListener = (node: NodeId, result: ProposalResult, now: Micros) => void;

const TAG_MESSAGE = 0;
const TAG_TIMER = 1;
const TAG_PERSISTED = 2;
const TAG_PROPOSE = 3;
const TAG_TRANSFER = 4;
const TIMER_NAMES: readonly TimerName[] = ['election', 'heartbeat', 'tick'];
const TIMERS_PER_NODE = TIMER_NAMES.length;

/** A write on its way to disk, with the messages that must wait for it. */
interface PendingWrite {
  readonly op: PersistOp;
  readonly batches: (readonly Message[])[];
}

/** What a node's disk holds durably. */
interface DurableImage {
  hardState: HardState;
  log: Entry[];
}

export class ClusterHost {
  readonly n: number;
  readonly kernel = new Kernel();
  readonly streams: RngStreams;
  readonly network: Network;
  readonly clocks: NodeClock[];
  readonly cpus: Cpu[];
  readonly disks: Disk[];
  readonly nodes: (RaftNodeApi | null)[];
  private readonly durable: DurableImage[];
  private readonly observers: ClusterObserver[] = [];
  private readonly proposalListeners: ProposalListener[] = [];
  private readonly timerHandles: number[];
  private readonly timerDeadline: number[];
  private readonly timerGen: number[];
  private readonly lastPendingWrite: (PendingWrite | null)[];
  private readonly prevRole: string[];
  private readonly prevTerm: number[];
  private readonly prevLeader: (NodeId | null)[];
  private readonly timerKind: number;
  private readonly trace: TraceSink | undefined;

  constructor(private readonly spec: HostSpec) {
    const n = (this.n = spec.nodes);
    this.trace = spec.trace;
    this.streams = new RngStreams(spec.seed, spec.trial);
    this.network = new Network(this.kernel, this.streams.get('network'), spec.network, (to, from, msg) =>
      this.onArrive(to, from, msg as Message),
    );
    this.timerKind = this.kernel.defineKind('timer', (node, payload) => this.onTimerEvent(node, payload as number));
    const cpuDone = this.kernel.defineKind('cpu-done', (node) => this.cpus[node].onServiceDone());
    const diskDone = this.kernel.defineKind('disk-done', (node) => this.disks[node].onWriteDone());
    this.clocks = spec.clocks.map((c) => new NodeClock(c));
    const work = (node: number, tag: number, payload: unknown) => this.runWork(node, tag, payload);
    this.cpus = range(n).map((i) => new Cpu(this.kernel, cpuDone, i, this.streams.get('cpu', i), spec.cpu[i], work));
    const durableFn = (node: number, payload: unknown) => this.onDurable(node, payload as PendingWrite);
    this.disks = range(n).map((i) => new Disk(this.kernel, diskDone, i, this.streams.get('disk', i), spec.disk[i], durableFn));
    this.durable = range(n).map(() => ({ hardState: { term: 0, votedFor: null }, log: [] }));
    this.timerHandles = new Array(n * TIMERS_PER_NODE).fill(0);
    this.timerDeadline = new Array(n * TIMERS_PER_NODE).fill(0);
    this.timerGen = new Array(n * TIMERS_PER_NODE).fill(0);
    this.lastPendingWrite = new Array(n).fill(null);
    this.prevRole = new Array(n).fill('');
    this.prevTerm = new Array(n).fill(-1);
    this.prevLeader = new Array(n).fill(null);
    this.nodes = new Array(n).fill(null);
  }

  addObserver(o: ClusterObserver): void {
    this.observers.push(o);
  }

  onProposal(listener: ProposalListener): void {
    this.proposalListeners.push(listener);
  }

  get now(): Micros {
    return this.kernel.now;
  }

  /** Boots every node (in id order, or at spread-out times) from its durable image. */
  start(): void {
    const spread = this.spec.bootSpreadUs ?? 0;
    if (spread <= 0) {
      for (let i = 0; i < this.n; i++) this.boot(i);
      return;
    }
    const rng = this.streams.get('boot');
    const bootKind = this.kernel.defineKind('boot', (node) => this.boot(node));
    for (let i = 0; i < this.n; i++) this.kernel.at(Math.floor(rng.next() * spread), bootKind, i);
  }

  run(untilUs: Micros): void {
    this.kernel.run(untilUs);
  }

  config(node: NodeId): RaftConfig {
    return this.spec.raft[node];
  }

  condition(node: NodeId): NodeCondition {
    if (this.nodes[node] === null) return 'down';
    return this.cpus[node].isPaused ? 'paused' : 'up';
  }

  /** The up node that is leader in the highest term, or null. */
  currentLeader(): NodeId | null {
    let best: NodeId | null = null;
    let bestTerm = -1;
    for (let i = 0; i < this.n; i++) {
      const raft = this.nodes[i];
      if (raft !== null && raft.role === 'leader' && raft.term > bestTerm) {
        best = i;
        bestTerm = raft.term;
      }
    }
    return best;
  }

  durableImage(node: NodeId): Readonly<DurableImage> {
    return this.durable[node];
  }

  // --- node verbs: crash/restart, wipe, pause/resume ------------------------

  crash(node: NodeId, detail = 'crash'): void {
    if (this.nodes[node] === null) return;
    this.nodes[node] = null;
    this.cpus[node].reset();
    this.disks[node].crash();
    for (let t = 0; t < TIMERS_PER_NODE; t++) this.cancelTimer(node * TIMERS_PER_NODE + t);
    this.lastPendingWrite[node] = null;
    this.prevRole[node] = 'down';
    this.emitCondition(node, 'down', detail);
  }

  restart(node: NodeId): void {
    if (this.nodes[node] !== null) return;
    this.boot(node);
  }

  /** Erases the node's durable state (the node must be down; it restarts empty). */
  wipe(node: NodeId): void {
    this.crash(node, 'crash+wipe');
    this.durable[node] = { hardState: { term: 0, votedFor: null }, log: [] };
  }

  pause(node: NodeId): void {
    if (this.nodes[node] === null || this.cpus[node].isPaused) return;
    this.cpus[node].pause();
    this.emitCondition(node, 'paused', 'pause');
  }

  resume(node: NodeId): void {
    if (this.nodes[node] === null || !this.cpus[node].isPaused) return;
    // Resume first, so observers see the node running (its backlog may already have run).
    this.cpus[node].resume();
    this.emitCondition(node, 'up', 'resume');
  }

  // --- clock verbs ------------------------------------------------------------

  stepClock(node: NodeId, deltaUs: number): void {
    this.clocks[node].step(deltaUs);
    if (this.spec.raft[node].timerSource === 'wall') this.rescheduleTimers(node);
  }

  setClockOffset(node: NodeId, offsetUs: number): void {
    this.clocks[node].setOffset(offsetUs);
    if (this.spec.raft[node].timerSource === 'wall') this.rescheduleTimers(node);
  }

  setClockDrift(node: NodeId, driftPpm: number): void {
    this.clocks[node].setDrift(this.kernel.now, driftPpm);
    this.rescheduleTimers(node);
  }

  // --- client-facing verbs ------------------------------------------------------

  /** Hands a client proposal to a node; false when the node is down. */
  propose(node: NodeId, data: number): boolean {
    if (this.nodes[node] === null) return false;
    this.cpus[node].submit(TAG_PROPOSE, data);
    return true;
  }

  transferLeadership(from: NodeId, to: NodeId): void {
    if (this.nodes[from] !== null) this.cpus[from].submit(TAG_TRANSFER, to);
  }

  /** Tells observers about a fault (the fault layer calls this). */
  noteFault(description: string): void {
    for (const o of this.observers) o.onFault?.(description, this.kernel.now);
    this.trace?.write({ t: this.kernel.now, ev: 'fault', what: description });
  }

  // --- internals ------------------------------------------------------------------

  private boot(node: NodeId): void {
    const image = this.durable[node];
    const init: NodeInit = {
      id: node,
      peers: range(this.n).filter((p) => p !== node),
      config: this.spec.raft[node],
      rng: this.streams.get('timers', node),
      durable: image.log.length > 0 || image.hardState.term > 0 ? { hardState: image.hardState, log: image.log.slice() } : undefined,
    };
    const raft = this.spec.nodeFactory(init);
    this.nodes[node] = raft;
    if (this.prevRole[node] === 'down') {
      this.emitCondition(node, 'up', 'restart');
      for (const o of this.observers) o.onRestart?.(node, image.log, this.kernel.now);
    }
    this.prevRole[node] = '';
    this.prevTerm[node] = -1;
    this.prevLeader[node] = null;
    this.applyReady(node, raft.start());
    this.observe(node, raft);
  }

  private onArrive(to: NodeId, from: NodeId, msg: Message): boolean {
    if (this.nodes[to] === null) return false;
    if (this.trace) this.trace.write({ t: this.kernel.now, ev: 'deliver', node: to, from, type: msg.type, term: msg.term });
    this.cpus[to].submit(TAG_MESSAGE, msg);
    return true;
  }

  private onTimerEvent(node: NodeId, payload: number): void {
    const k = node * TIMERS_PER_NODE + (payload % TIMERS_PER_NODE);
    this.timerHandles[k] = 0;
    this.cpus[node].submit(TAG_TIMER, payload);
  }

  private onDurable(node: NodeId, pw: PendingWrite): void {
    applyToImage(this.durable[node], pw.op);
    this.cpus[node].submit(TAG_PERSISTED, pw);
  }

  private runWork(node: NodeId, tag: number, payload: unknown): void {
    const raft = this.nodes[node];
    if (raft === null) return;
    let ready: Ready;
    switch (tag) {
      case TAG_MESSAGE:
        ready = raft.step(payload as Message);
        break;
      case TAG_TIMER: {
        const p = payload as number;
        const t = p % TIMERS_PER_NODE;
        // A firing made stale by a later re-arm or cancel (e.g. queued behind a pause) is dropped.
        if (this.timerGen[node * TIMERS_PER_NODE + t] !== Math.floor(p / TIMERS_PER_NODE)) return;
        if (this.trace) this.trace.write({ t: this.kernel.now, ev: 'timer', node, timer: TIMER_NAMES[t] });
        ready = raft.timerFired(TIMER_NAMES[t]);
        break;
      }
      case TAG_PERSISTED: {
        const pw = payload as PendingWrite;
        if (this.lastPendingWrite[node] === pw) this.lastPendingWrite[node] = null;
        for (const batch of pw.batches) for (const m of batch) this.send(node, m);
        ready = raft.persisted(pw.op.lastIndex, pw.op.lastTerm);
        break;
      }
      case TAG_PROPOSE:
        ready = raft.propose(payload as number);
        break;
      case TAG_TRANSFER:
        ready = raft.transferLeadership(payload as number);
        break;
      default:
        throw new Error(`unknown work tag ${tag}`);
    }
    this.applyReady(node, ready);
    this.observe(node, raft);
  }

  private applyReady(node: NodeId, r: Ready): void {
    if (r.persist !== null) {
      const pw: PendingWrite = { op: r.persist, batches: r.messages.length > 0 ? [r.messages] : [] };
      for (const o of this.observers) o.onLogWrite?.(node, r.persist, this.kernel.now);
      this.lastPendingWrite[node] = pw;
      this.disks[node].submit(pw);
    } else if (r.messages.length > 0) {
      // Messages never overtake a write issued before them ("persist before send").
      const pending = this.lastPendingWrite[node];
      if (pending !== null) pending.batches.push(r.messages);
      else for (const m of r.messages) this.send(node, m);
    }
    for (const op of r.timers) this.setTimer(node, op.name, op.afterUs);
    if (r.committed.length > 0) for (const o of this.observers) o.onCommit?.(node, r.committed, this.kernel.now);
    if (r.proposals.length > 0) {
      for (const p of r.proposals) for (const l of this.proposalListeners) l(node, p, this.kernel.now);
    }
  }

  private send(from: NodeId, m: Message): void {
    const h = this.kernel.hash;
    h.mix(m.to * 1024 + from * 8 + messageCode(m));
    h.mix(m.term);
    if (m.type === 'AppendEntries') h.mix(m.entries.length * 1_000_003 + m.prevLogIndex);
    for (const o of this.observers) o.onSend?.(from, m, this.kernel.now);
    if (this.trace) this.trace.write({ t: this.kernel.now, ev: 'send', node: from, to: m.to, type: m.type, term: m.term });
    this.network.send(from, m.to, m);
  }

  private setTimer(node: NodeId, name: TimerName, afterUs: number | null): void {
    const t = TIMER_NAMES.indexOf(name);
    const k = node * TIMERS_PER_NODE + t;
    this.cancelTimer(k);
    if (afterUs === null) return;
    const clock = this.clocks[node];
    const wall = this.spec.raft[node].timerSource === 'wall';
    const now = this.kernel.now;
    this.timerDeadline[k] = (wall ? clock.wall(now) : clock.monotonic(now)) + afterUs;
    this.scheduleTimer(node, k);
  }

  private scheduleTimer(node: NodeId, k: number): void {
    const clock = this.clocks[node];
    const now = this.kernel.now;
    const deadline = this.timerDeadline[k];
    const at = this.spec.raft[node].timerSource === 'wall' ? clock.globalForWall(deadline, now) : clock.globalForMonotonic(deadline, now);
    const payload = this.timerGen[k] * TIMERS_PER_NODE + (k % TIMERS_PER_NODE);
    this.timerHandles[k] = this.kernel.at(at, this.timerKind, node, payload);
  }

  private cancelTimer(k: number): void {
    if (this.timerHandles[k] !== 0) this.kernel.cancel(this.timerHandles[k]);
    this.timerHandles[k] = 0;
    this.timerGen[k]++;
  }

  /** After a clock change, pending timers fire when the node's clock reaches their deadlines. */
  private rescheduleTimers(node: NodeId): void {
    for (let t = 0; t < TIMERS_PER_NODE; t++) {
      const k = node * TIMERS_PER_NODE + t;
      if (this.timerHandles[k] === 0) continue;
      this.kernel.cancel(this.timerHandles[k]);
      this.scheduleTimer(node, k);
    }
  }

  private observe(node: NodeId, raft: RaftNodeApi): void {
    const role = raft.role;
    const term = raft.term;
    const leader = raft.leaderId;
    const now = this.kernel.now;
    if (role !== this.prevRole[node] || term !== this.prevTerm[node]) {
      this.prevRole[node] = role;
      this.prevTerm[node] = term;
      if (this.trace) this.trace.write({ t: now, ev: 'role', node, role, term });
      for (const o of this.observers) o.onRole?.(node, role, term, leader, now);
    }
    if (leader !== this.prevLeader[node]) {
      this.prevLeader[node] = leader;
      for (const o of this.observers) o.onLeaderKnown?.(node, leader, term, now);
    }
  }

  private emitCondition(node: NodeId, condition: NodeCondition, detail: string): void {
    if (this.trace) this.trace.write({ t: this.kernel.now, ev: 'node', node, condition, detail });
    for (const o of this.observers) o.onCondition?.(node, condition, this.kernel.now, detail);
  }
}

/** Applies a write to a durable image (the same order as PersistOp documents). */
export function applyToImage(image: DurableImage, op: PersistOp): void {
  if (op.hardState !== null) image.hardState = op.hardState;
  if (op.truncateFrom !== null && image.log.length >= op.truncateFrom) image.log.length = op.truncateFrom - 1;
  if (op.entries.length > 0) {
    if (op.appendFrom - 1 > image.log.length) throw new Error(`log write leaves a gap: append at ${op.appendFrom}, log ends at ${image.log.length}`);
    for (let i = 0; i < op.entries.length; i++) image.log[op.appendFrom - 1 + i] = op.entries[i];
  }
}

function messageCode(m: Message): number {
  switch (m.type) {
    case 'RequestVote': return m.preVote ? 1 : 2;
    case 'RequestVoteResponse': return m.granted ? 3 : 4;
    case 'AppendEntries': return 5;
    case 'AppendEntriesResponse': return m.success ? 6 : 7;
    case 'TimeoutNow': return 0;
  }
}

