// The --json contract (documented in docs/json.md): scripts and CI rely on it.
//   run:   { scenario, file, seed, trials, config, metrics, expectations, violations }
//   sweep: { scenario, file, seed, trials, results: [{ point, config, metrics, expectations, violations }] }
import { aggregate, type Metrics, type TrialSummary } from './aggregate.js';
import { evaluateExpectations, type ExpectationResult } from './expect.js';
import { replayCommand } from './replay-command.js';
import type { ResolvedScenario } from './types.js';
import type { SafetyViolation } from '../raft/safety.js';

export interface ViolationReport extends SafetyViolation {
  readonly trial: number;
  readonly replay: string;
}

export interface ConfigResult {
  /** The swept keys and their values for this configuration ({} without a sweep). */
  readonly point: Readonly<Record<string, unknown>>;
  /** The fully resolved configuration (durations in µs). */
  readonly config: ResolvedConfig;
  readonly metrics: Metrics;
  readonly expectations: readonly ExpectationResult[];
  readonly violations: readonly ViolationReport[];
}

export type ResolvedConfig = Omit<ResolvedScenario, 'source' | 'file' | 'name' | 'description' | 'sweep' | 'expect' | 'seed' | 'trials'>;

export interface RunResult extends ConfigResult {
  readonly scenario: string;
  readonly file: string;
  readonly seed: string;
  readonly trials: number;
}

export interface SweepResult {
  readonly scenario: string;
  readonly file: string;
  readonly seed: string;
  readonly trials: number;
  readonly results: readonly ConfigResult[];
  /** True when the sweep was interrupted: only finished configurations are listed. */
  readonly interrupted?: boolean;
}

export function configResult(s: ResolvedScenario, point: Record<string, unknown>, trials: readonly TrialSummary[], overrides: readonly string[]): ConfigResult {
  const metrics = aggregate(trials, s.measure.alertThresholdsUs);
  const sets = [...overrides, ...Object.entries(point).map(([k, v]) => `${k}=${JSON.stringify(v)}`)];
  const violations = trials
    .filter((t) => t.violation !== null)
    .map((t) => ({ ...t.violation!, trial: t.trial, replay: replayCommand(s, t.trial, sets) }));
  return { point, config: resolvedConfig(s), metrics, expectations: evaluateExpectations(s.expect, metrics), violations };
}

export function resolvedConfig(s: ResolvedScenario): ResolvedConfig {
  const { source: _s, file: _f, name: _n, description: _d, sweep: _w, expect: _e, seed: _seed, trials: _t, ...rest } = s;
  return rest;
}

export function runResult(s: ResolvedScenario, trials: readonly TrialSummary[], overrides: readonly string[]): RunResult {
  return { scenario: s.name, file: s.file, seed: s.seed, trials: trials.length, ...configResult(s, {}, trials, overrides) };
}
