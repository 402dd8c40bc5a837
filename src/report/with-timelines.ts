// --timelines (implied by --html): the best, median and worst trials' per-node timelines, re-run
// and added last to a result, so nothing else in it changes. A sweep gets them for its
// recommended configuration only (the rule is in recommend.ts).
import type { TrialSummary } from '../metrics/aggregate.js';
import { collectTimelines } from '../run/timelines.js';
import type { SweepPoint } from '../scenario/sweep.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { RunResult, SweepResult } from '../verdict/result.js';
import { recommend } from './recommend.js';

export async function runWithTimelines(s: ResolvedScenario, trials: readonly TrialSummary[], r: RunResult): Promise<RunResult> {
  return { ...r, timelines: await collectTimelines(s, trials) };
}

export async function sweepWithTimelines(points: readonly SweepPoint[], trials: readonly (readonly TrialSummary[])[], r: SweepResult): Promise<SweepResult> {
  const rec = recommend(r.results);
  if (rec === null) return r;
  const results = [...r.results];
  results[rec.index] = { ...results[rec.index], timelines: await collectTimelines(points[rec.index].scenario, trials[rec.index]) };
  return { ...r, results };
}
