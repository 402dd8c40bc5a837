// What an alert did in one trial, against the ground truth of the simulation:
//
// leaderless stretch  a gap between effective-leader intervals (metrics.ts: no node leads a
//                     term known by a majority it can reach), after warm-up (derive.ts).
// incident            a stretch at least pageAfter long: it should page. A stretch still open
//                     at the horizon counts once it has lasted pageAfter.
// page                a span in which at least one instance of the rule fires (instances with
//                     different labels are one page, as Alertmanager grouping by alertname
//                     would send them); pages that start before warm-up are left out.
// attributed          a page starting within [a, b + allowance] of a stretch [a, b) belongs to
//                     it, allowance = for + scrape interval + 2 × evaluation interval + the
//                     rule's longest range: the latest Prometheus could still be reacting to it.
// detection delay     first attributed page's start − the incident's start; an incident with
//                     no page is "missed" when it ended, "censored" when still open at the end.
// time to resolve     after an incident ended: until its last attributed page stopped firing
//                     (censored when still firing at the horizon).
// false page          a page not attributed to an incident (a short blip, or no outage at all).
// per fault           each measured fault occurrence: did any page start between the fault's
//                     start and its heal (the horizon if it never heals) plus the allowance,
//                     and should it have (an incident started in that window)?
import type { TrialHistory } from '../metrics/history.js';
import { warmStart, type DeriveOptions } from '../metrics/derive.js';
import { pagesOf, type RuleOutcome } from './rule-eval.js';
import type { AlertsConfig } from '../scenario/alerts-config.js';

export interface Stretch {
  readonly startMs: number;
  /** null: still leaderless at the end. */
  readonly endMs: number | null;
}

export interface IncidentScore {
  readonly startMs: number;
  readonly lengthMs: number;
  readonly open: boolean;
  /** ms from the incident's start to the first page; null when none. */
  readonly detectedMs: number | null;
  /** ms from the incident's end to its pages' end; null when not applicable or still firing. */
  readonly resolvedMs: number | null;
  /** Its pages were still firing at the horizon. */
  readonly resolveCensored: boolean;
}

export interface FaultScore {
  readonly description: string;
  readonly startMs: number;
  readonly healMs: number | null;
  readonly shouldPage: boolean;
  readonly paged: boolean;
  /** ms from the fault's start to the first page in its window; null when none. */
  readonly pagedAfterMs: number | null;
}

export interface RuleTrialScore {
  readonly incidents: readonly IncidentScore[];
  readonly faults: readonly FaultScore[];
  readonly pages: number;
  readonly falsePages: number;
  /** Pages' start times (ms), for the report. */
  readonly pageStartsMs: readonly number[];
}

export interface TrialScore {
  readonly trial: number;
  /** Measured span (after warm-up), ms. */
  readonly exposureMs: number;
  readonly rules: readonly RuleTrialScore[];
}

/** Leaderless stretches in [fromMs, endMs] from the effective-leader intervals. */
export function leaderlessStretches(h: TrialHistory, fromUs: number): Stretch[] {
  const out: Stretch[] = [];
  let lastEnd = 0;
  const push = (a: number, b: number | null) => {
    const s = Math.max(a, fromUs);
    if (b === null || b > s) out.push({ startMs: s / 1000, endMs: b === null ? null : b / 1000 });
  };
  for (const e of h.effective) {
    if (e.startUs > lastEnd) push(lastEnd, e.startUs);
    lastEnd = Math.max(lastEnd, e.endUs ?? h.endUs);
  }
  if (h.endUs > lastEnd) push(lastEnd, null);
  return out;
}

export function allowanceMs(o: RuleOutcome, cfg: AlertsConfig): number {
  return o.rule.forMs + cfg.scrapeIntervalMs + 2 * cfg.evaluationIntervalMs + o.rule.rangeMs;
}

export function scoreTrial(trial: number, h: TrialHistory, outcomes: readonly RuleOutcome[], endMs: number, cfg: AlertsConfig, derive: DeriveOptions): TrialScore {
  const warmUs = warmStart(h, derive);
  const warmMs = warmUs / 1000;
  const stretches = leaderlessStretches(h, warmUs);
  const lengthOf = (s: Stretch) => (s.endMs ?? endMs) - s.startMs;
  const isIncident = (s: Stretch) => lengthOf(s) >= cfg.pageAfterMs;
  const faults = h.faults.filter((f) => f.setup !== true);
  return {
    trial,
    exposureMs: Math.max(0, endMs - warmMs),
    rules: outcomes.map((o) => {
      const allow = allowanceMs(o, cfg);
      const pages = pagesOf(o).filter((p) => p.startMs >= warmMs);
      const owner = pages.map((p) => stretches.find((s) => s.startMs <= p.startMs && p.startMs <= (s.endMs ?? endMs) + allow) ?? null);
      const incidents = stretches.filter(isIncident).map((s): IncidentScore => {
        const mine = pages.filter((_, i) => owner[i] === s);
        const first = mine[0];
        const open = s.endMs === null;
        const last = mine[mine.length - 1];
        const stillFiring = last !== undefined && last.endMs === null;
        return {
          startMs: s.startMs,
          lengthMs: lengthOf(s),
          open,
          detectedMs: first === undefined ? null : first.startMs - s.startMs,
          resolvedMs: open || last === undefined || stillFiring ? null : Math.max(0, last.endMs! - s.endMs!),
          resolveCensored: !open && stillFiring,
        };
      });
      const falsePages = pages.filter((_, i) => owner[i] === null || !isIncident(owner[i]!)).length;
      return {
        incidents,
        faults: faults.map((f): FaultScore => {
          const startMs = f.startUs / 1000;
          const healMs = f.healUs === null ? null : f.healUs / 1000;
          const until = (healMs ?? endMs) + allow;
          const first = pages.find((p) => p.startMs >= startMs && p.startMs <= until);
          const shouldPage = stretches.some((s) => isIncident(s) && (s.endMs ?? endMs) > startMs && s.startMs <= (healMs ?? endMs) + allow);
          return { description: f.description, startMs, healMs, shouldPage, paged: first !== undefined, pagedAfterMs: first === undefined ? null : first.startMs - startMs };
        }),
        pages: pages.length,
        falsePages,
        pageStartsMs: pages.map((p) => p.startMs),
      };
    }),
  };
}
