// fast-check arbitraries for random fault schedules: which faults, when, on
// whom, for how long. Used by the property tests and by `raftsim fuzz`; each
// generated schedule is plain data, so a shrunk counterexample can be written
// out as a scenario file.
import fc from 'fast-check';
import type { Fault, FaultAction, FaultKind, Target } from './types.js';
import { FAULT_KIND_NAMES, FAULT_KIND_TABLE, faultKindModule } from './registry.js';

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

/**
 * The fuzzer's default mix: kinds a correct Raft must survive without losing an
 * acknowledged write ('wipe' is excluded). The order is part of what a fuzz seed
 * means (fc.constantFrom draws by position), so a new kind joins the default mix
 * only by being added here on purpose; every kind whose module says it loses no
 * acknowledged write can be asked for with --kinds (FUZZABLE_FAULT_KINDS).
 */
export const SAFE_FAULT_KINDS: readonly FaultKind[] = [
  'isolate', 'partition', 'cut', 'cut-leader-from', 'ring', 'loss', 'latency', 'hold',
  'skew', 'drift', 'step', 'crash', 'pause', 'slow-cpu', 'disk-stall', 'slow-disk',
];

/** Every kind `raftsim fuzz --kinds` accepts: those that lose no acknowledged write. */
export const FUZZABLE_FAULT_KINDS: readonly FaultKind[] = FAULT_KIND_NAMES.filter((k) => !FAULT_KIND_TABLE[k].losesAckedWrites);

export function faultActionArb(n: number, kind: FaultKind): fc.Arbitrary<FaultAction> {
  const ids = Array.from({ length: n }, (_, i) => i);
  const some = fc.subarray(ids, { minLength: 1, maxLength: Math.max(1, n - 1) });
  const one: fc.Arbitrary<Target> = fc.oneof(
    fc.constantFrom<Target>('leader', 'follower', 'random'),
    fc.integer({ min: 0, max: n - 1 }).map((i): Target => [i]),
  );
  const group: fc.Arbitrary<Target> = fc.oneof(one, some as fc.Arbitrary<Target>);
  return faultKindModule(kind).arbitrary({ fc, n, ids, one, group });
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
