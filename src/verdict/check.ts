// `raftsim check`: every configuration of every scenario (each sweep point on
// its own) run in one pool, its expectations evaluated, and every failure tied
// to the one trial whose replay shows it.
import { executeTrials, type ExecuteOptions } from '../run/execute.js';
import { configResult, displayPath, type ConfigResult } from './result.js';
import { expandSweep, type SweepPoint } from '../scenario/sweep.js';
import type { TrialSummary } from '../metrics/aggregate.js';
import { replayCommand } from '../run/replay-command.js';
import { worstTrial } from './worst-trial.js';
import { SAFETY_METRIC } from '../metrics/metric-names.js';
import type { ExpectationResult } from './expect.js';
import type { ResolvedScenario } from '../scenario/types.js';

export interface CheckedExpectation extends ExpectationResult {
  /** For a failure: the trial that contributed the worst value, and its replay command. */
  readonly trial: number | null;
  readonly replay: string | null;
}

export interface CheckedConfig {
  readonly scenario: string;
  /** The file as shown (relative to the working directory, or builtin:<name>). */
  readonly file: string;
  readonly seed: string;
  readonly trials: number;
  /** The sweep point ({} without a sweep). */
  readonly point: Readonly<Record<string, unknown>>;
  readonly result: ConfigResult;
  /** The scenario's expectations except `safety`, which the safety check covers. */
  readonly expectations: readonly CheckedExpectation[];
  /** Which of the run's configurations this is (the index executeTrials reports progress with). */
  readonly index: number;
  /** Which of the scenarios given to runChecks it came from. */
  readonly scenarioIndex: number;
  /** The configuration as run, and its trials (for HTML reports and their timelines). */
  readonly resolved: ResolvedScenario;
  readonly trialSummaries: readonly TrialSummary[];
}

export interface CheckRun {
  readonly configs: readonly CheckedConfig[];
  readonly interrupted: boolean;
}

/** A configuration check runs, with the index of the scenario it came from. */
export interface CheckPoint extends SweepPoint {
  readonly scenarioIndex: number;
}

/** Every configuration check runs: each scenario's sweep points, or the scenario itself. */
export function checkPoints(scenarios: readonly ResolvedScenario[]): CheckPoint[] {
  return scenarios.flatMap((s, scenarioIndex) => expandSweep(s).map((p) => ({ ...p, scenarioIndex })));
}

/** Runs every configuration's trials in one pool (`overrides` are the --set strings, for replay commands). */
export async function runChecks(scenarios: readonly ResolvedScenario[], overrides: readonly string[], opts: ExecuteOptions = {}): Promise<CheckRun> {
  const points = checkPoints(scenarios);
  const { results, interrupted } = await executeTrials(points.map((p) => p.scenario), opts);
  return { configs: checkResults(points, results, overrides), interrupted };
}

/** Evaluates the configurations whose trials are all there (null: skipped). */
export function checkResults(points: readonly CheckPoint[], results: readonly (readonly TrialSummary[] | null)[], overrides: readonly string[]): CheckedConfig[] {
  const configs: CheckedConfig[] = [];
  points.forEach((p, i) => {
    const trials = results[i];
    if (trials === null) return;
    const s = p.scenario;
    const result = configResult(s, p.point, trials, overrides);
    const sets = [...overrides, ...Object.entries(p.point).map(([k, v]) => `${k}=${JSON.stringify(v)}`)];
    const expectations = result.expectations
      .filter((e) => e.metric !== SAFETY_METRIC)
      .map((e) => {
        const trial = e.pass ? null : worstTrial(e, trials, s.measure.alertThresholdsUs);
        return { ...e, trial, replay: trial === null ? null : replayCommand(s, trial, sets) };
      });
    configs.push({
      scenario: s.name, file: displayPath(s.file), seed: s.seed, trials: trials.length, point: p.point, result, expectations,
      index: i, scenarioIndex: p.scenarioIndex, resolved: s, trialSummaries: trials,
    });
  });
  return configs;
}

export function failedExpectations(c: CheckedConfig): CheckedExpectation[] {
  return c.expectations.filter((e) => !e.pass);
}

/** "raft.preVote=true, raft.electionTimeout.min=150ms" ('' without a sweep). */
export function pointLabel(point: Readonly<Record<string, unknown>>): string {
  return Object.entries(point)
    .map(([k, v]) => `${k}=${pointValue(v)}`)
    .join(', ');
}

/** "300ms–600ms" for a { min, max } range, the string itself, compact JSON otherwise. */
function pointValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (Object.keys(o).length === 2 && 'min' in o && 'max' in o) return `${String(o.min)}–${String(o.max)}`;
  }
  return JSON.stringify(v);
}

/** A configuration's name in tables and CI reports: the scenario, and its sweep point. */
export function configName(c: Pick<CheckedConfig, 'scenario' | 'point'>): string {
  const p = pointLabel(c.point);
  return p === '' ? c.scenario : `${c.scenario} [${p}]`;
}
