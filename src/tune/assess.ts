// Goal checks for one candidate from its evidence, each at the stated
// confidence (one-sided): a goal is met when the upper confidence bound is
// within it, missed when the lower confidence bound is beyond it, and
// undecided otherwise. Failover: the quantile of time to a stable leader,
// bounded by order statistics (src/stats/quantile-ci.ts), censored trials
// counted as beyond the horizon. Spurious elections: exact Poisson bounds from
// the simulated exposure (src/stats/poisson.ts).
import { boundValue, quantileInterval, quantileOneSided, sortedWithCensored, type Bound } from '../stats/quantile-ci.js';
import { rateLower, rateUpper } from '../stats/poisson.js';
import type { Evidence, Family, Goals } from './types.js';
import { fmt } from './format.js';

export type Verdict = 'met' | 'missed' | 'undecided';

export interface FailoverCheck {
  readonly family: Family;
  readonly n: number;
  readonly censored: number;
  /** The quantile's point estimate (ms; null when it lies among censored values). */
  readonly estimateMs: number | null;
  /** Two-sided interval at the goal's confidence, ms. */
  readonly ciMs: readonly [Bound, Bound];
  /** One-sided bounds at the goal's confidence, ms. */
  readonly lowerMs: Bound;
  readonly upperMs: Bound;
  readonly verdict: Verdict;
}

export interface SpuriousCheck {
  readonly events: number;
  readonly hours: number;
  readonly perHour: number;
  /** One-sided bounds at the goal's confidence, per hour (upper null without exposure). */
  readonly lowerPerHour: number;
  readonly upperPerHour: number | null;
  readonly verdict: Verdict;
}

export interface Assessment {
  readonly failover: readonly FailoverCheck[];
  readonly spurious: SpuriousCheck;
  readonly violations: number;
  readonly verdict: Verdict;
  /** What the ranking compares: the slowest family's quantile (point, and one-sided bounds), ms; Infinity when unbounded. */
  readonly rank: { readonly estimate: number; readonly lower: number; readonly upper: number };
  /** Goals missed, in words ("spurious elections ≥ 2.1 per cluster-month"). */
  readonly missed: readonly string[];
}

export function assess(e: Evidence, families: readonly Family[], g: Goals): Assessment {
  const failover = families.map((f) => failoverCheck(f, e.failover[f] ?? [], g));
  const spurious = spuriousCheck(e, g);
  const verdicts = [...failover.map((f) => f.verdict), spurious.verdict, e.violations > 0 ? 'missed' : 'met'];
  const verdict: Verdict = verdicts.includes('missed') ? 'missed' : verdicts.includes('undecided') ? 'undecided' : 'met';
  const missed: string[] = [];
  if (e.violations > 0) missed.push(`safety violated in ${e.violations} trial(s)`);
  for (const f of failover) if (f.verdict === 'missed') missed.push(`${familyWords(f.family)}: ${quantileName(g.quantile)} ≥ ${boundText(f.lowerMs)} ms > ${fmt(g.failoverMs)} ms`);
  if (spurious.verdict === 'missed') missed.push(`spurious elections ≥ ${perUnit(spurious.lowerPerHour, g)} per cluster-${g.spurious.per} > ${g.spurious.atMost}`);
  const rank = {
    estimate: Math.max(...failover.map((f) => f.estimateMs ?? Infinity)),
    lower: Math.max(...failover.map((f) => boundValue(f.lowerMs))),
    upper: Math.max(...failover.map((f) => boundValue(f.upperMs))),
  };
  return { failover, spurious, violations: e.violations, verdict, rank, missed };
}

function failoverCheck(family: Family, valuesUs: readonly (number | null)[], g: Goals): FailoverCheck {
  const sorted = sortedWithCensored(valuesUs.map((v) => (v === null ? null : v / 1000)));
  const n = sorted.length;
  const one = n === 0 ? { low: 0 as Bound, high: null as Bound } : quantileOneSided(sorted, g.quantile, g.confidence);
  const ci = n === 0 ? ([0, null] as [Bound, Bound]) : quantileInterval(sorted, g.quantile, 1 - 2 * (1 - g.confidence));
  const lower = boundValue(one.low === null ? 0 : one.low);
  const upper = boundValue(one.high);
  const verdict: Verdict = n > 0 && upper <= g.failoverMs ? 'met' : lower > g.failoverMs ? 'missed' : 'undecided';
  const est = n === 0 ? null : typeQuantile(sorted, g.quantile);
  return { family, n, censored: sorted.filter((v) => !Number.isFinite(v)).length, estimateMs: est, ciMs: ci, lowerMs: one.low, upperMs: one.high, verdict };
}

/** The same point estimate as the summaries (type 7), null among censored values. */
function typeQuantile(sorted: readonly number[], p: number): number | null {
  const i = p * (sorted.length - 1);
  const i0 = Math.floor(i);
  const x0 = sorted[i0];
  const x1 = sorted[Math.min(i0 + 1, sorted.length - 1)];
  const v = i === i0 ? x0 : Number.isFinite(x0) && Number.isFinite(x1) ? x0 + (x1 - x0) * (i - i0) : Infinity;
  return Number.isFinite(v) ? Math.round(v * 1000) / 1000 : null;
}

function spuriousCheck(e: Evidence, g: Goals): SpuriousCheck {
  const upper = rateUpper(e.spurious, e.hours, g.confidence);
  const lower = rateLower(e.spurious, e.hours, g.confidence);
  const verdict: Verdict = upper !== null && upper <= g.spuriousPerHour ? 'met' : lower > g.spuriousPerHour ? 'missed' : 'undecided';
  return { events: e.spurious, hours: e.hours, perHour: e.hours > 0 ? e.spurious / e.hours : 0, lowerPerHour: lower, upperPerHour: upper, verdict };
}

export function perUnit(perHour: number, g: Goals): string {
  return fmt(perHour * (g.spurious.per === 'day' ? 24 : 720));
}

export function quantileName(q: number): string {
  return `p${String(Math.round(q * 1000) / 10).replace(/\.0$/, '')}`;
}

export function familyWords(f: Family): string {
  return f === 'crash' ? 'after a leader crash' : 'after a partial partition';
}

function boundText(b: Bound): string {
  return b === null ? '—' : typeof b === 'string' ? b : fmt(b);
}
