// Tooltip text for a configuration (heatmap cells, table rows): plain text,
// one fact per line; the page script puts it in the tooltip with textContent.
import { fmtNum, fmtPct, fmtQuantile, fmtMs } from './format.js';
import type { ReportConfig } from './model.js';
import type { ConfigResult } from '../verdict/result.js';
import { verdictText } from './verdict.js';
import { formatInterval } from '../stats/quantile-ci.js';

/** The same verdicts as the terminal's sweep table (cli/format-run.ts): every goal missed, or "ok". */
export function verdict(r: ConfigResult): string {
  return verdictText(r);
}

export function configTip(c: ReportConfig, recommended: boolean): string {
  const m = c.result.metrics;
  const t = m.timeToLeaderMs;
  const lines = [
    `${recommended ? '★ recommended\n' : ''}${c.label}`,
    `time to leader: p50 ${fmtQuantile(t.p50, t.censored, t.n)}, p99 ${fmtQuantile(t.p99, t.censored, t.n)}${t.quantileCi95 ? ` ${formatInterval(t.quantileCi95.p99, fmtNum)}` : ''}, max ${fmtMs(t.max)}`,
    `censored (no leader by the horizon): ${t.censored} of ${t.n}`,
    `leaderless per trial: p99 ${fmtQuantile(m.leaderlessMs.p99, m.leaderlessMs.censored, m.leaderlessMs.n)}`,
    `spurious elections: ${fmtNum(m.spuriousElectionsPerHour)} per hour${m.spuriousElections ? ` [${fmtNum(m.spuriousElections.ci95[0])}, ${m.spuriousElections.ci95[1] === null ? '—' : fmtNum(m.spuriousElections.ci95[1])}] over ${fmtNum(m.spuriousElections.hours)} h` : ''}`,
    `split votes: ${fmtNum(m.splitVotesPerTrial)} per trial`,
    `write availability: ${fmtPct(m.writeAvailability)}`,
    `verdict: ${verdict(c.result)}`,
  ];
  return lines.join('\n');
}
