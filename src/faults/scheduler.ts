// Turns a scenario's fault list into fault occurrences at run time: absolute
// starts, starts relative to an event ("a stable leader exists", "the leader
// just sent a heartbeat", "the commit index reached N") or to a chain of them
// (each awaited once the one before happened), with an optional random window,
// and repeats (every period, or at a Poisson rate). Every random choice uses the
// `faults` stream.
import type { ClusterHost } from '../cluster/host.js';
import type { ClusterObserver } from '../cluster/observer.js';
import type { Rng } from '../sim/rng.js';
import type { Micros } from '../sim/time.js';
import { compileDist, draw, type CompiledDist } from '../sim/distributions.js';
import type { CommittedEntry, Message, NodeId } from '../raft/types.js';
import type { FaultInjector } from './injector.js';
import { describeFault } from './describe.js';
import type { ScenarioFault, TriggerEvent } from './plan.js';

/** What the scheduler needs to know about leadership. */
export interface LeaderWatch {
  /** The effective leader's current interval: one object for as long as the interval lasts; null when leaderless. */
  currentEffective(): { readonly node: NodeId; readonly term: number; readonly startUs: Micros } | null;
}

/** A fault whose trigger never came: it counts as a censored observation (unless it is a set-up fault). */
export interface UnstartedFault {
  readonly description: string;
  readonly setup: boolean;
}

interface Plan {
  readonly fault: ScenarioFault;
  readonly duration: CompiledDist | null;
  occurrences: number;
  /** The trigger event it waits for now (a stage of its `after` chain), or null. */
  waiting: TriggerEvent | null;
  /** Index of `waiting` in the chain. */
  stage: number;
  /** When it began waiting: a heartbeat stage needs a heartbeat sent after that. */
  sinceUs: Micros;
  /** Its last occurrence has started (none is still to come). */
  done: boolean;
  /** An occurrence fell due at or after the horizon and was not started. */
  pastHorizon: boolean;
}

export class FaultScheduler implements ClusterObserver {
  private readonly plans: Plan[];
  private readonly occurKind: number;
  private readonly stableCheckKind: number;
  private stableCheckHandle = 0;
  /** The cluster commit index: the highest index any node has reported committed. */
  private committed = 0;
  /** The established leader's first effective interval (cluster.initial): stable at once. undefined: not seen yet. */
  private establishedStint: object | null | undefined;

  constructor(
    private readonly host: ClusterHost,
    private readonly injector: FaultInjector,
    private readonly leaders: LeaderWatch,
    private readonly rng: Rng,
    faults: readonly ScenarioFault[],
    private readonly stableUs: Micros,
    private readonly horizonUs: Micros,
    /** cluster.initial's leader: in office since before the trial, so stable as soon as it is effective. */
    private readonly established: { readonly node: NodeId; readonly term: number } | null = null,
  ) {
    this.establishedStint = established === null ? null : undefined;
    this.plans = faults.map((fault) => ({ fault, duration: fault.duration ? compileDist(fault.duration) : null, occurrences: 0, waiting: null, stage: 0, sinceUs: 0, done: false, pastHorizon: false }));
    this.occurKind = host.kernel.defineKind('fault-occur', (i) => this.occur(this.plans[i]));
    this.stableCheckKind = host.kernel.defineKind('fault-stable-check', () => this.checkStable());
    host.addObserver(this);
  }

  start(): void {
    this.plans.forEach((p, i) => {
      const s = p.fault.start;
      if (s.kind === 'at') this.host.kernel.at(s.atUs, this.occurKind, i);
      else this.enter(p, i, 0);
    });
    this.armStableCheck();
  }

  /** Every fault's last occurrence has started: nothing is still to come (measure.until "resolved"). */
  exhausted(): boolean {
    return this.host.now >= this.horizonUs || this.plans.every((p) => p.done);
  }

  /** Faults still waiting for their trigger (e.g. a stable leader that never came), described. */
  neverStarted(): UnstartedFault[] {
    return this.plans
      // Waiting for its trigger, or due when the trial ended (at or past the horizon): censored, never dropped.
      .filter((p) => p.occurrences === 0 && (p.waiting !== null || p.pastHorizon || !p.done))
      .map((p) => ({ description: `${describeFault(p.fault.action)} (never started: ${p.waiting === null ? 'due after the horizon' : missing(p.waiting)})`, setup: p.fault.setup }));
  }

  // Trigger events ------------------------------------------------------------------

  onRole(): void {
    this.noteEstablished();
    this.armStableCheck();
  }

  onLeaderKnown(): void {
    this.noteEstablished();
    this.armStableCheck();
  }

  onCondition(): void {
    this.noteEstablished();
    this.armStableCheck();
  }

  /** The first effective interval of the trial, if it is the established leader's (observers after the recorder see it current). */
  private noteEstablished(): void {
    if (this.establishedStint !== undefined) return;
    const e = this.leaders.currentEffective();
    if (e === null) return;
    const x = this.established!;
    this.establishedStint = e.node === x.node && e.term === x.term ? e : null;
  }

  onSend(from: NodeId, msg: Message): void {
    if (msg.type !== 'AppendEntries' || msg.entries.length > 0 || !this.waitsForHeartbeat()) return;
    const e = this.leaders.currentEffective();
    if (e === null || e.node !== from) return;
    const now = this.host.now;
    this.plans.forEach((p, i) => {
      if (p.waiting?.kind === 'heartbeat' && (p.stage === 0 || now > p.sinceUs)) this.trigger(p, i);
    });
  }

  /** Cheap test first: most heartbeats find no fault waiting for one. */
  private waitsForHeartbeat(): boolean {
    for (const p of this.plans) if (p.waiting?.kind === 'heartbeat') return true;
    return false;
  }

  onCommit(_node: NodeId, entries: readonly CommittedEntry[]): void {
    const last = entries[entries.length - 1].index;
    if (last <= this.committed) return;
    this.committed = last;
    this.plans.forEach((p, i) => {
      if (p.waiting?.kind === 'committed' && p.waiting.index <= last) this.trigger(p, i);
    });
  }

  private armStableCheck(): void {
    if (!this.plans.some((p) => p.waiting?.kind === 'stable-leader')) return;
    const e = this.leaders.currentEffective();
    if (this.stableCheckHandle !== 0) this.host.kernel.cancel(this.stableCheckHandle);
    this.stableCheckHandle = 0;
    if (e === null) return;
    this.stableCheckHandle = this.host.kernel.at(Math.max(this.host.now, e.startUs + this.stableWindow(e)), this.stableCheckKind, 0);
  }

  private checkStable(): void {
    this.stableCheckHandle = 0;
    const e = this.leaders.currentEffective();
    if (e === null || this.host.now - e.startUs < this.stableWindow(e)) return;
    this.plans.forEach((p, i) => {
      if (p.waiting?.kind === 'stable-leader') this.trigger(p, i);
    });
  }

  /** How long `e` must lead to be stable: 0 for the established leader's first interval. */
  private stableWindow(e: object): Micros {
    this.noteEstablished();
    return e === this.establishedStint ? 0 : this.stableUs;
  }

  /** Starts waiting for stage `stage` of the plan's chain; an event that already holds (a commit index reached) fires at once. */
  private enter(p: Plan, i: number, stage: number): void {
    const s = p.fault.start;
    if (s.kind !== 'after') return;
    p.stage = stage;
    p.waiting = s.events[stage];
    p.sinceUs = this.host.now;
    if (p.waiting.kind === 'committed' && this.committed >= p.waiting.index) this.trigger(p, i);
    else if (p.waiting.kind === 'stable-leader' && stage > 0) this.armStableCheck();
  }

  /** The awaited event happened: wait for the next one in the chain, or schedule the occurrence. */
  private trigger(p: Plan, i: number): void {
    const s = p.fault.start;
    if (s.kind !== 'after' || p.waiting === null) return;
    p.waiting = null;
    if (p.stage + 1 < s.events.length) {
      this.enter(p, i, p.stage + 1);
      return;
    }
    const extra = s.windowUs > 0 ? Math.floor(this.rng.next() * s.windowUs) : 0;
    this.host.kernel.after(s.delayUs + extra, this.occurKind, i);
  }

  // Occurrences ------------------------------------------------------------------------

  private occur(p: Plan): void {
    // A trial observed past its horizon (measure.observe) starts no fault there.
    if (this.host.now >= this.horizonUs) {
      p.done = true;
      p.pastHorizon = true;
      return;
    }
    const f = p.fault;
    p.occurrences++;
    let durationUs: number | null = p.duration ? draw(p.duration, this.rng) : null;
    if (durationUs === null && f.healAtUs !== null) durationUs = Math.max(0, f.healAtUs - this.host.now);
    this.injector.start({ atUs: this.host.now, durationUs, action: f.action, setup: f.setup });
    const r = f.repeat;
    if (r.kind === 'once' || (r.count !== null && p.occurrences >= r.count)) {
      p.done = true;
      return;
    }
    const gap = r.kind === 'every' ? r.periodUs : Math.max(1, Math.round((-1e6 / r.perSecond) * Math.log(1 - this.rng.next())));
    if (this.host.now + gap < this.horizonUs) this.host.kernel.after(gap, this.occurKind, this.plans.indexOf(p));
    else p.done = true;
  }
}

function missing(e: TriggerEvent): string {
  return e.kind === 'committed' ? `the commit index never reached ${e.index}` : `no ${e.kind}`;
}
