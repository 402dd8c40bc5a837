// Summaries over the trials of one configuration: the `metrics` object of the
// --json contract (docs/json.md). Duration metrics are DurationSummary objects
// in milliseconds; counts and rates carry their unit in their name.
import { summarizeDurations, round3, type DurationSummary } from './summary.js';
import { formatUs } from '../sim/time.js';
import type { TrialMetrics } from './derive.js';
import type { SafetyViolation } from '../invariants/safety.js';
import { rateEstimate } from '../stats/poisson.js';

/** What a worker sends back per trial (no histories: those are re-run on demand). */
export interface TrialSummary {
  readonly trial: number;
  readonly metrics: TrialMetrics;
  readonly violation: SafetyViolation | null;
  readonly events: number;
  readonly hash: string;
}

export interface Metrics {
  readonly timeToLeaderMs: DurationSummary;
  readonly timeToLeaderHeardMs: DurationSummary;
  readonly timeToStableLeaderMs: DurationSummary;
  /** Until the new leader's term has a committed entry (its no-op): needs no clients. */
  readonly timeToLeaderCommitMs: DurationSummary;
  readonly timeToWriteMs: DurationSummary;
  /** Fault occurrences after which the leader was kept (no new term needed). */
  readonly leaderKeptFraction: number | null;
  /** Total leaderless time per trial (after warm-up). */
  readonly leaderlessMs: DurationSummary;
  readonly commitLatencyMs: DurationSummary;
  readonly deposedLeaderMs: DurationSummary;
  /** Per trial whose faults all healed: from the last heal until one effective leader and a write committed (recovery.ts). */
  readonly recoveryMs: DurationSummary;
  readonly electionsPerTrial: number;
  readonly splitVotesPerTrial: number;
  readonly leaderChangesPerTrial: number;
  readonly termInflationPerTrial: number;
  readonly spuriousElectionsPerHour: number;
  /** The count behind spuriousElectionsPerHour, its exposure and exact Poisson bounds (absent in results saved before it existed). */
  readonly spuriousElections?: RateSummary;
  /** Writes acknowledged within the client timeout / writes submitted (null without a workload). */
  readonly writeAvailability: number | null;
  /** Mean alerts fired per trial, keyed by threshold ("30s", "1min"). */
  readonly alertsFiredPerTrial: Readonly<Record<string, number>>;
  /** Trials in which each alert fired at least once. */
  readonly trialsWithAlert: Readonly<Record<string, number>>;
  readonly safety: 'ok' | 'violated';
  readonly safetyViolations: number;
  readonly measuredHours: number;
  readonly eventsPerTrial: number;
}

/** Per trial, the values (µs; null = censored) each duration metric summarises. check's worst-trial search reads the same table. */
export const DURATION_SAMPLES = {
  timeToLeaderMs: (m: TrialMetrics) => m.faults.map((f) => f.leaderUs),
  timeToLeaderHeardMs: (m: TrialMetrics) => m.faults.map((f) => f.heardUs),
  timeToStableLeaderMs: (m: TrialMetrics) => m.faults.map((f) => f.stableUs),
  timeToLeaderCommitMs: (m: TrialMetrics) => m.faults.map((f) => f.leaderCommitUs),
  timeToWriteMs: (m: TrialMetrics) => m.faults.map((f) => f.writeUs),
  leaderlessMs: (m: TrialMetrics) => [m.leaderlessUs],
  commitLatencyMs: (m: TrialMetrics) => m.commitLatencyUs,
  deposedLeaderMs: (m: TrialMetrics) => m.deposedLeaderUs,
  recoveryMs: (m: TrialMetrics) => (m.recovery ? [m.recovery.afterUs] : []),
} as const satisfies Readonly<Record<string, (m: TrialMetrics) => readonly (number | null)[]>>;

/** A rate with its evidence: events over simulated hours, a two-sided 95% interval and a one-sided 95% upper bound (per hour). */
export interface RateSummary {
  readonly events: number;
  readonly hours: number;
  readonly perHour: number;
  readonly ci95: readonly [number, number | null];
  readonly upper95: number | null;
}

export function rateSummary(events: number, hours: number): RateSummary {
  const r = rateEstimate(events, hours, 0.95);
  const hi = r.ci[1];
  return { events, hours: round3(hours), perHour: round3(r.perHour), ci95: [round3(r.ci[0]), hi === null ? null : round3(hi)], upper95: r.upper === null ? null : round3(r.upper) };
}

export function aggregate(trials: readonly TrialSummary[], alertThresholdsUs: readonly number[]): Metrics {
  const ms = trials.map((t) => t.metrics);
  const faults = ms.flatMap((m) => m.faults);
  const per = (f: (m: TrialMetrics) => number) => (ms.length === 0 ? 0 : round3(ms.reduce((a, m) => a + f(m), 0) / ms.length));
  const hours = ms.reduce((a, m) => a + m.measuredUs, 0) / 3.6e9;
  const counted = ms.reduce((a, m) => a + m.writesCounted, 0);
  const over = (key: keyof typeof DURATION_SAMPLES) => summarizeDurations(ms.flatMap(DURATION_SAMPLES[key]));
  const alertKeys = alertThresholdsUs.map((t) => formatUs(t));
  return {
    timeToLeaderMs: over('timeToLeaderMs'),
    timeToLeaderHeardMs: over('timeToLeaderHeardMs'),
    timeToStableLeaderMs: over('timeToStableLeaderMs'),
    timeToLeaderCommitMs: over('timeToLeaderCommitMs'),
    timeToWriteMs: counted > 0 || faults.some((f) => f.writeUs !== null) ? over('timeToWriteMs') : summarizeDurations([]),
    leaderKeptFraction: faults.length === 0 ? null : round3(faults.filter((f) => f.kept).length / faults.length),
    leaderlessMs: over('leaderlessMs'),
    commitLatencyMs: over('commitLatencyMs'),
    deposedLeaderMs: over('deposedLeaderMs'),
    recoveryMs: over('recoveryMs'),
    electionsPerTrial: per((m) => m.elections),
    splitVotesPerTrial: per((m) => m.splitVotes),
    leaderChangesPerTrial: per((m) => m.leaderChanges),
    termInflationPerTrial: per((m) => m.termInflation),
    spuriousElectionsPerHour: hours > 0 ? round3(ms.reduce((a, m) => a + m.spuriousElections, 0) / hours) : 0,
    spuriousElections: rateSummary(ms.reduce((a, m) => a + m.spuriousElections, 0), hours),
    writeAvailability: counted > 0 ? round3(ms.reduce((a, m) => a + m.writesAckedInTime, 0) / counted) : null,
    alertsFiredPerTrial: Object.fromEntries(alertKeys.map((k, i) => [k, per((m) => m.alertsFired[i])])),
    trialsWithAlert: Object.fromEntries(alertKeys.map((k, i) => [k, ms.filter((m) => m.alertsFired[i] > 0).length])),
    safety: trials.some((t) => t.violation !== null) ? 'violated' : 'ok',
    safetyViolations: trials.filter((t) => t.violation !== null).length,
    measuredHours: round3(hours),
    eventsPerTrial: trials.length === 0 ? 0 : Math.round(trials.reduce((a, t) => a + t.events, 0) / trials.length),
  };
}
