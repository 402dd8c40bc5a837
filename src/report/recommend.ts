// Which configuration of a sweep to recommend, under a rule the report states
// word for word. Failover speed matters only among configurations that leave a
// healthy cluster alone: a config that holds needless elections trades a
// faster failover for outages nobody asked for.
import type { ConfigResult } from '../verdict/result.js';
import type { DurationSummary } from '../metrics/summary.js';

export const RECOMMENDATION_RULE =
  'Among configurations with no safety violation and zero spurious elections (no needless election while the leader was healthy), ' +
  'the one with the lowest p99 time to leader (a p99 beyond the horizon ranks last, fewer censored trials first); ' +
  'ties go to the lower p50, then the lower max, then the earlier configuration in sweep order. ' +
  'Scenarios without a fault rank by leaderless time per trial instead of time to leader.';

export const FALLBACK_RULE =
  'No configuration had zero spurious elections, so the one with the fewest spurious elections per hour was taken, ' +
  'then the same order by p99 time to leader.';

export interface Recommendation {
  /** Index into the sweep's results. */
  readonly index: number;
  readonly rule: string;
  /** Set when no configuration met the rule's first condition, saying what was done instead. */
  readonly fallback: string | null;
  /** Configurations that met the rule's conditions. */
  readonly eligible: number;
}

/** Whether a configuration meets the rule's conditions: safe, and no needless elections. */
export function isEligible(r: ConfigResult): boolean {
  return r.violations.length === 0 && r.metrics.safety !== 'violated' && r.metrics.spuriousElectionsPerHour === 0;
}

/** The recommended configuration, or null when there is none (no results, or every one violated safety). */
export function recommend(results: readonly ConfigResult[]): Recommendation | null {
  const safe = results.map((r, index) => ({ r, index })).filter(({ r }) => r.violations.length === 0 && r.metrics.safety !== 'violated');
  if (safe.length === 0) return null;
  const quiet = safe.filter(({ r }) => isEligible(r));
  if (quiet.length > 0) {
    const best = [...quiet].sort((a, b) => compareFailover(a.r, b.r) || a.index - b.index)[0];
    return { index: best.index, rule: RECOMMENDATION_RULE, fallback: null, eligible: quiet.length };
  }
  const best = [...safe].sort((a, b) => a.r.metrics.spuriousElectionsPerHour - b.r.metrics.spuriousElectionsPerHour || compareFailover(a.r, b.r) || a.index - b.index)[0];
  return { index: best.index, rule: RECOMMENDATION_RULE, fallback: FALLBACK_RULE, eligible: 0 };
}

/** The summary the rule ranks by: time to leader, or leaderless time when there were no faults. */
export function rankedSummary(r: ConfigResult): DurationSummary {
  return r.metrics.timeToLeaderMs.n > 0 ? r.metrics.timeToLeaderMs : r.metrics.leaderlessMs;
}

const orInf = (x: number | null) => (x === null ? Infinity : x);

/** Negative when a fails over better than b. */
export function compareFailover(a: ConfigResult, b: ConfigResult): number {
  const x = rankedSummary(a);
  const y = rankedSummary(b);
  return (
    cmp(orInf(x.p99), orInf(y.p99)) ||
    cmp(x.censored, y.censored) ||
    cmp(orInf(x.p50), orInf(y.p50)) ||
    cmp(orInf(x.max), orInf(y.max))
  );
}

function cmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
