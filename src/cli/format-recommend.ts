// The sweep's recommendation in the terminal: the configuration, its figures
// with their intervals, and the rule it was chosen by (src/report/recommend.ts),
// word for word as the HTML report states it.
import { recommend, rankedSummary } from '../report/recommend.js';
import { pointLabel } from '../report/format.js';
import type { ConfigResult } from '../verdict/result.js';
import { num } from './table.js';
import { quantileCiCell, rateCell, spuriousOf } from './format-ci.js';

export function formatRecommendation(results: readonly ConfigResult[]): string[] {
  const rec = recommend(results);
  if (rec === null) return ['recommended: none (no configuration finished without a safety violation)'];
  const c = results[rec.index];
  const s = rankedSummary(c);
  const what = c.metrics.timeToLeaderMs.n > 0 ? 'time to leader' : 'leaderless time per trial';
  const p99 = s.p99 === null ? (s.censored > 0 ? '> horizon' : '—') : `${num(s.p99)} ms`;
  return [
    `recommended: ${pointLabel(c.point)} (configuration #${rec.index + 1}; ${rec.eligible} of ${results.length} met the rule's conditions)`,
    `  ${what} p99 ${p99} ${quantileCiCell(s, 'p99')}, ${s.censored} censored of ${s.n}; spurious elections ${rateCell(spuriousOf(c.metrics), c.metrics.spuriousElectionsPerHour)}`,
    `  rule: ${rec.rule}`,
    ...(rec.fallback ? [`  ${rec.fallback}`] : []),
    '  Intervals are 95%; a p99 from fewer than 368 observations has no upper bound. For a recommendation with stated confidence use `raftsim tune`.',
  ];
}
