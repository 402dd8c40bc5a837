// Timelines of chosen trials (best, median, worst by time to leader, or by
// leaderless time when the scenario has no fault), for reports and replays.
// Trials are deterministic, so the chosen ones are simply run again with their
// history kept; nothing is stored for the other trials.
import { runTrial } from './trial.js';
import type { TrialSummary } from '../metrics/aggregate.js';
import type { NodeEvent, Stint, TrialHistory } from '../metrics/history.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { SafetyViolation } from '../invariants/safety.js';

export interface TrialTimeline {
  readonly label: 'best' | 'median' | 'worst';
  readonly trial: number;
  /** What the trial was ranked by, ms (null: censored). */
  readonly rankMs: number | null;
  readonly rankedBy: 'timeToLeaderMs' | 'leaderlessMs';
  readonly n: number;
  readonly endUs: number;
  /** [atUs, node, state, term] — role changes and up/paused/down. */
  readonly events: readonly (readonly [number, number, NodeEvent['state'], number])[];
  readonly stints: readonly Stint[];
  /** kind: the fault kind (faults/registry.ts); absent in results written before it was recorded. */
  readonly faults: readonly { readonly description: string; readonly kind?: string; readonly startUs: number; readonly healUs: number | null }[];
  readonly violation: SafetyViolation | null;
}

/** The trial's ranking value: its worst time to leader over its faults (censored = +∞), else its leaderless time. */
function rank(t: TrialSummary): number {
  const f = t.metrics.faults;
  if (f.length === 0) return t.metrics.leaderlessUs;
  return Math.max(...f.map((x) => (x.leaderUs === null ? Infinity : x.leaderUs)));
}

export function pickTrials(trials: readonly TrialSummary[]): { label: TrialTimeline['label']; trial: TrialSummary }[] {
  if (trials.length === 0) return [];
  const sorted = [...trials].sort((a, b) => rank(a) - rank(b) || a.trial - b.trial);
  const picks: { label: TrialTimeline['label']; trial: TrialSummary }[] = [
    { label: 'best', trial: sorted[0] },
    { label: 'median', trial: sorted[Math.floor((sorted.length - 1) / 2)] },
    { label: 'worst', trial: sorted[sorted.length - 1] },
  ];
  const seen = new Set<number>();
  return picks.filter((p) => !seen.has(p.trial.trial) && seen.add(p.trial.trial));
}

export async function collectTimelines(s: ResolvedScenario, trials: readonly TrialSummary[]): Promise<TrialTimeline[]> {
  const out: TrialTimeline[] = [];
  for (const { label, trial } of pickTrials(trials)) {
    const r = await runTrial(s, trial.trial, { keepHistory: true });
    out.push(toTimeline(label, trial, r.history!, r.violation));
  }
  return out;
}

function toTimeline(label: TrialTimeline['label'], t: TrialSummary, h: TrialHistory, violation: SafetyViolation | null): TrialTimeline {
  const r = rank(t);
  const hasFaults = t.metrics.faults.length > 0;
  return {
    label,
    trial: t.trial,
    rankMs: Number.isFinite(r) ? r / 1000 : null,
    rankedBy: hasFaults ? 'timeToLeaderMs' : 'leaderlessMs',
    n: h.n,
    endUs: h.endUs,
    events: h.events.map((e) => [e.atUs, e.node, e.state, e.term] as const),
    stints: h.stints,
    faults: h.faults.map(({ description, kind, startUs, healUs }) => ({ description, kind, startUs, healUs })),
    violation,
  };
}
