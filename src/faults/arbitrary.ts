// fast-check arbitraries for random fault schedules: which faults, when, on
// whom, for how long. Used by the property tests and by `raftsim fuzz`; each
// generated schedule is plain data, so a shrunk counterexample can be written
// out as a scenario file.
import fc from 'fast-check';
import type { Fault, FaultAction, FaultKind, Target } from './types.js';
import type { NodeId } from '../raft/types.js';

export interface ScheduleOptions {
  readonly nodes: number;
  /** Faults start within [0, windowUs). */
  readonly windowUs: number;
  readonly maxFaults: number;
  readonly minDurationUs: number;
  readonly maxDurationUs: number;
  /** Kinds to draw from; defaults to every kind that loses no acknowledged data. */
  readonly kinds?: readonly FaultKind[];
}

/** Every kind that a correct Raft must survive without losing an acknowledged write ('wipe' is excluded). */
export const SAFE_FAULT_KINDS: readonly FaultKind[] = [
  'isolate', 'partition', 'cut', 'cut-leader-from', 'ring', 'loss', 'latency', 'hold',
  'skew', 'drift', 'step', 'crash', 'pause', 'slow-cpu', 'disk-stall', 'slow-disk',
];

export function faultActionArb(n: number, kind: FaultKind): fc.Arbitrary<FaultAction> {
  const ids = Array.from({ length: n }, (_, i) => i);
  const some = fc.subarray(ids, { minLength: 1, maxLength: Math.max(1, n - 1) });
  const one: fc.Arbitrary<Target> = fc.oneof(
    fc.constantFrom<Target>('leader', 'follower', 'random'),
    fc.integer({ min: 0, max: n - 1 }).map((i): Target => [i]),
  );
  const group: fc.Arbitrary<Target> = fc.oneof(one, some as fc.Arbitrary<Target>);
  switch (kind) {
    case 'isolate': return group.map((target) => ({ kind, target }));
    case 'partition':
      return fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }).map((g) => ({ kind, groups: toGroups(g) }));
    case 'cut': return fc.record({ from: group, to: group }).map((r) => ({ kind, ...r }));
    case 'hold': return fc.record({ from: group, to: group }).map((r) => ({ kind, ...r }));
    case 'cut-leader-from': return group.map((target) => ({ kind, target }));
    case 'bridge':
      return fc.integer({ min: 0, max: n - 1 }).map((b) => ({ kind, bridge: b, sides: [ids.filter((x) => x < b), ids.filter((x) => x > b)] as const }));
    case 'ring': return fc.constant({ kind });
    case 'loss':
      return fc.record({ from: group, to: group, probability: fc.double({ min: 0.05, max: 1, noNaN: true }) }).map((r) => ({ kind, ...r }));
    case 'latency':
      return fc.record({ from: group, to: group, extraUs: fc.integer({ min: 1_000, max: 500_000 }) }).map((r) => ({ kind, ...r }));
    case 'skew': return fc.record({ target: one, offsetUs: fc.integer({ min: -2_000_000, max: 2_000_000 }) }).map((r) => ({ kind, ...r }));
    case 'drift': return fc.record({ target: one, ppm: fc.integer({ min: -100_000, max: 100_000 }) }).map((r) => ({ kind, ...r }));
    case 'step': return fc.record({ target: one, deltaUs: fc.integer({ min: -2_000_000, max: 2_000_000 }) }).map((r) => ({ kind, ...r }));
    case 'crash': return one.map((target) => ({ kind, target }));
    case 'wipe': return one.map((target) => ({ kind, target }));
    case 'pause': return one.map((target) => ({ kind, target }));
    case 'slow-cpu': return fc.record({ target: one, share: fc.double({ min: 0.02, max: 1, noNaN: true }) }).map((r) => ({ kind, ...r }));
    case 'disk-stall': return one.map((target) => ({ kind, target }));
    case 'slow-disk': return fc.record({ target: one, factor: fc.integer({ min: 2, max: 100 }) }).map((r) => ({ kind, ...r }));
  }
}

export function faultArb(opts: ScheduleOptions): fc.Arbitrary<Fault> {
  const kinds = opts.kinds ?? SAFE_FAULT_KINDS;
  return fc.record({
    atUs: fc.integer({ min: 0, max: Math.max(0, opts.windowUs - 1) }),
    durationUs: fc.integer({ min: opts.minDurationUs, max: opts.maxDurationUs }),
    action: fc.constantFrom(...kinds).chain((k) => faultActionArb(opts.nodes, k)),
  });
}

/** A schedule sorted by start time (shrinking removes faults and shortens windows). */
export function faultScheduleArb(opts: ScheduleOptions): fc.Arbitrary<Fault[]> {
  return fc.array(faultArb(opts), { minLength: 1, maxLength: opts.maxFaults }).map((fs) => [...fs].sort((a, b) => a.atUs - b.atUs));
}

function toGroups(assignment: readonly number[]): NodeId[][] {
  const groups: NodeId[][] = [[], [], []];
  assignment.forEach((g, node) => groups[g].push(node));
  return groups.filter((g) => g.length > 0);
}

export interface ChurnOptions {
  readonly nodes: number;
  readonly startUs: number;
  readonly maxSteps: number;
  /** Gap between one step's start and the next's. */
  readonly minGapUs: number;
  readonly maxGapUs: number;
  readonly minDurationUs: number;
  readonly maxDurationUs: number;
}

/**
 * Leader churn: a chain of faults aimed at whoever leads at that moment (crash
 * it, isolate it, isolate it with a minority), each starting a short gap after
 * the previous one. Bugs that need several terms with partially replicated
 * entries (the Figure 8 sequence) are far likelier here than under uniformly
 * random schedules.
 */
export function leaderChurnArb(o: ChurnOptions): fc.Arbitrary<Fault[]> {
  const step = fc.record({
    gapUs: fc.integer({ min: o.minGapUs, max: o.maxGapUs }),
    durationUs: fc.integer({ min: o.minDurationUs, max: o.maxDurationUs }),
    action: fc.constantFrom<FaultAction>(
      { kind: 'crash', target: 'leader' },
      { kind: 'isolate', target: 'leader' },
      { kind: 'isolate', target: 'minority' },
      { kind: 'pause', target: 'leader' },
    ),
  });
  return fc.array(step, { minLength: 2, maxLength: o.maxSteps }).map((steps) => {
    let at = o.startUs;
    return steps.map((s) => {
      at += s.gapUs;
      return { atUs: at, durationUs: s.durationUs, action: s.action };
    });
  });
}
