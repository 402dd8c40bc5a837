// `raftsim alerts [RULES.yml] SCENARIO`: will these alert rules page us, how
// late, and how often for nothing? Runs the scenario's trials with a simulated
// Prometheus (src/alerts/), evaluates the rules with the built-in evaluator,
// optionally cross-checks it with the real promtool, and reports per alert.
import { loadFromArgs, checkWorkers, preloadImplementation } from './run.js';
import { checkOutputPath, writeFileAtomic } from './files.js';
import { progressBar } from './progress.js';
import { EXIT, UsageError } from './exit.js';
import { htmlPathFor } from './report-path.js';
import { parseDuration } from '../format/duration.js';
import { nodeFactoryFor } from '../run/implementation.js';
import { readRulesFile } from '../alerts/rules-file.js';
import { alertsConfigOf, type AlertsOverrides } from '../scenario/schema-alerts.js';
import { alertsResult, scoreTrials, type AlertsResult } from '../alerts/run-alerts.js';
import { runAlertTrial } from '../alerts/run-trial.js';
import { openMetricsText, promtoolTestFile } from '../alerts/export.js';
import { alertValue } from '../alerts/rule-eval.js';
import { findPromtool, runPromtoolTest } from '../alerts/promtool.js';
import { formatAlerts } from './format-alerts.js';
import { renderAlertsReport } from '../report/alerts-page.js';
import type { AlertsConfig } from '../scenario/alerts-config.js';
import type { RulesFile } from '../alerts/rules-file.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { spawnSync } from 'node:child_process';
import { range } from 'd3-array';
import { io, setExitCode } from './io.js';

export interface AlertsArgs {
  first: string;
  second?: string;
  set: string[];
  seed?: string;
  trials?: number;
  workers?: number;
  json: boolean;
  out?: string;
  html?: string;
  scrapeInterval?: string;
  evaluationInterval?: string;
  pageAfter?: string;
  prefix?: string;
  promtool: boolean;
  promtoolTrials: number;
  exportOpenmetrics?: string;
  exportPromtool?: string;
  trial: number;
}

function secondsFlag(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const r = parseDuration(String(text));
  if (!r.ok) throw new UsageError(`${flag} ${JSON.stringify(text)}: ${r.message}${r.hint ? `; ${r.hint}` : ''}`);
  if (!(r.us % 1_000_000 === 0 && r.us >= 1_000_000 && r.us <= 3_600_000_000)) throw new UsageError(`${flag} must be a whole number of seconds from 1s to 1h, got ${JSON.stringify(text)}`);
  return r.us / 1000;
}

function overridesOf(a: AlertsArgs, rules: string | undefined): AlertsOverrides {
  const page = a.pageAfter === undefined ? undefined : parseDuration(String(a.pageAfter));
  if (page !== undefined && (!page.ok || page.us <= 0)) throw new UsageError(`--page-after ${JSON.stringify(a.pageAfter)}: expected a positive duration such as "30s"`);
  if (a.prefix !== undefined && !/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(a.prefix)) throw new UsageError(`--prefix ${JSON.stringify(a.prefix)}: must be a metric name prefix such as "raft_"`);
  return {
    rules,
    scrapeIntervalMs: secondsFlag(a.scrapeInterval, '--scrape-interval'),
    evaluationIntervalMs: secondsFlag(a.evaluationInterval, '--evaluation-interval'),
    pageAfterMs: page === undefined || !page.ok ? undefined : page.us / 1000,
    prefix: a.prefix,
  };
}

export async function alertsCommand(a: AlertsArgs): Promise<void> {
  checkWorkers(a.workers);
  const [rulesArg, scenarioArg] = a.second === undefined ? [undefined, a.first] : [a.first, a.second];
  if (!(Number.isInteger(a.promtoolTrials) && a.promtoolTrials >= 1 && a.promtoolTrials <= 100)) throw new UsageError(`--promtool-trials must be a whole number from 1 to 100, got ${String(a.promtoolTrials)}`);
  const s = loadFromArgs({ ...a, scenario: scenarioArg });
  const cfg = alertsConfigOf(s.source, s.file, overridesOf(a, rulesArg));
  if (cfg.rules === null) throw new UsageError(`${scenarioArg} has no alerts.rules; name a rules file: raftsim alerts RULES.yml ${scenarioArg}`);
  const rules = readRulesFile(cfg.rules);
  await preloadImplementation(s);
  if (!(Number.isInteger(a.trial) && a.trial >= 0 && a.trial < s.trials)) throw new UsageError(`--trial must be an integer in [0, ${s.trials - 1}], got ${String(a.trial)}`);
  const promtool = a.promtool ? findPromtool(io().env) : null;
  if (a.promtool && promtool === null) throw new UsageError('--promtool: no promtool found on PATH (Debian: apt-get install prometheus; or set PROMTOOL)');
  if (a.out) checkOutputPath(a.out, '--out');
  const html = htmlPathFor(a.html, `${s.name}-alerts`);
  if (html !== null) checkOutputPath(html, '--html');
  if (a.exportOpenmetrics) checkOutputPath(a.exportOpenmetrics, '--export-openmetrics');
  if (a.exportPromtool) checkOutputPath(a.exportPromtool, '--export-promtool');

  if (a.exportOpenmetrics || a.exportPromtool) await exportTrial(s, cfg, rules, a);
  const bar = progressBar(`${s.name} alerts`);
  const scored = await scoreTrials(s, cfg, rules.rules, { workers: a.workers, onProgress: (d, t) => bar.update(d, t) });
  bar.stop();
  let result: AlertsResult = alertsResult(s, cfg, rules, scored);
  if (promtool !== null) result = { ...result, promtool: await crossCheck(promtool, s, cfg, rules, Math.min(a.promtoolTrials, s.trials)) };
  const json = JSON.stringify(result, null, 2);
  if (a.out) writeFileAtomic(a.out, `${json}\n`);
  if (html !== null) {
    writeFileAtomic(html, renderAlertsReport(result));
    io().stderr.write(`report: ${html}\n`);
  }
  io().stdout.write(a.json ? `${json}\n` : `${formatAlerts(result)}\n`);
  setExitCode(result.promtool !== undefined && !result.promtool.agreed ? EXIT.expectationFailed : result.violations > 0 ? EXIT.safetyViolation : EXIT.ok);
}

async function exportTrial(s: ResolvedScenario, cfg: AlertsConfig, rules: RulesFile, a: AlertsArgs): Promise<void> {
  const t = runAlertTrial(s, cfg, rules.rules, a.trial, await nodeFactoryFor(s.raft.implementation));
  if (a.exportOpenmetrics) {
    writeFileAtomic(a.exportOpenmetrics, openMetricsText(t.store));
    io().stderr.write(`OpenMetrics of trial ${a.trial}: ${a.exportOpenmetrics}\n`);
  }
  if (a.exportPromtool) {
    writeFileAtomic(a.exportPromtool, testFileOf(t, cfg, rules, 'rules.yml'));
    io().stderr.write(`promtool test of trial ${a.trial}: ${a.exportPromtool} (copy the rules file beside it as rules.yml, then: promtool test rules ${a.exportPromtool})\n`);
  }
}

function testFileOf(t: ReturnType<typeof runAlertTrial>, cfg: AlertsConfig, rules: RulesFile, ruleFile: string): string {
  try {
    return promtoolTestFile({ ruleFile, store: t.store, outcomes: t.outcomes, evaluationIntervalMs: cfg.evaluationIntervalMs, endMs: t.endMs, valueOf: (r, l, ms) => alertValue(t.store, r.rule, l, ms) });
  } catch (e) {
    throw new UsageError(`${rules.file}: ${(e as Error).message}`);
  }
}

/** Runs promtool on the first `n` trials; every rule's firing set must agree at every evaluation. */
async function crossCheck(promtool: string, s: ResolvedScenario, cfg: AlertsConfig, rules: RulesFile, n: number): Promise<NonNullable<AlertsResult['promtool']>> {
  const factory = await nodeFactoryFor(s.raft.implementation);
  let agreed = true;
  for (const trial of range(n)) {
    const t = runAlertTrial(s, cfg, rules.rules, trial, factory);
    const r = runPromtoolTest(promtool, rules.text, testFileOf(t, cfg, rules, 'rules.yml'));
    if (!r.ok) {
      agreed = false;
      io().stderr.write(`promtool disagrees with the built-in evaluator on trial ${trial}:\n${r.output.slice(0, 4000)}\n`);
    }
  }
  const version = spawnSync(promtool, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '';
  return { trials: range(n), agreed, version: version.trim() };
}
