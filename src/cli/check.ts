// `raftsim check <files or folders>`: CI regression checks. Runs every scenario
// (each sweep point on its own), prints expectations with measured values,
// writes JUnit XML, compares with a baseline. Exit 3 on a safety violation,
// 1 on a failed expectation or a baseline regression, else 0 (docs/ci.md).
import { readTextFile } from '../scenarios/read-file.js';
import { LIMITS } from '../scenarios/limits.js';
import { loadScenario } from '../scenarios/load.js';
import { runChecks, failedExpectations, type CheckedConfig } from '../scenarios/check.js';
import { renderJunit } from '../scenarios/junit.js';
import { BaselineError, DEFAULT_TOLERANCES, makeBaseline, parseBaseline, serializeBaseline, type Baseline, type Tolerances } from '../scenarios/baseline.js';
import { compareBaseline, type Comparison } from '../scenarios/baseline-compare.js';
import { EXIT, UsageError } from './exit.js';
import { checkOutputPath, writeFileAtomic } from './files.js';
import { progressBar } from './progress.js';
import { preloadImplementation } from './run.js';
import { overridesOf } from './run.js';
import { collectScenarioFiles } from './scenario-files.js';
import { checkTable, comparisonText, failureLines, summaryLine } from './format-check.js';
import { checkHtmlDir, checkHtmlPaths, writeCheckReports } from './check-html.js';
import { ConfigWallClock } from './wall-clock.js';
import { expandSweep } from '../scenarios/sweep.js';
import { configName } from '../scenarios/check.js';

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
}

export async function checkCommand(a: CheckArgs): Promise<void> {
  const tol = tolerancesFrom(a);
  if (a.updateBaseline && a.baseline === undefined) throw new UsageError('--update-baseline needs --baseline <file> (where to write it)');
  const baseline = a.baseline !== undefined && !a.updateBaseline ? readBaseline(a.baseline) : null;
  const files = collectScenarioFiles(a.paths);
  const scenarios = files.map((f) => loadScenario(f, { overrides: overridesOf(a) }));
  for (const s of scenarios) await preloadImplementation(s); // a broken plug-in is bad input, before any work
  if (a.junit !== undefined) checkOutputPath(a.junit, '--junit');
  if (a.updateBaseline) checkOutputPath(a.baseline!, '--baseline');
  const htmlDir = checkHtmlDir(a.html);
  const htmlPaths = htmlDir === null ? null : checkHtmlPaths(scenarios, htmlDir);
  const sets = [...a.set, ...(a.trials !== undefined ? [`trials=${a.trials}`] : [])];
  const bar = progressBar(`check (${scenarios.length} scenarios)`);
  const labels = scenarios.flatMap((s) => expandSweep(s).map((p) => configName({ scenario: s.name, point: p.point })));
  const clock = new ConfigWallClock();
  const ac = new AbortController();
  const onInt = () => ac.abort();
  process.once('SIGINT', onInt);
  const run = await runChecks(scenarios, sets, {
    workers: a.workers,
    onBatchStart: (c) => {
      clock.batchStarted(c);
      bar.running(`${c + 1}/${labels.length} ${labels[c]}`);
    },
    onProgress: (d, t, c) => {
      clock.batchDone(c);
      bar.update(d, t);
    },
    signal: ac.signal,
  });
  bar.stop();
  process.off('SIGINT', onInt);
  if (run.interrupted) {
    process.stderr.write('interrupted: no results written\n');
    process.exit(130);
  }
  const comparison = baseline === null ? null : compareBaseline(baseline, run.configs, tol);
  if (a.junit !== undefined) writeFileAtomic(a.junit, renderJunit(run.configs, { totalSec: clock.totalSeconds(), configSec: run.configs.map((c) => clock.secondsOf(c.index)) }));
  if (a.updateBaseline) writeFileAtomic(a.baseline!, serializeBaseline(makeBaseline(run.configs)));
  if (htmlPaths !== null) await writeCheckReports(scenarios, run.configs, htmlPaths, sets);
  // Recording a baseline is the job asked for: it succeeds (0) even when an expectation fails,
  // unless safety was violated (3), which no baseline should silently absorb.
  const verdict = exitCode(run.configs, comparison);
  const code = a.updateBaseline && verdict === EXIT.expectationFailed ? EXIT.ok : verdict;
  if (a.json) process.stdout.write(`${JSON.stringify(jsonResult(run.configs, comparison, code), null, 2)}\n`);
  else process.stdout.write(`${textResult(a, files.length, run.configs, comparison, tol).join('\n')}\n`);
  process.exitCode = code;
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

function tolerancesFrom(a: CheckArgs): Tolerances {
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
