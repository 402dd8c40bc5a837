// `raftsim fuzz`: fast-check generates fault schedules for a scenario's cluster
// and network (uniformly random ones, and leader churn for some runs), runs each
// as a one-trial scenario (fuzz-scenario.ts) and checks safety, then liveness:
// after the last fault heals the cluster must be whole again (one effective
// leader, a write committed) within scenarioRecoveryBoundUs plus the gap to the
// next client write. A failure is shrunk to a minimal schedule.
import fc from 'fast-check';
import JSON5 from 'json5';
import { dirname } from 'node:path';
import { faultScheduleArb, leaderChurnArb, type ScheduleOptions } from '../faults/arbitrary.js';
import type { Fault } from '../faults/types.js';
import type { SafetyViolation } from '../invariants/safety.js';
import type { NodeFactory } from '../cluster/host.js';
import { aggregate } from '../metrics/aggregate.js';
import { evaluateExpectations, type ExpectationResult } from '../verdict/expect.js';
import { FUZZ_MIN_WRITES_PER_SECOND, fuzzSource, rebasePaths, type FuzzBase, type FuzzCase } from './fuzz-scenario.js';
import { nodeFactoryFor } from '../run/implementation.js';
import { loadScenarioText } from '../scenario/load.js';
import { scenarioRecoveryBoundUs } from './schedule-check.js';
import { runTrialWith } from '../run/trial.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { cloneData, type PlainObject } from '../format/values.js';
import { ScenarioError } from '../scenario/errors.js';
import { livenessDetail } from './fuzz-detail.js';

export type FuzzOutcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'safety'; readonly violation: SafetyViolation }
  | { readonly kind: 'liveness'; readonly detail: string; readonly failed: readonly ExpectationResult[] }
  | { readonly kind: 'crash'; readonly detail: string };

export type FuzzBudget = { readonly runs: number } | { readonly ms: number };

export interface FuzzOptions {
  readonly budget: FuzzBudget;
  /** fast-check's seed; with `path`, replays that counterexample directly. */
  readonly seed: number;
  readonly path?: string;
  readonly schedule: Omit<ScheduleOptions, 'nodes'>;
  /** Share of runs (0..1) that use leader-churn schedules instead of uniformly random ones. */
  readonly churnShare: number;
  /** Called after every run (shrinking included). */
  readonly onRun?: (evaluations: number, shrinking: boolean) => void;
  /**
   * Milliseconds of real time, for reporting how long the search took. Injected by the CLI so
   * nothing under src/scenario, src/run or src/metrics reads a clock; simulations never see it. Default: always 0.
   */
  readonly elapsedClockMs?: () => number;
}

export interface FuzzFailure {
  readonly case: FuzzCase;
  readonly outcome: Exclude<FuzzOutcome, { kind: 'ok' }>;
  /** fast-check's path to the shrunk counterexample (replay with the same seed). */
  readonly path: string;
  /** Runs until the first failure (that one included) and shrink steps after it. */
  readonly runsToFailure: number;
  readonly shrinks: number;
}

export interface FuzzReport {
  readonly seed: number;
  /** Runs made in the search (all of them when it passed). */
  readonly runs: number;
  /** Every scenario run, shrinking included. */
  readonly evaluations: number;
  readonly elapsedMs: number;
  /** The time budget ran out before the run budget (a pass). */
  readonly interrupted: boolean;
  readonly failure: FuzzFailure | null;
}

/** The leader-churn shape the bug-zoo tests use: crash or isolate whoever leads, again and again. */
const CHURN = { startUs: 1_000_000, maxSteps: 8, minGapUs: 50_000, maxGapUs: 500_000, minDurationUs: 50_000, maxDurationUs: 1_000_000 };

/** Prepares the fixed part of every case; `originalFile` is the scenario file's absolute path. */
export function fuzzBase(s: ResolvedScenario, originalFile: string, implementation: ResolvedScenario['raft']['implementation'], outFile: string): FuzzBase {
  const source = cloneData(s.source) as PlainObject;
  rebasePaths(source, dirname(originalFile), dirname(outFile));
  const writesPerSecond = Math.max(FUZZ_MIN_WRITES_PER_SECOND, s.workload.writesPerSecond);
  // The recovery check needs a write submitted after the heal: allow for the gap until the next one
  // (with Poisson arrivals a gap of 20 means happens once in e^20 ≈ 5·10^8 runs).
  const gapUs = Math.ceil((s.workload.arrival === 'fixed' ? 1 : 20) * (1e6 / writesPerSecond));
  const boundUs = Math.ceil(scenarioRecoveryBoundUs(s)) + gapUs;
  return { source, name: s.name, seed: s.seed, implementation, outFile, writesPerSecond, boundUs };
}

/** Loads one case exactly as its written file would load. */
export function caseScenario(base: FuzzBase, c: FuzzCase): ResolvedScenario {
  return loadScenarioText(JSON5.stringify(fuzzSource(base, c)), base.outFile);
}

/** Runs one case: safety first, then the scenario's expectations (the recovery bound). */
export function evaluateCase(s: ResolvedScenario, factory: NodeFactory): FuzzOutcome {
  let r;
  try {
    r = runTrialWith(s, 0, factory, { keepHistory: true });
  } catch (e) {
    return { kind: 'crash', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  if (r.violation) return { kind: 'safety', violation: r.violation };
  const failed = evaluateExpectations(s.expect, aggregate([r], s.measure.alertThresholdsUs)).filter((e) => !e.pass);
  return failed.length === 0 ? { kind: 'ok' } : { kind: 'liveness', failed, detail: livenessDetail(r, failed) };
}

function caseArb(nodes: number, o: FuzzOptions): fc.Arbitrary<FuzzCase> {
  const random = faultScheduleArb({ nodes, ...o.schedule });
  const churn = leaderChurnArb({ nodes, ...CHURN });
  const share = Math.min(1, Math.max(0, o.churnShare));
  const scale = 100;
  const faults: fc.Arbitrary<Fault[]> =
    share === 0 ? random
    : share === 1 ? churn
    : fc.oneof({ arbitrary: random, weight: Math.round((1 - share) * scale) }, { arbitrary: churn, weight: Math.round(share * scale) });
  // The seed variant is not shrunk: another seed is another run, not a simpler one.
  return fc.record({ variant: fc.noShrink(fc.nat({ max: 999_999_999 })), faults });
}

export async function fuzz(s: ResolvedScenario, base: FuzzBase, o: FuzzOptions): Promise<FuzzReport> {
  const factory = await nodeFactoryFor(base.implementation);
  const clock = o.elapsedClockMs ?? (() => 0);
  const started = clock();
  let evaluations = 0;
  let shrinking = false;
  const prop = fc.property(caseArb(s.nodes, o), (c) => {
    const outcome = evaluateCase(caseScenario(base, c), factory);
    evaluations++;
    o.onRun?.(evaluations, shrinking);
    if (outcome.kind !== 'ok') shrinking = true;
    return outcome.kind === 'ok';
  });
  const runs = 'runs' in o.budget ? o.budget.runs : 1_000_000_000;
  // The plugin works for any property; its declared type is Plugin<unknown>.
  const plugins = 'ms' in o.budget ? [fc.interruptAfterTimeLimit(o.budget.ms) as fc.Plugin<[FuzzCase]>] : [];
  const first: fc.Parameters<[FuzzCase]> = { seed: o.seed, numRuns: runs, path: o.path, plugins };
  let d = fc.check(prop, first);
  const firstRuns = d.numRuns;
  let shrinks = d.numShrinks;
  // A time budget bounds the search, not the shrinking: resume shrinking from where it stopped.
  if (d.failed && d.interrupted && d.counterexamplePath !== null) {
    d = fc.check(prop, { seed: o.seed, numRuns: runs, path: d.counterexamplePath });
    shrinks += d.numShrinks;
  }
  rethrowInternal(d.errorInstance);
  const elapsedMs = clock() - started;
  if (!d.failed || d.counterexample === null) return { seed: d.seed, runs: d.numRuns, evaluations, elapsedMs, interrupted: d.interrupted, failure: null };
  const c = d.counterexample[0];
  const outcome = evaluateCase(caseScenario(base, c), factory);
  if (outcome.kind === 'ok') throw new Error('internal: the shrunk fuzz case passed when run again (nondeterminism?)');
  const failure = { case: c, outcome, path: d.counterexamplePath!, runsToFailure: firstRuns, shrinks };
  return { seed: d.seed, runs: firstRuns, evaluations, elapsedMs, interrupted: false, failure };
}

/** A scenario error inside a run is raftsim's own bug (generated data must load), neither a finding nor bad input. */
function rethrowInternal(e: unknown): void {
  if (e instanceof ScenarioError) throw new Error(`internal: a generated fuzz case did not load: ${e.message} at ${e.keyPath}`);
}
