// Per alert, over all trials: fault occurrences paged or not (and whether they
// should have been), detection delay and time to resolve (censored and missed
// incidents counted, quantiles with distribution-free intervals), and false
// pages per cluster-day with a Poisson upper bound over the simulated exposure.
import { summarizeDurations, type DurationSummary } from '../metrics/summary.js';
import { quantileInterval, rateBound, type QuantileInterval, type RateBound } from './stats.js';
import type { TrialScore } from './score.js';
import type { AlertRule } from './rules-file.js';

export interface DelayStats {
  /** Observations: every incident (or every ended, detected incident for resolve). */
  readonly n: number;
  /** ms; null = not reached (missed or censored), sorted last. Trial order. */
  readonly valuesMs: readonly (number | null)[];
  readonly trials: readonly number[];
  readonly summary: DurationSummary;
  /** 95% intervals of p50, p90 and p99 (ms). */
  readonly intervals: readonly QuantileInterval[];
}

export interface RuleSummary {
  readonly name: string;
  readonly group: string;
  readonly expr: string;
  readonly forMs: number;
  readonly line: number;
  readonly faults: {
    readonly occurrences: number;
    readonly shouldPage: number;
    readonly pagedWhenShould: number;
    readonly shouldNotPage: number;
    readonly pagedWhenShouldNot: number;
  };
  readonly incidents: { readonly n: number; readonly detected: number; readonly missed: number; readonly censored: number };
  readonly detectionDelay: DelayStats;
  readonly timeToResolve: DelayStats & { readonly censored: number };
  readonly pages: number;
  readonly falsePages: RateBound;
}

const QUANTILES = [0.5, 0.9, 0.99];
const DAY_MS = 86_400_000;

function delayStats(values: readonly (number | null)[], trials: readonly number[]): DelayStats {
  return {
    n: values.length,
    valuesMs: values,
    trials,
    summary: summarizeDurations(values.map((v) => (v === null ? null : Math.round(v * 1000)))),
    intervals: QUANTILES.map((p) => quantileInterval(values, p)),
  };
}

export function summarizeRules(rules: readonly AlertRule[], scores: readonly TrialScore[]): RuleSummary[] {
  const exposureDays = scores.reduce((a, s) => a + s.exposureMs, 0) / DAY_MS;
  return rules.map((rule, i) => {
    const per = scores.map((s) => ({ trial: s.trial, r: s.rules[i] }));
    const faults = per.flatMap((p) => p.r.faults);
    const incidents = per.flatMap((p) => p.r.incidents.map((x) => ({ trial: p.trial, x })));
    const ended = incidents.filter((i) => !i.x.open && i.x.detectedMs !== null);
    return {
      name: rule.name,
      group: rule.group,
      expr: rule.exprText,
      forMs: rule.forMs,
      line: rule.line,
      faults: {
        occurrences: faults.length,
        shouldPage: faults.filter((f) => f.shouldPage).length,
        pagedWhenShould: faults.filter((f) => f.shouldPage && f.paged).length,
        shouldNotPage: faults.filter((f) => !f.shouldPage).length,
        pagedWhenShouldNot: faults.filter((f) => !f.shouldPage && f.paged).length,
      },
      incidents: {
        n: incidents.length,
        detected: incidents.filter((i) => i.x.detectedMs !== null).length,
        missed: incidents.filter((i) => i.x.detectedMs === null && !i.x.open).length,
        censored: incidents.filter((i) => i.x.detectedMs === null && i.x.open).length,
      },
      detectionDelay: delayStats(
        incidents.map((i) => i.x.detectedMs),
        incidents.map((i) => i.trial),
      ),
      timeToResolve: {
        ...delayStats(
          ended.map((i) => i.x.resolvedMs),
          ended.map((i) => i.trial),
        ),
        censored: ended.filter((i) => i.x.resolveCensored).length,
      },
      pages: per.reduce((a, p) => a + p.r.pages, 0),
      falsePages: rateBound(
        per.reduce((a, p) => a + p.r.falsePages, 0),
        exposureDays,
      ),
    };
  });
}
