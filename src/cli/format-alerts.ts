// Human-readable output of `raftsim alerts`: per alert, the fault occurrences
// it paged for (and should have), detection delay and time to resolve with
// 95% intervals, and false pages per cluster-day with an upper bound.
import { fitTable } from './table.js';
import { proseColumns, terminalColumns, wrapWords } from './width.js';
import { formatDuration } from '../format/duration.js';
import type { AlertsResult } from '../alerts/run-alerts.js';
import type { DelayStats, RuleSummary } from '../alerts/aggregate.js';

function s(ms: number | null): string {
  if (ms === null) return '—';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
}

/** A quantile with its interval: "45.0 s [40.0 s, 52.0 s]"; an end the data cannot bound is "—", as in run and sweep. */
function withInterval(d: DelayStats, i: number): string {
  const q = [d.summary.p50, d.summary.p90, d.summary.p99][i];
  const iv = d.intervals[i];
  const point = q === null ? (d.n === 0 ? '—' : 'not reached') : s(q);
  if (d.n === 0) return point;
  return `${point} [${iv.lo === null ? '—' : s(iv.lo)}, ${iv.hi === null ? '—' : s(iv.hi)}]`;
}

export function perDay(x: number | null): string {
  if (x === null) return '—';
  return x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toPrecision(2);
}

function ruleBlock(r: RuleSummary, width: number): string {
  const f = r.faults;
  const prose = proseColumns(width);
  const say = (text: string) => wrapWords(text, prose, '    ', '  ');
  // The expression stays whole on its own line, to be copied.
  const lines = [wrapWords(`${r.name} (for ${formatDuration(r.forMs * 1000)}, line ${r.line}):`, prose, '  '), `  ${r.expr}`];
  if (f.occurrences > 0) {
    lines.push(
      say(
        `fault occurrences: ${f.occurrences}. ${f.shouldPage} should page: ${f.pagedWhenShould} paged, ${f.shouldPage - f.pagedWhenShould} missed. ` +
          `${f.shouldNotPage} should not: ${f.pagedWhenShouldNot} paged`,
      ),
    );
  }
  const i = r.incidents;
  lines.push(say(`incidents (leaderless ≥ page-after): ${i.n}; detected ${i.detected}, missed ${i.missed}, still leaderless at the horizon ${i.censored}`));
  if (i.n > 0) {
    const header = ['', 'n', 'p50 [95% CI]', 'p90 [95% CI]', 'p99 [95% CI]', 'not reached'];
    const rows = [
      ['detection delay', String(r.detectionDelay.n), withInterval(r.detectionDelay, 0), withInterval(r.detectionDelay, 1), withInterval(r.detectionDelay, 2), String(i.missed + i.censored)],
      ['time to resolve', String(r.timeToResolve.n), withInterval(r.timeToResolve, 0), withInterval(r.timeToResolve, 1), withInterval(r.timeToResolve, 2), String(r.timeToResolve.censored)],
    ];
    lines.push(
      fitTable(header, rows, (c) => c > 0, { width: width - 2, records: 1 }).text
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    );
  }
  const fp = r.falsePages;
  lines.push(say(`false pages: ${fp.count} in ${fp.exposureDays.toPrecision(3)} cluster-days = ${perDay(fp.perDay)}/day (95% upper bound ${perDay(fp.upper95PerDay)}/day); ${r.pages} page${r.pages === 1 ? '' : 's'} in all`));
  return lines.join('\n');
}

export function formatAlerts(r: AlertsResult, width = terminalColumns()): string {
  const c = r.config;
  const prose = proseColumns(width);
  const head = [
    `${r.scenario} — ${r.trials} trials × ${formatDuration(r.horizonMs * 1000)}, seed ${r.seed}; rules ${r.rulesFile}`,
    `simulated Prometheus: scrape every ${formatDuration(c.scrapeIntervalMs * 1000)} (per-target offsets), rules every ${formatDuration(c.evaluationIntervalMs * 1000)}; ` +
      `a leaderless stretch of ${formatDuration(c.pageAfterMs * 1000)} or more should page; measured ${r.exposureDays.toPrecision(3)} cluster-days`,
  ];
  if (r.violations > 0) head.push(`SAFETY: ${r.violations} trial(s) violated a safety invariant (raftsim run ${r.scenario} shows them)`);
  const body = r.rules.map((rule) => ruleBlock(rule, width));
  const tail: string[] = [];
  if (r.promtool !== undefined) {
    tail.push(
      r.promtool.agreed
        ? `promtool (${r.promtool.version}) agrees with the built-in evaluator on trials ${r.promtool.trials.join(', ')}`
        : `promtool DISAGREES with the built-in evaluator (details above on stderr)`,
    );
  } else tail.push('evaluated by the built-in PromQL evaluator (--promtool cross-checks it with the real promtool)');
  return [...head.map((l) => wrapWords(l, prose, '  ')), '', ...body.flatMap((b) => [b, '']), ...tail.map((l) => wrapWords(l, prose, '  '))].join('\n');
}
