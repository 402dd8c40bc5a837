// Applies fault records to a running cluster, and heals them. What a kind does is
// its module's apply/undo (src/faults/kinds/, listed in registry.ts); this class
// owns what they share: resolving symbolic targets, reference-counted link and
// node state, timers, the log of records, and telling listeners.
//
// Link and node state is reference-counted, so overlapping faults compose: a
// link cut by two partitions is healed only when both have healed; a node
// paused twice resumes when the last pause ends. Symbolic targets ('leader',
// 'minority', …) are resolved when the fault starts, with the `faults` stream.
import type { ClusterHost } from '../cluster/host.js';
import type { Rng } from '../sim/rng.js';
import type { NodeId } from '../raft/types.js';
import type { AppliedFault, FaultContext } from './kind.js';
import { faultKindModule } from './registry.js';
import type { Fault, FaultListener, FaultRecord, Target } from './types.js';
import { range } from 'd3-array';

/** A started fault: what its module did (to undo exactly that) and its record. */
interface Active {
  readonly fault: Fault;
  readonly applied: AppliedFault;
  readonly record: FaultRecord;
}

export class FaultInjector implements FaultContext {
  readonly n: number;
  private readonly cutCount: Int32Array;
  private readonly holdCount: Int32Array;
  private readonly pauseCount: Int32Array;
  private readonly downCount: Int32Array;
  private readonly stallCount: Int32Array;
  private readonly startKind: number;
  private readonly healKind: number;
  /** Defined on first use only, so runs without a changing fault keep their event kinds (and trace hashes). */
  private timerKind = -1;
  /** Faults started and not yet healed, in start order. */
  readonly active: Active[] = [];
  /** Every fault that started, with the nodes it resolved to (for reports); `id` is the position here. */
  readonly log: FaultRecord[] = [];
  private readonly listeners: FaultListener[] = [];

  constructor(
    readonly host: ClusterHost,
    readonly rng: Rng,
  ) {
    const n = (this.n = host.n);
    this.cutCount = new Int32Array(n * n);
    this.holdCount = new Int32Array(n * n);
    this.pauseCount = new Int32Array(n);
    this.downCount = new Int32Array(n);
    this.stallCount = new Int32Array(n);
    this.startKind = host.kernel.defineKind('fault-start', (_t, f) => this.start(f as Fault));
    this.healKind = host.kernel.defineKind('fault-heal', (_t, a) => this.healActive(a as Active));
  }

  /** Listeners hear of every start and heal, after the fault took effect, with its record. */
  addListener(l: FaultListener): void {
    this.listeners.push(l);
  }

  schedule(faults: readonly Fault[]): void {
    for (const f of faults) this.host.kernel.at(Math.max(f.atUs, this.host.now), this.startKind, 0, f);
  }

  /** Starts a fault now (the scenario layer uses this for event-relative faults). */
  start(fault: Fault): void {
    const m = faultKindModule(fault.action.kind);
    const applied = m.apply(fault.action, this);
    const nodes = [...applied.nodes];
    const instantaneous = m.instantaneous !== null;
    const healUs = fault.durationUs === null || instantaneous ? null : this.host.now + fault.durationUs;
    const record: FaultRecord = {
      id: this.log.length,
      kind: fault.action.kind,
      description: m.describe(fault.action, nodes),
      nodes,
      atUs: this.host.now,
      healUs,
      instantaneous,
      setup: fault.setup === true,
    };
    this.log.push(record);
    this.host.noteFault(record, 'start');
    for (const l of this.listeners) l.onFaultStart(record, this.host.now);
    if (healUs === null) return;
    const active: Active = { fault, applied, record };
    this.active.push(active);
    this.host.kernel.at(healUs, this.healKind, 0, active);
  }

  /** Heals every active fault now (the end of a fault phase). */
  healAll(): void {
    while (this.active.length > 0) this.healActive(this.active[0]);
  }

  private healActive(active: Active): void {
    const i = this.active.indexOf(active);
    if (i < 0) return; // already healed by healAll()
    this.active.splice(i, 1);
    active.applied.undo();
    this.host.noteFault(active.record, 'heal');
    for (const l of this.listeners) l.onFaultHeal(active.record, this.host.now);
  }

  // --- resolution -------------------------------------------------------------

  resolve(target: Target): NodeId[] {
    if (Array.isArray(target)) return target.filter((x) => x >= 0 && x < this.n);
    const leader = this.host.currentLeader();
    const all = range(this.n);
    switch (target) {
      case 'all':
        return all;
      case 'leader':
        return leader === null ? [] : [leader];
      case 'follower': {
        const f = all.filter((x) => x !== leader && this.host.condition(x) !== 'down');
        return f.length === 0 ? [] : [f[Math.floor(this.rng.next() * f.length)]];
      }
      case 'random':
        return [Math.floor(this.rng.next() * this.n)];
      case 'minority':
        return this.minority(leader);
      case 'majority': {
        const m = new Set(this.minority(leader));
        return all.filter((x) => !m.has(x));
      }
    }
    return [];
  }

  private minority(leader: NodeId | null): NodeId[] {
    const size = Math.floor((this.n - 1) / 2);
    const chosen = leader === null ? [] : [leader];
    const rest = range(this.n).filter((x) => x !== leader);
    while (chosen.length < size && rest.length > 0) chosen.push(rest.splice(Math.floor(this.rng.next() * rest.length), 1)[0]);
    return chosen.slice(0, size).sort((a, b) => a - b);
  }

  // --- the verbs kinds use (FaultContext) ----------------------------------------

  cut(x: NodeId, y: NodeId): void {
    if (this.cutCount[x * this.n + y]++ === 0) this.host.network.cut(x, y);
  }

  heal(x: NodeId, y: NodeId): void {
    if (--this.cutCount[x * this.n + y] === 0) this.host.network.heal(x, y);
  }

  hold(x: NodeId, y: NodeId): void {
    if (this.holdCount[x * this.n + y]++ === 0) this.host.network.hold(x, y);
  }

  release(x: NodeId, y: NodeId): void {
    if (--this.holdCount[x * this.n + y] === 0) this.host.network.release(x, y);
  }

  crash(x: NodeId, wipe: boolean): void {
    if (this.downCount[x]++ === 0) (wipe ? this.host.wipe(x) : this.host.crash(x));
    else if (wipe) this.host.wipe(x);
  }

  restart(x: NodeId): void {
    if (--this.downCount[x] === 0) this.host.restart(x);
  }

  pause(x: NodeId): void {
    if (this.pauseCount[x]++ === 0) this.host.pause(x);
  }

  resume(x: NodeId): void {
    if (--this.pauseCount[x] === 0) this.host.resume(x);
  }

  stall(x: NodeId): void {
    if (this.stallCount[x]++ === 0) this.host.disks[x].stall();
  }

  unstall(x: NodeId): void {
    if (--this.stallCount[x] === 0) this.host.disks[x].unstall();
  }

  after(delayUs: number, fn: () => void): () => void {
    if (this.timerKind < 0) this.timerKind = this.host.kernel.defineKind('fault-timer', (_t, f) => (f as () => void)());
    const handle = this.host.kernel.after(delayUs, this.timerKind, 0, fn);
    return () => void this.host.kernel.cancel(handle);
  }
}
