// The host: runs N pure Raft nodes on the simulated network, clocks, CPUs and
// disks, and carries out each node's Ready in the order its contract states:
// persist, then send once durable, arm timers, report commits.
//
// Every node input (message, timer firing, disk acknowledgment, proposal) is a
// work item on that node's CPU, so a paused or starved node handles nothing
// until its CPU gets to it. Timers are set in the node's own clock.
//
// Per-node rules the host applies (RaftConfig and the cpu section):
// - leaderSendsBeforePersist: a leader's AppendEntries and TimeoutNow leave at
//   once, in parallel with its own write (dissertation §10.2.1; etcd raftNode.start
//   sends before Save when leader); everything else waits for the writes issued
//   before it. The node counts its own entries toward commitment only after
//   persisted(), so nothing commits on a write that is not durable.
// - wakeOrder: which queued input the CPU takes next (cpu.ts); 'random' draws
//   from the `wake:<node>` stream.
// - ticks keep their phase: a tick timer re-armed while handling its own firing
//   is due one period after the previous deadline (a Go time.Ticker), or at the
//   next phase point when a pause made that past, so ticks never drift by the
//   service time and a long pause leaves at most one pending tick.
// - timer jitter (cpu.timerJitter): every timer firing is late by a draw from the
//   `jitter:<node>` stream (never early), as OS timers are (timer slack). The
//   deadline itself stays exact, so periodic ticks do not accumulate it.
// - 'contact' (followerTimer 'poll') is no OS timer but hashicorp's clock read
//   `time.Since(lastContact) < HeartbeatTimeout`: it takes effect at its deadline,
//   without jitter and without waiting for the CPU (even a paused one), so when
//   the node handles its next election firing it sees how long ago it really
//   heard from the leader.
import { Kernel } from '../sim/kernel.js';
import { Network, type NetworkSpec } from '../sim/network.js';
import { NodeClock, type ClockSpec } from '../sim/clock.js';
import { Cpu, type CpuSpec } from '../sim/cpu.js';
import { compileDist, draw, type CompiledDist } from '../sim/distributions.js';
import { Disk, type DiskSpec } from '../sim/disk.js';
import { RngStreams, type Rng } from '../sim/rng.js';
import type { ClusterObserver, FaultNote, FaultPhase, NodeCondition } from './observer.js';
import type { TraceSink } from '../sim/trace.js';
import type { Micros } from '../sim/time.js';
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
  /**
   * Start from an established cluster (scenario `cluster.initial`): every node's disk holds
   * `logs[node]` and the hard state (term, vote for the leader) before it first boots, and
   * it boots told who leads and what is committed (NodeInit.initial). Restarts boot normally.
   */
  readonly initial?: InitialClusterState;
}

export interface InitialClusterState {
  readonly leader: NodeId;
  readonly term: number;
  readonly commitIndex: number;
  /** One log per node (entries up to each node's length). */
  readonly logs: readonly (readonly Entry[])[];
}

/** Told what became of client proposals (the workload listens). */
export type ProposalListener = (node: NodeId, result: ProposalResult, now: Micros) => void;

const TAG_MESSAGE = 0;
const TAG_TIMER = 1;
const TAG_PERSISTED = 2;
const TAG_PROPOSE = 3;
const TAG_TRANSFER = 4;
const TIMER_NAMES: readonly TimerName[] = ['election', 'heartbeat', 'tick', 'contact']; // timerIndex() below follows this order
const TIMERS_PER_NODE = TIMER_NAMES.length;
const TIMER_TICK = TIMER_NAMES.indexOf('tick');
const TIMER_CONTACT = TIMER_NAMES.indexOf('contact');
const NO_MESSAGES: readonly Message[] = Object.freeze([]);

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
  // The hooks that run per message or per write, subscribed per hook so that a send
  // calls only the observers that listen to sends (same order as `observers`).
  private readonly sendObservers: ClusterObserver[] = [];
  private readonly logWriteObservers: ClusterObserver[] = [];
  private readonly commitObservers: ClusterObserver[] = [];
  private readonly leaderKnownObservers: ClusterObserver[] = [];
  private readonly proposalListeners: ProposalListener[] = [];
  private readonly timerHandles: number[];
  private readonly timerDeadline: number[];
  private readonly timerGen: number[];
  /** How late each armed timer fires (µs, drawn when it is armed). */
  private readonly timerLate: number[];
  /** Per node: the timer jitter distribution and its stream; null when it is constant 0. */
  private readonly jitter: ({ readonly dist: CompiledDist; readonly rng: Rng | null } | null)[];
  /** The node whose own tick firing is being handled (its re-arm keeps the phase), or -1. */
  private tickRearmNode = -1;
  private readonly lastPendingWrite: (PendingWrite | null)[];
  private readonly prevRole: string[];
  private readonly prevTerm: number[];
  private readonly prevLeader: (NodeId | null)[];
  private readonly timerKind: number;
  private readonly trace: TraceSink | undefined;
  private readonly firstBoot: boolean[];
  /** Per node, every other node (built once; a node boots at every restart). */
  private readonly peersOf: readonly (readonly NodeId[])[];

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
    for (let i = 0; i < n; i++) {
      const order = spec.raft[i].wakeOrder ?? 'arrival';
      if (order !== 'arrival') this.cpus[i].setWakeOrder(order, TAG_TIMER, order === 'random' ? this.streams.get('wake', i) : null);
    }
    this.jitter = range(n).map((i) => {
      const jitterSpec = spec.cpu[i].timerJitter;
      if (jitterSpec === undefined) return null;
      const dist = compileDist(jitterSpec);
      if (dist.constant === 0) return null;
      return { dist, rng: dist.constant === undefined ? this.streams.get('jitter', i) : null };
    });
    const durableFn = (node: number, payload: unknown) => this.onDurable(node, payload as PendingWrite);
    this.disks = range(n).map((i) => new Disk(this.kernel, diskDone, i, this.streams.get('disk', i), spec.disk[i], durableFn));
    const initial = spec.initial;
    this.durable = range(n).map((i) =>
      initial === undefined
        ? { hardState: { term: 0, votedFor: null }, log: [] }
        : { hardState: { term: initial.term, votedFor: initial.leader }, log: initial.logs[i].slice() },
    );
    this.firstBoot = new Array(n).fill(true);
    this.peersOf = range(n).map((node) => range(n).filter((p) => p !== node));
    this.timerHandles = new Array(n * TIMERS_PER_NODE).fill(0);
    this.timerDeadline = new Array(n * TIMERS_PER_NODE).fill(0);
    this.timerGen = new Array(n * TIMERS_PER_NODE).fill(0);
    this.timerLate = new Array(n * TIMERS_PER_NODE).fill(0);
    this.lastPendingWrite = new Array(n).fill(null);
    this.prevRole = new Array(n).fill('');
    this.prevTerm = new Array(n).fill(-1);
    this.prevLeader = new Array(n).fill(null);
    this.nodes = new Array(n).fill(null);
  }

  addObserver(o: ClusterObserver): void {
    this.observers.push(o);
    if (o.onSend) this.sendObservers.push(o);
    if (o.onLogWrite) this.logWriteObservers.push(o);
    if (o.onCommit) this.commitObservers.push(o);
    if (o.onLeaderKnown) this.leaderKnownObservers.push(o);
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
    const bootKind = this.kernel.defineKind('boot', (node) => {
      if (this.firstBoot[node]) this.boot(node);
    });
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
    if (this.nodes[node] === null) {
      // Not booted yet (boot spread): it never comes up until restarted, and then boots from
      // its disk like any restart (with cluster.initial, that disk holds the initial log).
      if (this.firstBoot[node]) {
        this.firstBoot[node] = false;
        if (this.spec.initial !== undefined) for (const o of this.observers) o.onInitialLog?.(node, this.durable[node].log, this.kernel.now);
        this.prevRole[node] = 'down';
        this.emitCondition(node, 'down', detail);
      }
      return;
    }
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
    if (this.firstBoot[node]) return; // it boots on schedule
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

  /** Tells observers that a fault started or healed (the fault layer calls this once it took effect). */
  noteFault(fault: FaultNote, phase: FaultPhase): void {
    for (const o of this.observers) o.onFault?.(fault, phase, this.kernel.now);
    this.trace?.write({ t: this.kernel.now, ev: 'fault', what: `${phase} ${fault.description}` });
  }

  // --- internals ------------------------------------------------------------------

  private boot(node: NodeId): void {
    const image = this.durable[node];
    const initial = this.firstBoot[node] ? this.spec.initial : undefined;
    this.firstBoot[node] = false;
    const init: NodeInit = {
      id: node,
      peers: this.peersOf[node].slice(), // a copy: a plug-in node may keep and change its own
      config: this.spec.raft[node],
      rng: this.streams.get('timers', node),
      durable: image.log.length > 0 || image.hardState.term > 0 ? { hardState: image.hardState, log: image.log.slice() } : undefined,
      initial: initial === undefined ? undefined : { leader: initial.leader, commitIndex: initial.commitIndex },
    };
    const raft = this.spec.nodeFactory(init);
    this.nodes[node] = raft;
    if (initial !== undefined) for (const o of this.observers) o.onInitialLog?.(node, image.log, this.kernel.now);
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
    const t = payload % TIMERS_PER_NODE;
    this.timerHandles[node * TIMERS_PER_NODE + t] = 0;
    // 'contact' is a clock read, not an input: it takes effect now, paused or not.
    if (t === TIMER_CONTACT) this.runWork(node, TAG_TIMER, payload);
    else this.cpus[node].submit(TAG_TIMER, payload);
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
        // A tick's re-arm, in this Ready, keeps the ticker's phase (setTimer).
        if (t === TIMER_TICK) this.tickRearmNode = node;
        break;
      }
      case TAG_PERSISTED: {
        const pw = payload as PendingWrite;
        if (this.lastPendingWrite[node] === pw) this.lastPendingWrite[node] = null;
        for (let b = 0; b < pw.batches.length; b++) this.sendAll(node, pw.batches[b]);
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
    this.tickRearmNode = -1;
    this.observe(node, raft);
  }

  // The per-input loops below are indexed rather than for-of: a Ready's arrays are
  // sometimes shared frozen ones (ready.ts), and for-of over arrays of several
  // element kinds was a quarter of this function's time in the profile.
  private applyReady(node: NodeId, r: Ready): void {
    let messages = r.messages;
    if (messages.length > 0 && (r.persist !== null || this.lastPendingWrite[node] !== null) && this.spec.raft[node].leaderSendsBeforePersist && this.nodes[node]?.role === 'leader') {
      messages = this.sendLeaderMessages(node, messages);
    }
    if (r.persist !== null) {
      const pw: PendingWrite = { op: r.persist, batches: messages.length > 0 ? [messages] : [] };
      const observers = this.logWriteObservers;
      for (let i = 0; i < observers.length; i++) observers[i].onLogWrite!(node, r.persist, this.kernel.now);
      this.lastPendingWrite[node] = pw;
      this.disks[node].submit(pw);
    } else if (messages.length > 0) {
      // Messages never overtake a write issued before them ("persist before send").
      const pending = this.lastPendingWrite[node];
      if (pending !== null) pending.batches.push(messages);
      else this.sendAll(node, messages);
    }
    const timers = r.timers;
    for (let i = 0; i < timers.length; i++) this.setTimer(node, timers[i].name, timers[i].afterUs);
    if (r.committed.length > 0) {
      const observers = this.commitObservers;
      for (let i = 0; i < observers.length; i++) observers[i].onCommit!(node, r.committed, this.kernel.now);
    }
    if (r.proposals.length > 0) {
      for (const p of r.proposals) for (const l of this.proposalListeners) l(node, p, this.kernel.now);
    }
  }

  private sendAll(from: NodeId, messages: readonly Message[]): void {
    for (let i = 0; i < messages.length; i++) this.send(from, messages[i]);
  }

  /**
   * leaderSendsBeforePersist, with a write pending: the leader's replication messages
   * (AppendEntries, TimeoutNow) leave now; returns the rest (vote replies, rejections),
   * which still wait for the writes issued before them.
   */
  private sendLeaderMessages(node: NodeId, messages: readonly Message[]): readonly Message[] {
    let held: Message[] | null = null;
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i];
      if (m.type === 'AppendEntries' || m.type === 'TimeoutNow') this.send(node, m);
      else (held ??= []).push(m);
    }
    return held ?? NO_MESSAGES;
  }

  private send(from: NodeId, m: Message): void {
    const h = this.kernel.hash;
    h.mix(m.to * 1024 + from * 8 + messageCode(m));
    h.mix(m.term);
    if (m.type === 'AppendEntries') h.mix(m.entries.length * 1_000_003 + m.prevLogIndex);
    const observers = this.sendObservers;
    for (let i = 0; i < observers.length; i++) observers[i].onSend!(from, m, this.kernel.now);
    if (this.trace) this.trace.write({ t: this.kernel.now, ev: 'send', node: from, to: m.to, type: m.type, term: m.term });
    this.network.send(from, m.to, m);
  }

  private setTimer(node: NodeId, name: TimerName, afterUs: number | null): void {
    const t = timerIndex(name);
    if (t < 0) throw new Error(`node ${node} armed an unknown timer ${JSON.stringify(name)}`);
    const k = node * TIMERS_PER_NODE + t;
    if (afterUs === null) {
      this.cancelTimer(k);
      return;
    }
    this.timerGen[k]++; // a firing already queued on the CPU is stale from now on
    const clock = this.clocks[node];
    const wall = this.spec.raft[node].timerSource === 'wall';
    const now = this.kernel.now;
    const clockNow = wall ? clock.wall(now) : clock.monotonic(now);
    this.timerDeadline[k] =
      t === TIMER_TICK && this.tickRearmNode === node && afterUs > 0 ? nextTick(this.timerDeadline[k], afterUs, clockNow) : clockNow + afterUs;
    const j = this.jitter[node];
    this.timerLate[k] = j === null || t === TIMER_CONTACT ? 0 : draw(j.dist, j.rng as Rng);
    this.scheduleTimer(node, k);
  }

  private scheduleTimer(node: NodeId, k: number): void {
    const clock = this.clocks[node];
    const now = this.kernel.now;
    const deadline = this.timerDeadline[k];
    const at = this.spec.raft[node].timerSource === 'wall' ? clock.globalForWall(deadline, now) : clock.globalForMonotonic(deadline, now);
    const payload = this.timerGen[k] * TIMERS_PER_NODE + (k % TIMERS_PER_NODE);
    // A re-armed timer still pending moves (lazily, queue.ts); the order is that of cancel-and-push.
    const handle = this.timerHandles[k];
    if (handle !== 0 && this.kernel.reschedule(handle, at + this.timerLate[k], payload)) return;
    this.timerHandles[k] = this.kernel.at(at + this.timerLate[k], this.timerKind, node, payload);
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
      for (const o of this.leaderKnownObservers) o.onLeaderKnown!(node, leader, term, now);
    }
  }

  private emitCondition(node: NodeId, condition: NodeCondition, detail: string): void {
    if (this.trace) this.trace.write({ t: this.kernel.now, ev: 'node', node, condition, detail });
    for (const o of this.observers) o.onCondition?.(node, condition, this.kernel.now, detail);
  }
}

/**
 * The next deadline of a periodic tick re-armed as it is handled (Go's time.Ticker):
 * one period after the previous deadline; if a pause made that past, the first phase
 * point at or after `now` (missed ticks are dropped); if the clock went back (a wall
 * clock stepped backwards), one period from now. All in the node's clock.
 */
export function nextTick(prevDeadline: number, periodUs: number, now: number): number {
  const next = prevDeadline + periodUs;
  if (next < now) return next + Math.ceil((now - next) / periodUs) * periodUs;
  if (next > now + periodUs) return now + periodUs;
  return next;
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

/** TIMER_NAMES.indexOf(name), without a string search per re-arm. */
function timerIndex(name: TimerName): number {
  switch (name) {
    case 'election': return 0;
    case 'heartbeat': return 1;
    case 'tick': return 2;
    case 'contact': return 3;
    default: return -1;
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

