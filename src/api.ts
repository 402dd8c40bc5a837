// raftsim as a library: `import { runScenario } from 'raftsim'` (package.json "exports").
//
//   const r = await runScenario('leader-crash', { trials: 50, seed: 1 });
//   r.metrics.timeToLeaderMs.p99   // ms; null when it lies beyond the horizon
//
// A top-level entry like cli/: it may import any folder, and nothing under src/ imports it.
// It prints nothing, never exits the process, shows no progress and reads no clock into a
// result: the same scenario, options and seed return exactly the object `raftsim run --json`
// prints (JSON.stringify(r, null, 2) is its stdout, byte for byte). Guide: docs/api.md.
import { listBuiltinScenarios, loadScenario as loadResolved } from './scenario/load.js';
import { ScenarioError } from './scenario/errors.js';
import { loadOverrides, recordedOverrides } from './scenario/run-overrides.js';
import { expandSweep } from './scenario/sweep.js';
import type { ResolvedScenario } from './scenario/types.js';
import { executeTrials, isWorkerCount } from './run/execute.js';
import { nodeFactoryFor } from './run/implementation.js';
import { runTrial } from './run/trial.js';
import { replayResult, type ReplayResult } from './run/replay-result.js';
import { displayPath, runResult, sweepResult, type RunResult, type SweepResult } from './verdict/result.js';
import { runWithTimelines, sweepWithTimelines } from './report/with-timelines.js';
import type { TrialSummary } from './metrics/aggregate.js';

export { ScenarioError, isScenarioError, formatScenarioError } from './scenario/errors.js';
export { PluginError } from './run/implementation.js';
export type { ResolvedScenario } from './scenario/types.js';
export type { RunResult, SweepResult, ConfigResult, ResultHeader, Samples, ViolationReport, ResolvedConfig } from './verdict/result.js';
export type { Metrics, RateSummary } from './metrics/aggregate.js';
export type { DurationSummary, QuantileIntervals } from './metrics/summary.js';
export type { ExpectationResult } from './verdict/expect.js';
export type { TrialTimeline } from './run/timelines.js';
export type { ReplayResult } from './run/replay-result.js';
export type { TrialMetrics } from './metrics/derive.js';
export type { SafetyViolation } from './invariants/safety.js';
// For plug-in nodes (docs/plugin.md): the reference node to wrap or compare against, and the contract.
export { RaftNode } from './raft/node.js';
export type { NodeInit, RaftNodeApi, RaftConfig } from './raft/types.js';

/** What changes the scenario itself, as the CLI's --set, --seed and --trials do. */
export interface ScenarioOptions {
  /** "key=value" overrides (the CLI's --set): dotted keys of the file; values are JSON5, or else strings. */
  readonly set?: readonly string[];
  /** The scenario's seed (default: the file's, else "1"). */
  readonly seed?: string | number;
  /** Trials to run instead of the file's count: a whole number ≥ 1. */
  readonly trials?: number;
}

export interface RunOptions extends ScenarioOptions {
  /**
   * Worker threads: a whole number from 1 to 256 (default: automatic, up to every core: threads start
   * only when the run is big enough to pay for them, docs/scale-out.md). The result is the same for any count.
   */
  readonly workers?: number;
  /** Add the best, median and worst trials' per-node timelines (the CLI's --timelines); nothing else changes. */
  readonly timelines?: boolean;
}

export interface ReplayOptions extends Omit<ScenarioOptions, 'trials'> {
  /** The trial to run again: 0 … trials − 1. */
  readonly trial: number;
}

/** How a loaded scenario was asked for, so run options can be applied to it the way the CLI would. */
interface Request {
  readonly nameOrPath: string;
  readonly set: readonly string[];
  readonly seed?: string | number;
  readonly trials?: number;
}

const requests = new WeakMap<ResolvedScenario, Request>();

/** The built-in scenarios' names (what `raftsim list` shows), sorted. */
export function listScenarios(): string[] {
  return listBuiltinScenarios();
}

/**
 * Loads, validates and resolves a scenario: a .json5 file (relative to the working directory) or
 * a built-in's name ("leader-crash", also "leader-crash.json5" when no such file exists here).
 * Throws ScenarioError (file, line, column, keyPath) for any bad input, including a bad `set`.
 */
export function loadScenario(pathOrName: string, opts: ScenarioOptions = {}): ResolvedScenario {
  if (typeof pathOrName !== 'string') throw new TypeError(`loadScenario: the scenario must be a file path or a built-in name (a string), got ${typeof pathOrName}`);
  return load({ nameOrPath: pathOrName, ...checkScenarioOptions(opts, 'loadScenario') });
}

/**
 * Runs a scenario's trials (its base configuration, as `raftsim run` does when it has a sweep)
 * and returns the result `raftsim run --json` prints for the same scenario and options.
 */
export async function runScenario(scenario: string | ResolvedScenario, opts: RunOptions = {}): Promise<RunResult> {
  const { s, request } = scenarioFor(scenario, opts, 'runScenario');
  const workers = checkWorkers(opts.workers);
  await nodeFactoryFor(s.raft.implementation); // a broken plug-in fails here, before any trial
  const [trials] = await trialsOf([s], workers);
  const r = runResult(s, trials, recordedOverrides(request));
  return opts.timelines === true ? runWithTimelines(s, trials, r) : r;
}

/**
 * Runs every configuration of a scenario's `sweep` grid and returns the result `raftsim sweep
 * --json` prints. A scenario without a `sweep` block is a ScenarioError (key "sweep").
 */
export async function runSweep(scenario: string | ResolvedScenario, opts: RunOptions = {}): Promise<SweepResult> {
  const { s, request } = scenarioFor(scenario, opts, 'runSweep');
  const workers = checkWorkers(opts.workers);
  if (s.sweep.length === 0) {
    throw located(new ScenarioError({ file: displayPath(s.file), line: 0, column: 0, keyPath: 'sweep', message: 'no `sweep` block to run', hint: 'add one, e.g. sweep: { "raft.electionTimeout.min": ["150ms", "300ms"] }, or use runScenario' }));
  }
  await nodeFactoryFor(s.raft.implementation);
  const points = expandSweep(s);
  const trials = await trialsOf(points.map((p) => p.scenario), workers);
  const r = sweepResult(s, points, trials, recordedOverrides(request));
  return opts.timelines === true ? sweepWithTimelines(points, trials, r) : r;
}

/** Runs one trial again, exactly: what `raftsim replay --json` prints for it. */
export async function replayTrial(scenario: string | ResolvedScenario, opts: ReplayOptions): Promise<ReplayResult> {
  if (opts === null || typeof opts !== 'object') throw new TypeError('replayTrial: give the options, e.g. { trial: 7 }');
  const { trial, ...scenarioOpts } = opts;
  const { s } = scenarioFor(scenario, scenarioOpts, 'replayTrial');
  if (!(Number.isInteger(trial) && trial >= 0 && trial < s.trials)) {
    throw new RangeError(`replayTrial: trial must be a whole number from 0 to ${s.trials - 1} (${s.name} has ${s.trials} trials), got ${String(trial)}`);
  }
  return replayResult(s, trial, await runTrial(s, trial));
}

/** Every trial of each configuration, in trial order (automatic threads or `workers` threads; the same either way). */
async function trialsOf(configs: readonly ResolvedScenario[], workers: number | undefined): Promise<TrialSummary[][]> {
  const { results } = await executeTrials(configs, { workers });
  // Nothing aborts these runs (no signal is passed), so every configuration completes.
  return results.map((r) => r!);
}

/** The scenario to run: loaded by name with the options, or a loaded one with the options applied as the CLI would. */
function scenarioFor(scenario: string | ResolvedScenario, opts: ScenarioOptions, fn: string): { s: ResolvedScenario; request: Request } {
  const o = checkScenarioOptions(opts, fn);
  if (typeof scenario === 'string') {
    const request = { nameOrPath: scenario, ...o };
    return { s: load(request), request };
  }
  if (scenario === null || typeof scenario !== 'object') throw new TypeError(`${fn}: the scenario must be a file path, a built-in name or what loadScenario returned, got ${scenario === null ? 'null' : typeof scenario}`);
  const prior = requests.get(scenario);
  const changes = o.set.length > 0 || o.seed !== undefined || o.trials !== undefined;
  if (!changes) return { s: scenario, request: prior ?? { nameOrPath: scenario.file, set: [] } };
  if (prior === undefined) throw new TypeError(`${fn}: set, seed and trials apply to a scenario given by name or path, or returned by loadScenario`);
  // Later options win, as later --set flags do: the scenario is loaded again with all of them.
  const request = { nameOrPath: prior.nameOrPath, set: [...prior.set, ...o.set], seed: o.seed ?? prior.seed, trials: o.trials ?? prior.trials };
  return { s: load(request), request };
}

function load(r: Request): ResolvedScenario {
  try {
    const s = loadResolved(r.nameOrPath, { overrides: loadOverrides(r) });
    requests.set(s, r);
    return s;
  } catch (e) {
    throw located(e);
  }
}

/**
 * Test runners print an error's name and message only (not its formatted stack), so a
 * ScenarioError leaving the API says where in its message: "file:line:column: key: what".
 * Its fields (file, line, column, keyPath, …) and formatted stack are unchanged.
 */
function located(e: unknown): unknown {
  if (!(e instanceof ScenarioError)) return e;
  const where = e.line > 0 ? `${e.file}:${e.line}:${e.column}` : e.file;
  const key = e.keyPath === '' || e.reason.startsWith(`${e.keyPath}: `) ? '' : `${e.keyPath}: `;
  Object.defineProperty(e, 'message', { value: `${where}: ${key}${e.reason}`, enumerable: false, writable: true, configurable: true });
  return e;
}

/** Option values a program got wrong are TypeError / RangeError; a bad scenario or `set` entry is a ScenarioError. */
function checkScenarioOptions(opts: ScenarioOptions, fn: string): { set: readonly string[]; seed?: string | number; trials?: number } {
  if (opts === null || typeof opts !== 'object') throw new TypeError(`${fn}: options must be an object`);
  const { set = [], seed, trials } = opts;
  if (!Array.isArray(set) || set.some((x) => typeof x !== 'string')) throw new TypeError(`${fn}: set must be an array of "key=value" strings, e.g. ["raft.preVote=true"]`);
  if (seed !== undefined && typeof seed !== 'string' && !(typeof seed === 'number' && Number.isFinite(seed))) throw new TypeError(`${fn}: seed must be a string or a finite number`);
  if (trials !== undefined && !(Number.isInteger(trials) && trials >= 1)) throw new RangeError(`${fn}: trials must be a whole number >= 1, got ${String(trials)}`);
  return { set, seed, trials };
}

function checkWorkers(workers: number | undefined): number | undefined {
  if (workers !== undefined && !isWorkerCount(workers)) throw new RangeError(`workers must be a whole number from 1 to 256, got ${String(workers)}`);
  return workers;
}
