// Tooltip text for a configuration (heatmap cells, table rows): plain text,
// one fact per line; the page script puts it in the tooltip with textContent.
import { fmtNum, fmtPct, fmtQuantile, fmtMs } from './format.js';
import type { ReportConfig } from './model.js';
import type { ConfigResult } from '../scenarios/result.js';

/** The same verdicts as the terminal's sweep table (cli/format-run.ts). */
export function verdict(r: ConfigResult): 'safety violated' | 'expectation failed' | 'no leader in some trials' | 'ok' {
  if (r.violations.length > 0) return 'safety violated';
  if (r.expectations.some((e) => !e.pass)) return 'expectation failed';
  if (r.metrics.timeToLeaderMs.censored > 0) return 'no leader in some trials';
  return 'ok';
}

export function configTip(c: ReportConfig, recommended: boolean): string {
  const m = c.result.metrics;
  const t = m.timeToLeaderMs;
  const lines = [
    `${recommended ? '★ recommended\n' : ''}${c.label}`,
    `time to leader: p50 ${fmtQuantile(t.p50, t.censored, t.n)}, p99 ${fmtQuantile(t.p99, t.censored, t.n)}, max ${fmtMs(t.max)}`,
    `censored (no leader by the horizon): ${t.censored} of ${t.n}`,
    `leaderless per trial: p99 ${fmtQuantile(m.leaderlessMs.p99, m.leaderlessMs.censored, m.leaderlessMs.n)}`,
    `spurious elections: ${fmtNum(m.spuriousElectionsPerHour)} per hour`,
    `split votes: ${fmtNum(m.splitVotesPerTrial)} per trial`,
    `write availability: ${fmtPct(m.writeAvailability)}`,
    `verdict: ${verdict(c.result)}`,
  ];
  return lines.join('\n');
}
