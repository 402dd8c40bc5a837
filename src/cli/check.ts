// `raftsim check <files or folders>`: CI regression checks. Runs every scenario
// (each sweep point on its own), prints expectations with measured values,
// writes JUnit XML, compares with a baseline. Exit 3 on a safety violation,
// 1 on a failed expectation or a baseline regression, else 0 (docs/ci.md).
import { readTextFile } from '../scenario/read-file.js';
import { LIMITS } from '../format/limits.js';
import { loadScenario } from '../scenario/load.js';
import { checkPoints, checkResults, failedExpectations, type CheckedConfig, type CheckPoint } from '../verdict/check.js';
import type { TrialSummary } from '../metrics/aggregate.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { StoreIdentity } from '../run/trial-store.js';
import { gatherTrials } from './gather.js';
import { writeShard } from './run.js';
import { renderJunit, type JunitTimes } from '../verdict/junit.js';
import { BaselineError, DEFAULT_TOLERANCES, makeBaseline, parseBaseline, serializeBaseline, type Baseline, type Tolerances } from '../verdict/baseline.js';
import { compareBaseline, type Comparison } from '../verdict/baseline-compare.js';
import { EXIT, UsageError } from './exit.js';
import { checkOutputPath, writeFileAtomic } from './files.js';
import { preloadImplementation } from './run.js';
import { overridesOf } from './run.js';
import { recordedOverrides } from '../scenario/run-overrides.js';
import { collectScenarioFiles } from './scenario-files.js';
import { checkTable, comparisonText, failureLines, summaryLine } from './format-check.js';
import { checkHtmlDir, checkHtmlPaths, writeCheckReports } from './check-html.js';
import { ConfigWallClock } from './wall-clock.js';
import { configName } from '../verdict/check.js';
import { io, setExitCode } from './io.js';

export interface CheckArgs {
  paths: string[];
  set: string[];
  seed?: string;
  trials?: number;
  /** Write one HTML report per scenario into this directory ('' = reports/). */
  html?: string;
  workers?: number;
  junit?: string;
  baseline?: string;
  updateBaseline: boolean;
  toleranceP99: number;
  toleranceSpurious: number;
  toleranceSpuriousAbs: number;
  toleranceAvailability: number;
  json: boolean;
  /** Run only shard I of N ("I/N"); its trials go to --out for `raftsim merge`. */
  shard?: string;
  resume?: string;
  /** Also write the JSON result here; with --shard, the shard's trials. An interrupted check keeps its trials in OUT.partial. */
  out?: string;
}

export async function checkCommand(a: CheckArgs): Promise<void> {
  const tol = tolerancesFrom(a);
  const baseline = baselineFor(a);
  const { files, scenarios } = loadChecks(a);
  for (const s of scenarios) await preloadImplementation(s); // a broken plug-in is bad input, before any work
  if (a.junit !== undefined) checkOutputPath(a.junit, '--junit');
  if (a.updateBaseline) checkOutputPath(a.baseline!, '--baseline');
  if (a.out !== undefined) checkOutputPath(a.out, '--out');
  const htmlDir = checkHtmlDir(a.html);
  const htmlPaths = htmlDir === null ? null : checkHtmlPaths(scenarios, htmlDir);
  const points = checkPoints(scenarios);
  const labels = points.map((p) => configName({ scenario: p.scenario.name, point: p.point }));
  const clock = new ConfigWallClock();
  const g = await gatherTrials(points.map((p) => p.scenario), checkIdentity(a), 'check', a, {
    label: `check (${scenarios.length} scenarios)`,
    running: (c) => `${c + 1}/${labels.length} ${labels[c]}`,
    onBatchStart: (c) => clock.batchStarted(c),
    onBatchDone: (c) => clock.batchDone(c),
  });
  if (g.shard !== null) return writeShard(a, g);
  const times = { totalSec: clock.totalSeconds(), configSec: points.map((_p, i) => clock.secondsOf(i)) };
  await finishCheck(a, files.length, scenarios, points, g.trials, baseline, tol, { times, htmlPaths });
}

export function loadChecks(a: Pick<CheckArgs, 'paths' | 'set' | 'trials' | 'seed'>): { files: string[]; scenarios: ResolvedScenario[] } {
  const files = collectScenarioFiles(a.paths);
  return { files, scenarios: files.map((f) => loadScenario(f, { overrides: overridesOf(a) })) };
}

export function checkIdentity(a: Pick<CheckArgs, 'paths' | 'set' | 'trials' | 'seed'>): StoreIdentity {
  return { command: 'check', inputs: a.paths, set: a.set, seed: a.seed === undefined ? null : String(a.seed), trials: a.trials ?? null };
}

export interface CheckOutputs {
  /** Wall-clock seconds for JUnit (absent when merged from shards that ran elsewhere). */
  readonly times?: JunitTimes;
  readonly htmlPaths: readonly string[] | null;
}

/** Evaluates, prints and writes a check's results (also `raftsim merge`). */
export async function finishCheck(a: CheckArgs, fileCount: number, scenarios: readonly ResolvedScenario[], points: readonly CheckPoint[], trials: readonly TrialSummary[][], baseline: Baseline | null, tol: Tolerances, o: CheckOutputs): Promise<void> {
  const sets = recordedOverrides(a);
  const configs = checkResults(points, trials, sets);
  const comparison = baseline === null ? null : compareBaseline(baseline, configs, tol);
  if (a.junit !== undefined) writeFileAtomic(a.junit, renderJunit(configs, o.times));
  if (a.updateBaseline) writeFileAtomic(a.baseline!, serializeBaseline(makeBaseline(configs)));
  if (o.htmlPaths !== null) await writeCheckReports(scenarios, configs, o.htmlPaths, sets);
  // Recording a baseline is the job asked for: it succeeds (0) even when an expectation fails,
  // unless safety was violated (3), which no baseline should silently absorb.
  const verdict = exitCode(configs, comparison);
  const code = a.updateBaseline && verdict === EXIT.expectationFailed ? EXIT.ok : verdict;
  const json = `${JSON.stringify(jsonResult(configs, comparison, code), null, 2)}\n`;
  if (a.out !== undefined) writeFileAtomic(a.out, json);
  if (a.json) io().stdout.write(json);
  else io().stdout.write(`${textResult(a, fileCount, configs, comparison, tol).join('\n')}\n`);
  setExitCode(code);
}

/** The baseline to compare with (null when none or when updating it). */
export function baselineFor(a: CheckArgs): Baseline | null {
  if (a.updateBaseline && a.baseline === undefined) throw new UsageError('--update-baseline needs --baseline <file> (where to write it)');
  return a.baseline !== undefined && !a.updateBaseline ? readBaseline(a.baseline) : null;
}

function textResult(a: CheckArgs, files: number, configs: readonly CheckedConfig[], comparison: Comparison | null, tol: Tolerances): string[] {
  const trials = configs.reduce((x, c) => x + c.trials, 0);
  const out = [`raftsim check: ${files} scenario file(s), ${configs.length} configuration(s), ${trials} trials`, '', checkTable(configs)];
  const failures = failureLines(configs);
  if (failures.length > 0) out.push('', ...failures);
  if (comparison !== null) out.push(...comparisonText(a.baseline!, comparison, tol));
  out.push('', summaryLine(configs, comparison?.regressions ?? null));
  if (a.junit !== undefined) out.push(`JUnit XML: ${a.junit}`);
  if (a.updateBaseline) {
    out.push(`baseline written: ${a.baseline} (${configs.length} configuration(s))`);
    if (configs.some((c) => failedExpectations(c).length > 0)) out.push('(exit 0: the baseline was recorded; the failed expectations above are recorded with it)');
  }
  return out;
}

function jsonResult(configs: readonly CheckedConfig[], comparison: Comparison | null, exitCode: number) {
  return {
    exitCode,
    configurations: configs.map((c) => ({
      scenario: c.scenario, file: c.file, point: c.point, seed: c.seed, trials: c.trials,
      expectations: c.expectations, violations: c.result.violations, metrics: c.result.metrics,
    })),
    ...(comparison === null ? {} : { baseline: comparison }),
  };
}

function exitCode(configs: readonly CheckedConfig[], comparison: Comparison | null): number {
  if (configs.some((c) => c.result.violations.length > 0)) return EXIT.safetyViolation;
  if (configs.some((c) => failedExpectations(c).length > 0) || (comparison?.regressions ?? 0) > 0) return EXIT.expectationFailed;
  return EXIT.ok;
}

export function tolerancesFrom(a: CheckArgs): Tolerances {
  const t: Tolerances = {
    p99SlowerPct: a.toleranceP99 ?? DEFAULT_TOLERANCES.p99SlowerPct,
    spuriousUpPct: a.toleranceSpurious ?? DEFAULT_TOLERANCES.spuriousUpPct,
    spuriousUpAbs: a.toleranceSpuriousAbs ?? DEFAULT_TOLERANCES.spuriousUpAbs,
    availabilityDownPts: a.toleranceAvailability ?? DEFAULT_TOLERANCES.availabilityDownPts,
  };
  for (const [k, v] of Object.entries(t)) if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0)) throw new UsageError(`tolerance ${k} must be a number ≥ 0, got ${v}`);
  return t;
}

function readBaseline(file: string): Baseline {
  const r = readTextFile(file, LIMITS.resultFileBytes, file);
  if (!r.ok) throw new UsageError(`--baseline: ${r.reason}${r.reason.endsWith('no such file') ? ' (write one with --update-baseline)' : ''}`);
  const text = r.text;
  try {
    return parseBaseline(text);
  } catch (e) {
    if (e instanceof BaselineError) throw new UsageError(`--baseline ${file}: ${e.message}`);
    throw e;
  }
}
