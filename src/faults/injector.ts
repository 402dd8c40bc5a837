// Applies fault records to a running cluster, and heals them.
//
// Link and node state is reference-counted, so overlapping faults compose: a
// link cut by two partitions is healed only when both have healed; a node
// paused twice resumes when the last pause ends. Symbolic targets ('leader',
// 'minority', …) are resolved when the fault starts, with the `faults` stream.
import type { ClusterHost } from '../cluster/host.js';
import type { Rng } from '../sim/rng.js';
import type { NodeId } from '../raft/types.js';
import type { Fault, FaultAction, FaultListener, FaultRecord, Target } from './types.js';
import { describeFault } from './describe.js';
import { range } from 'd3-array';

/** What a started fault did, so healing undoes exactly that. */
interface Applied {
  readonly fault: Fault;
  readonly links: number[]; // link indexes cut (or held, for 'hold')
  nodes: NodeId[];
  record: FaultRecord | null;
}

export class FaultInjector {
  private readonly n: number;
  private readonly cutCount: Int32Array;
  private readonly holdCount: Int32Array;
  private readonly pauseCount: Int32Array;
  private readonly downCount: Int32Array;
  private readonly stallCount: Int32Array;
  private readonly startKind: number;
  private readonly healKind: number;
  /** Faults started and not yet healed, in start order. */
  readonly active: Applied[] = [];
  /** Every fault that started, with the nodes it resolved to (for reports); `id` is the position here. */
  readonly log: FaultRecord[] = [];
  private readonly listeners: FaultListener[] = [];

  constructor(
    private readonly host: ClusterHost,
    private readonly rng: Rng,
  ) {
    const n = (this.n = host.n);
    this.cutCount = new Int32Array(n * n);
    this.holdCount = new Int32Array(n * n);
    this.pauseCount = new Int32Array(n);
    this.downCount = new Int32Array(n);
    this.stallCount = new Int32Array(n);
    this.startKind = host.kernel.defineKind('fault-start', (_t, f) => this.start(f as Fault));
    this.healKind = host.kernel.defineKind('fault-heal', (_t, a) => this.heal(a as Applied));
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
    const applied: Applied = { fault, links: [], nodes: [], record: null };
    this.apply(fault.action, applied);
    const description = describeFault(fault.action, applied.nodes);
    const healUs = fault.durationUs === null || fault.action.kind === 'step' ? null : this.host.now + fault.durationUs;
    const record: FaultRecord = { id: this.log.length, kind: fault.action.kind, description, nodes: applied.nodes, atUs: this.host.now, healUs, setup: fault.setup === true };
    applied.record = record;
    this.log.push(record);
    this.host.noteFault(`start ${description}`);
    for (const l of this.listeners) l.onFaultStart(record, this.host.now);
    if (healUs === null) return;
    this.active.push(applied);
    this.host.kernel.at(healUs, this.healKind, 0, applied);
  }

  /** Heals every active fault now (the end of a fault phase). */
  healAll(): void {
    while (this.active.length > 0) this.heal(this.active[0]);
  }

  private heal(applied: Applied): void {
    const i = this.active.indexOf(applied);
    if (i < 0) return; // already healed by healAll()
    this.active.splice(i, 1);
    this.undo(applied.fault.action, applied);
    this.host.noteFault(`heal ${describeFault(applied.fault.action, applied.nodes)}`);
    if (applied.record !== null) for (const l of this.listeners) l.onFaultHeal(applied.record, this.host.now);
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

  // --- apply / undo -------------------------------------------------------------

  private apply(a: FaultAction, applied: Applied): void {
    const host = this.host;
    switch (a.kind) {
      case 'isolate': {
        const nodes = (applied.nodes = this.resolve(a.target));
        const set = new Set(nodes);
        for (const x of nodes) for (let y = 0; y < this.n; y++) if (!set.has(y)) this.cutBoth(x, y, applied);
        return;
      }
      case 'partition': {
        const group = new Array(this.n).fill(-1);
        a.groups.forEach((g, gi) => g.forEach((x) => (group[x] = gi)));
        applied.nodes = a.groups.flat() as NodeId[];
        for (let x = 0; x < this.n; x++) for (let y = x + 1; y < this.n; y++) if (group[x] !== group[y]) this.cutBoth(x, y, applied);
        return;
      }
      case 'cut':
      case 'hold': {
        const from = this.resolve(a.from);
        const to = this.resolve(a.to);
        applied.nodes = [...from, ...to];
        for (const x of from) for (const y of to) if (x !== y) this.link(x, y, applied, a.kind === 'cut' ? this.cutCount : this.holdCount);
        return;
      }
      case 'cut-leader-from': {
        const leader = host.currentLeader();
        if (leader === null) return;
        const others = this.resolve(a.target).filter((x) => x !== leader);
        applied.nodes = [leader, ...others];
        for (const y of others) this.cutBoth(leader, y, applied);
        return;
      }
      case 'bridge': {
        applied.nodes = [a.bridge, ...a.sides[0], ...a.sides[1]];
        for (const x of a.sides[0]) for (const y of a.sides[1]) if (x !== a.bridge && y !== a.bridge) this.cutBoth(x, y, applied);
        return;
      }
      case 'ring': {
        applied.nodes = range(this.n);
        for (let x = 0; x < this.n; x++) {
          for (let y = x + 1; y < this.n; y++) {
            const d = Math.min(y - x, this.n - (y - x));
            if (d > 1) this.cutBoth(x, y, applied);
          }
        }
        return;
      }
      case 'loss':
      case 'latency': {
        const from = this.resolve(a.from);
        const to = this.resolve(a.to);
        applied.nodes = [...from, ...to];
        for (const x of from) {
          for (const y of to) {
            if (x === y) continue;
            applied.links.push(x * this.n + y);
            if (a.kind === 'loss') host.network.setLoss(x, y, a.probability);
            else host.network.setExtraLatency(x, y, a.extraUs);
          }
        }
        return;
      }
      default:
        this.applyToNodes(a, (applied.nodes = this.resolve(a.target)));
    }
  }

  private applyToNodes(a: FaultAction, nodes: NodeId[]): void {
    const host = this.host;
    for (const x of nodes) {
      switch (a.kind) {
        case 'skew': host.setClockOffset(x, a.offsetUs); break;
        case 'drift': host.setClockDrift(x, a.ppm); break;
        case 'step': host.stepClock(x, a.deltaUs); break;
        case 'crash':
        case 'wipe':
          if (this.downCount[x]++ === 0) (a.kind === 'wipe' ? host.wipe(x) : host.crash(x));
          else if (a.kind === 'wipe') host.wipe(x);
          break;
        case 'pause': if (this.pauseCount[x]++ === 0) host.pause(x); break;
        case 'slow-cpu': host.cpus[x].setShare(a.share); break;
        case 'disk-stall': if (this.stallCount[x]++ === 0) host.disks[x].stall(); break;
        case 'slow-disk': host.disks[x].setSlowFactor(a.factor); break;
      }
    }
  }

  private undo(a: FaultAction, applied: Applied): void {
    const host = this.host;
    const net = host.network;
    for (const link of applied.links) {
      const x = Math.floor(link / this.n);
      const y = link - x * this.n;
      if (a.kind === 'loss') net.resetLoss(x, y);
      else if (a.kind === 'latency') net.setExtraLatency(x, y, 0);
      else if (a.kind === 'hold') {
        if (--this.holdCount[link] === 0) net.release(x, y);
      } else if (--this.cutCount[link] === 0) net.heal(x, y);
    }
    if (applied.links.length > 0 || !('target' in a)) return;
    for (const x of applied.nodes) {
      switch (a.kind) {
        case 'skew': host.setClockOffset(x, 0); break;
        case 'drift': host.setClockDrift(x, 0); break;
        case 'crash':
        case 'wipe': if (--this.downCount[x] === 0) host.restart(x); break;
        case 'pause': if (--this.pauseCount[x] === 0) host.resume(x); break;
        case 'slow-cpu': host.cpus[x].setShare(1); break;
        case 'disk-stall': if (--this.stallCount[x] === 0) host.disks[x].unstall(); break;
        case 'slow-disk': host.disks[x].setSlowFactor(1); break;
      }
    }
  }

  private cutBoth(x: NodeId, y: NodeId, applied: Applied): void {
    this.link(x, y, applied, this.cutCount);
    this.link(y, x, applied, this.cutCount);
  }

  private link(x: NodeId, y: NodeId, applied: Applied, counts: Int32Array): void {
    const link = x * this.n + y;
    applied.links.push(link);
    if (counts[link]++ === 0) {
      if (counts === this.cutCount) this.host.network.cut(x, y);
      else this.host.network.hold(x, y);
    }
  }
}

