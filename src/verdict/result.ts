// The --json contract (documented in docs/json.md): scripts and CI rely on it.
//   run:   { scenario, file, seed, trials, config, metrics, expectations, violations }
//   sweep: { scenario, file, seed, trials, results: [{ point, config, metrics, expectations, violations }] }
import { aggregate, type Metrics, type TrialSummary } from '../metrics/aggregate.js';
import { evaluateExpectations, type ExpectationResult } from './expect.js';
import { replayCommand } from '../run/replay-command.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { SweepPoint } from '../scenario/sweep.js';
import type { SafetyViolation } from '../invariants/safety.js';
import type { TrialTimeline } from '../run/timelines.js';
import { RAFTSIM_VERSION } from '../version.js';
import { relative } from 'node:path';

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
  /** Raw values behind the summaries, for CDFs and histograms (ms; null = censored), one per fault occurrence in trial order. */
  readonly samples: Samples;
  /** Best, median and worst trials' timelines; present only when asked for (--html). */
  readonly timelines?: readonly TrialTimeline[];
}

export interface Samples {
  readonly trial: readonly number[];
  readonly timeToLeaderMs: readonly (number | null)[];
  readonly timeToLeaderHeardMs: readonly (number | null)[];
  /** Until a leader that then led for measure.stableFor (absent in results saved by older raftsim). */
  readonly timeToStableLeaderMs?: readonly (number | null)[];
  readonly timeToWriteMs: readonly (number | null)[];
  /** One per trial (after warm-up). */
  readonly leaderlessMs: readonly number[];
}

export type ResolvedConfig = Omit<ResolvedScenario, 'source' | 'file' | 'name' | 'description' | 'sweep' | 'expect' | 'seed' | 'trials'>;

/** What every result carries about where it came from (for reports and reproduction). */
export interface ResultHeader {
  readonly scenario: string;
  readonly description: string;
  readonly file: string;
  readonly seed: string;
  readonly trials: number;
  readonly raftsimVersion: string;
  /** The scenario file as written (after `extends` and --set), for reports. */
  readonly source: unknown;
  /** --set overrides given on the command line (the reproducing command needs them). */
  readonly overrides: readonly string[];
}

export interface RunResult extends ConfigResult, ResultHeader {}

export interface SweepResult extends ResultHeader {
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
  return { point, config: resolvedConfig(s), metrics, expectations: evaluateExpectations(s.expect, metrics), violations, samples: samplesOf(trials) };
}

const toMs = (us: number | null) => (us === null ? null : us / 1000);

export function samplesOf(trials: readonly TrialSummary[]): Samples {
  const occurrences = trials.flatMap((t) => t.metrics.faults.map((f) => ({ trial: t.trial, f })));
  return {
    trial: occurrences.map((o) => o.trial),
    timeToLeaderMs: occurrences.map((o) => toMs(o.f.leaderUs)),
    timeToLeaderHeardMs: occurrences.map((o) => toMs(o.f.heardUs)),
    timeToStableLeaderMs: occurrences.map((o) => toMs(o.f.stableUs)),
    timeToWriteMs: occurrences.map((o) => toMs(o.f.writeUs)),
    leaderlessMs: trials.map((t) => t.metrics.leaderlessUs / 1000),
  };
}

export function resolvedConfig(s: ResolvedScenario): ResolvedConfig {
  const { source: _s, file: _f, name: _n, description: _d, sweep: _w, expect: _e, seed: _seed, trials: _t, ...rest } = s;
  return rest;
}

export function resultHeader(s: ResolvedScenario, trials: number, overrides: readonly string[]): ResultHeader {
  return { scenario: s.name, description: s.description, file: displayPath(s.file), seed: s.seed, trials, raftsimVersion: RAFTSIM_VERSION, source: s.source, overrides };
}

/** A built-in stays "builtin:<name>"; a file is shown relative to the working directory, as the user typed it. */
export function displayPath(file: string): string {
  return file.startsWith('builtin:') ? file : relative(process.cwd(), file) || file;
}

export function runResult(s: ResolvedScenario, trials: readonly TrialSummary[], overrides: readonly string[]): RunResult {
  return { ...resultHeader(s, trials.length, overrides), ...configResult(s, {}, trials, overrides) };
}

/** A sweep's result: one configuration result per point of the grid, in grid order. */
export function sweepResult(s: ResolvedScenario, points: readonly SweepPoint[], trials: readonly (readonly TrialSummary[])[], overrides: readonly string[]): SweepResult {
  return { ...resultHeader(s, s.trials, overrides), results: points.map((p, i) => configResult(p.scenario, p.point, trials[i], overrides)) };
}
