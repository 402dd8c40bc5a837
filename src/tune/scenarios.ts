// The scenarios a candidate is measured with, built from the tune file's own
// scenario keys (cluster, network, disk, …) by the ordinary scenario machinery:
//   crash:             the leader crashes a while after it is stable; time to a stable leader
//   partial-partition: the leader is cut off from one follower only, for a while
//   quiet:             long healthy trials that measure spurious elections
// Guarded background faults (GC pauses, clock steps) run in all three as
// set-up faults: they cause what they cause, but take no per-fault sample.
import { formatDuration } from '../format/duration.js';
import type { ProfileName } from '../raft/profiles.js';
import { cloneData, isPlainObject, type PlainObject } from '../format/values.js';
import { raftKeys } from './knobs.js';
import type { TuneInput } from './schema.js';
import type { Family, Knobs } from './types.js';

export interface ScenarioPlan {
  readonly crashAfterUs: number;
  readonly partialPartitionUs: number;
  readonly quietHoursUs: number;
}

const d = formatDuration;

/** `pauseDuration` is the tune file's own text for guard.gcPauses.duration (a duration or a distribution, as written). */
export function backgroundFaults(guard: TuneInput['guard'], pauseDuration: unknown): PlainObject[] {
  const out: PlainObject[] = [];
  if (guard?.gcPauses) {
    const g = guard.gcPauses;
    out.push({ kind: 'pause', target: g.target ?? 'follower', after: 'stable-leader', rate: 1e6 / g.meanGap, duration: cloneData(pauseDuration), setup: true });
  }
  if (guard?.clockSteps) {
    const c = guard.clockSteps;
    out.push({ kind: 'step', target: 'random', after: 'stable-leader', rate: 1e6 / c.meanGap, delta: d(c.delta), setup: true });
  }
  return out;
}

/** The scenario source for one candidate and one kind of trial. */
export function scenarioSource(base: PlainObject, profile: ProfileName, k: Knobs, kind: Family | 'quiet', background: readonly PlainObject[], plan: ScenarioPlan, label: string): PlainObject {
  const s = cloneData(base);
  const raft = isPlainObject(s.raft) ? s.raft : {};
  s.raft = { ...raft, profile, ...raftKeys(profile, k) };
  s.name = `${typeof base.name === 'string' ? base.name : 'tune'} · ${label} · ${kind}`;
  const measure = isPlainObject(s.measure) ? s.measure : {};
  // Generous: a failover that takes longer is censored, and so counted against the goal.
  const slack = 40 * k.electionTimeoutUs + 10_000_000;
  if (kind === 'quiet') {
    s.faults = cloneData([...background]);
    s.horizon = d(plan.quietHoursUs);
    s.measure = { ...measure, until: 'horizon' };
  } else {
    const measured =
      kind === 'crash'
        ? { kind: 'crash', target: 'leader', after: 'stable-leader', delay: d(plan.crashAfterUs), window: '100ms' }
        : { kind: 'cut-leader-from', target: 'follower', after: 'stable-leader', delay: d(plan.crashAfterUs), window: '100ms', duration: d(plan.partialPartitionUs) };
    s.faults = [measured, ...cloneData([...background])];
    s.horizon = d(plan.crashAfterUs + (kind === 'partial-partition' ? plan.partialPartitionUs : 0) + slack);
    s.measure = { ...measure, until: 'resolved' };
  }
  s.trials = 1;
  return s;
}
