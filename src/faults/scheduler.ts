// Turns a scenario's fault list into fault occurrences at run time: absolute
// starts, starts relative to an event ("a stable leader exists", "the leader
// just sent a heartbeat") with an optional random window, and repeats (every
// period, or at a Poisson rate). Every random choice uses the `faults` stream.
import type { ClusterHost } from '../sim/host.js';
import type { ClusterObserver } from '../sim/observer.js';
import type { Rng } from '../sim/rng.js';
import type { Micros } from '../sim/time.js';
import { compileDist, draw, type CompiledDist } from '../sim/distributions.js';
import type { Message, NodeId } from '../raft/types.js';
import type { FaultInjector } from './injector.js';
import { describeFault } from './describe.js';
import type { ScenarioFault } from '../scenarios/types.js';

/** What the scheduler needs to know about leadership. */
export interface LeaderWatch {
  currentEffective(): { readonly node: NodeId; readonly term: number; readonly startUs: Micros } | null;
}

interface Plan {
  readonly fault: ScenarioFault;
  readonly duration: CompiledDist | null;
  occurrences: number;
  /** Waiting for its trigger event. */
  waiting: 'stable-leader' | 'heartbeat' | null;
}

export class FaultScheduler implements ClusterObserver {
  private readonly plans: Plan[];
  private readonly occurKind: number;
  private readonly stableCheckKind: number;
  private stableCheckHandle = 0;

  constructor(
    private readonly host: ClusterHost,
    private readonly injector: FaultInjector,
    private readonly leaders: LeaderWatch,
    private readonly rng: Rng,
    faults: readonly ScenarioFault[],
    private readonly stableUs: Micros,
    private readonly horizonUs: Micros,
  ) {
    this.plans = faults.map((fault) => ({ fault, duration: fault.duration ? compileDist(fault.duration) : null, occurrences: 0, waiting: null }));
    this.occurKind = host.kernel.defineKind('fault-occur', (i) => this.occur(this.plans[i]));
    this.stableCheckKind = host.kernel.defineKind('fault-stable-check', () => this.checkStable());
    host.addObserver(this);
  }

  start(): void {
    this.plans.forEach((p, i) => {
      const s = p.fault.start;
      if (s.kind === 'at') this.host.kernel.at(s.atUs, this.occurKind, i);
      else p.waiting = s.event;
    });
    this.armStableCheck();
  }

  /** Faults still waiting for their trigger (e.g. a stable leader that never came), described. */
  neverStarted(): string[] {
    return this.plans.filter((p) => p.waiting !== null && p.occurrences === 0).map((p) => `${describeFault(p.fault.action)} (never started: no ${p.waiting})`);
  }

  // Trigger events ------------------------------------------------------------------

  onRole(): void {
    this.armStableCheck();
  }

  onLeaderKnown(): void {
    this.armStableCheck();
  }

  onCondition(): void {
    this.armStableCheck();
  }

  onSend(from: NodeId, msg: Message): void {
    if (msg.type !== 'AppendEntries' || msg.entries.length > 0) return;
    const e = this.leaders.currentEffective();
    if (e === null || e.node !== from) return;
    this.plans.forEach((p, i) => {
      if (p.waiting === 'heartbeat') this.trigger(p, i);
    });
  }

  private armStableCheck(): void {
    if (!this.plans.some((p) => p.waiting === 'stable-leader')) return;
    const e = this.leaders.currentEffective();
    if (this.stableCheckHandle !== 0) this.host.kernel.cancel(this.stableCheckHandle);
    this.stableCheckHandle = 0;
    if (e === null) return;
    this.stableCheckHandle = this.host.kernel.at(Math.max(this.host.now, e.startUs + this.stableUs), this.stableCheckKind, 0);
  }

  private checkStable(): void {
    this.stableCheckHandle = 0;
    const e = this.leaders.currentEffective();
    if (e === null || this.host.now - e.startUs < this.stableUs) return;
    this.plans.forEach((p, i) => {
      if (p.waiting === 'stable-leader') this.trigger(p, i);
    });
  }

  private trigger(p: Plan, i: number): void {
    const s = p.fault.start;
    if (s.kind !== 'after') return;
    p.waiting = null;
    const extra = s.windowUs > 0 ? Math.floor(this.rng.next() * s.windowUs) : 0;
    this.host.kernel.after(s.delayUs + extra, this.occurKind, i);
  }

  // Occurrences ------------------------------------------------------------------------

  private occur(p: Plan): void {
    const f = p.fault;
    p.occurrences++;
    let durationUs: number | null = p.duration ? draw(p.duration, this.rng) : null;
    if (durationUs === null && f.healAtUs !== null) durationUs = Math.max(0, f.healAtUs - this.host.now);
    this.injector.start({ atUs: this.host.now, durationUs, action: f.action });
    const r = f.repeat;
    if (r.kind === 'once' || (r.count !== null && p.occurrences >= r.count)) return;
    const gap = r.kind === 'every' ? r.periodUs : Math.max(1, Math.round((-1e6 / r.perSecond) * Math.log(1 - this.rng.next())));
    if (this.host.now + gap < this.horizonUs) this.host.kernel.after(gap, this.occurKind, this.plans.indexOf(p));
  }
}
