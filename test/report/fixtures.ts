// Small hand-made results for report unit tests (no simulation needed).
import type { ConfigResult, RunResult, SweepResult } from '../../src/verdict/result.js';
import type { DurationSummary } from '../../src/metrics/summary.js';
import type { TrialTimeline } from '../../src/run/timelines.js';

export function summary(p: Partial<DurationSummary> = {}): DurationSummary {
  return { n: 10, mean: 100, p50: 100, p90: 150, p99: 200, max: 210, censored: 0, ci95: [90, 110], ...p } as DurationSummary;
}

export interface ConfigOptions {
  point?: Record<string, unknown>;
  p50?: number | null;
  p99?: number | null;
  max?: number | null;
  censored?: number;
  spurious?: number;
  violated?: boolean;
  values?: (number | null)[];
  timelines?: TrialTimeline[];
}

export function config(o: ConfigOptions = {}): ConfigResult {
  const values = o.values ?? [100, 120, 150, 200, null].slice(0, 4 + (o.censored ? 1 : 0));
  const ttl = summary({ n: values.length, p50: o.p50 === undefined ? 100 : o.p50, p99: o.p99 === undefined ? 200 : o.p99, max: o.max === undefined ? 210 : o.max, censored: o.censored ?? 0 });
  const metrics = {
    timeToLeaderMs: ttl,
    timeToLeaderHeardMs: ttl,
    timeToStableLeaderMs: ttl,
    timeToWriteMs: summary({ n: 0, mean: null, p50: null, p90: null, p99: null, max: null }),
    leaderKeptFraction: 0,
    leaderlessMs: summary(),
    commitLatencyMs: summary(),
    deposedLeaderMs: summary({ n: 0 }),
    electionsPerTrial: 1,
    splitVotesPerTrial: 0,
    leaderChangesPerTrial: 1,
    termInflationPerTrial: 1,
    spuriousElectionsPerHour: o.spurious ?? 0,
    writeAvailability: 1,
    alertsFiredPerTrial: { '30s': 0 },
    trialsWithAlert: { '30s': 0 },
    safety: o.violated ? 'violated' : 'ok',
    safetyViolations: o.violated ? 1 : 0,
    measuredHours: 0.5,
    eventsPerTrial: 1000,
  } as unknown as ConfigResult['metrics'];
  const violations = o.violated ? [{ trial: 3, invariant: 'election-safety', nodes: [0, 1], term: 2, index: 0, timeUs: 1000, detail: 'two leaders', replay: 'raftsim replay x --seed 1 --trial 3' }] : [];
  return {
    point: o.point ?? {},
    config: { horizonUs: 10_000_000 } as unknown as ConfigResult['config'],
    metrics,
    expectations: [],
    violations: violations as unknown as ConfigResult['violations'],
    samples: { trial: values.map((_, i) => i), timeToLeaderMs: values, timeToLeaderHeardMs: values, timeToWriteMs: values.map(() => null), leaderlessMs: values.map((v) => v ?? 10_000) },
    ...(o.timelines ? { timelines: o.timelines } : {}),
  };
}

const header = (name: string, description: string) => ({
  scenario: name,
  description,
  file: 'builtin:test',
  seed: '1',
  trials: 5,
  raftsimVersion: '0.0.0-test',
  source: { name, description },
  overrides: ['trials=5'],
});

export function runResult(o: ConfigOptions & { name?: string; description?: string } = {}): RunResult {
  return { ...header(o.name ?? 'test-run', o.description ?? 'A test run.'), ...config(o) };
}

export function sweepResult(configs: ConfigResult[], name = 'test-sweep', description = 'A test sweep.'): SweepResult {
  return { ...header(name, description), results: configs };
}

export function timeline(p: Partial<TrialTimeline> = {}): TrialTimeline {
  return {
    label: 'median',
    trial: 4,
    rankMs: 180,
    rankedBy: 'timeToLeaderMs',
    n: 3,
    endUs: 10_000_000,
    events: [
      [0, 0, 'candidate', 1],
      [5_000, 0, 'leader', 1],
      [5_000, 1, 'follower', 1],
      [5_000, 2, 'follower', 1],
      [2_000_000, 0, 'down', 0],
      [2_150_000, 1, 'candidate', 2],
      [2_180_000, 1, 'leader', 2],
      [2_181_000, 2, 'follower', 2],
    ],
    stints: [
      { node: 0, term: 1, startUs: 5_000, endUs: 2_000_000 },
      { node: 1, term: 2, startUs: 2_180_000, endUs: null },
    ],
    faults: [{ description: 'crash n0', startUs: 2_000_000, healUs: null }],
    violation: null,
    ...p,
  };
}
