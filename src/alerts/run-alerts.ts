// `raftsim alerts`' engine: every trial of the scenario with its simulated
// Prometheus, on worker threads (piscina) or in this thread; results are put
// back in trial order, so the output is the same whichever way it ran.
import { range } from 'd3-array';
import { defaultWorkers } from '../run/execute.js';
import { runBatches } from '../run/batches.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { displayPath } from '../scenario/origins.js';
import { scoreBatch, type AlertBatch, type ScoredTrial } from './worker.js';
import { summarizeRules, type RuleSummary } from './aggregate.js';
import type { AlertRule, RulesFile } from './rules-file.js';
import type { AlertsConfig } from '../scenario/alerts-config.js';

export interface AlertsResult {
  readonly kind: 'alerts';
  readonly scenario: string;
  readonly file: string;
  readonly seed: string;
  readonly trials: number;
  readonly horizonMs: number;
  readonly rulesFile: string;
  readonly config: {
    readonly scrapeIntervalMs: number;
    readonly evaluationIntervalMs: number;
    readonly pageAfterMs: number;
    readonly families: readonly string[];
    readonly prefix: string;
    readonly job: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly isolatedTargets: string;
  };
  /** Trials with a safety violation (the alert figures still count them). */
  readonly violations: number;
  /** Measured span over all trials, cluster-days. */
  readonly exposureDays: number;
  readonly rules: readonly RuleSummary[];
  /** When promtool checked the built-in evaluator (--promtool). */
  readonly promtool?: { readonly trials: readonly number[]; readonly agreed: boolean; readonly version: string };
}

export interface RunAlertsOptions {
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export async function scoreTrials(s: ResolvedScenario, config: AlertsConfig, rules: readonly AlertRule[], o: RunAlertsOptions = {}): Promise<ScoredTrial[]> {
  const trials = range(s.trials);
  const workers = Math.max(1, Math.min(o.workers ?? defaultWorkers(), trials.length));
  const size = Math.max(1, Math.min(16, Math.ceil(trials.length / (workers * 4))));
  const batches: number[][] = [];
  for (let i = 0; i < trials.length; i += size) batches.push(trials.slice(i, i + size));
  const out: ScoredTrial[][] = [];
  let done = 0;
  await runBatches<AlertBatch, ScoredTrial[]>(batches.map((b) => ({ scenario: s, config, rules, trials: b })), {
    workerUrl: new URL('./worker.js', import.meta.url),
    exportName: 'scoreBatch',
    local: scoreBatch,
    workers,
    onDone: (i, scored) => {
      out[i] = scored;
      done += batches[i].length;
      o.onProgress?.(done, trials.length);
    },
  });
  return out.flat();
}

export function alertsResult(s: ResolvedScenario, config: AlertsConfig, rules: RulesFile, scored: readonly ScoredTrial[]): AlertsResult {
  const scores = scored.map((x) => x.score);
  return {
    kind: 'alerts',
    scenario: s.name,
    file: displayPath(s.file),
    seed: s.seed,
    trials: s.trials,
    horizonMs: s.horizonUs / 1000,
    rulesFile: rules.file,
    config: {
      scrapeIntervalMs: config.scrapeIntervalMs,
      evaluationIntervalMs: config.evaluationIntervalMs,
      pageAfterMs: config.pageAfterMs,
      families: config.families,
      prefix: config.prefix,
      job: config.job,
      labels: config.labels,
      isolatedTargets: config.isolatedTargets,
    },
    violations: scored.filter((x) => x.violation).length,
    exposureDays: scores.reduce((a, x) => a + x.exposureMs, 0) / 86_400_000,
    rules: summarizeRules(rules.rules, scores),
  };
}
