// Every configuration of a sweep in one table, sortable by any column (click
// a header; the page script sorts by each cell's data-sort value). The
// recommended row is highlighted and starred.
import { html, join, type SafeHtml } from './html.js';
import { fmtMs, fmtNum, fmtPct, fmtQuantile, fmtValue, shortKey } from './format.js';
import { verdict } from './tips.js';
import { verdictItems } from './verdict.js';
import { distinctValues, type ReportConfig } from './model.js';
import type { DurationSummary } from '../metrics/summary.js';
import { formatInterval } from '../stats/quantile-ci.js';

interface Column {
  readonly title: string;
  readonly hint: string;
  readonly numeric: boolean;
  cell(c: ReportConfig): { text: string | SafeHtml; sort: string | number };
}

/** Censored quantiles sort after every measured value. */
const q = (s: DurationSummary, k: 'p50' | 'p99') => ({ text: fmtQuantile(s[k], s.censored, s.n), sort: s[k] ?? (s.n > 0 ? 1e15 : -1) });
const ord = (v: number | null) => v ?? -1;

/** A swept value sorts by its position in the sweep's list of values for that key. */
/** A p99 interval; sorts by its upper bound (open bounds last). */
function ciCell(s: DurationSummary): { text: string; sort: number } {
  const ci = s.quantileCi95?.p99;
  if (!ci) return { text: '—', sort: -1 };
  return { text: formatInterval(ci, fmtNum), sort: typeof ci[1] === 'number' ? ci[1] : 1e15 };
}

/** A rate interval with its exposure; sorts by its upper bound. */
function rateCi(c: ReportConfig): { text: string; sort: number } {
  const r = c.result.metrics.spuriousElections;
  if (!r) return { text: '—', sort: -1 };
  return { text: `[${fmtNum(r.ci95[0])}, ${r.ci95[1] === null ? '—' : fmtNum(r.ci95[1])}] in ${fmtNum(r.hours, 2)} h`, sort: r.ci95[1] ?? 1e15 };
}

/** The verdict as one-word badges (the full wording in each badge's title and the row's tooltip), so rows stay one line. */
function verdictCell(c: ReportConfig): { text: SafeHtml; sort: string } {
  const items = verdictItems(c.result);
  const full = verdict(c.result);
  if (items.length === 0) return { text: html`<span class="vbadge ok" title="${full}">ok</span>`, sort: full };
  return { text: html`<span class="verdict" title="${full}" data-verdict="${full}">${join(items.map((f) => html`<span class="vbadge">${f.short}</span>`))}</span>`, sort: full };
}

function valueOrder(configs: readonly ReportConfig[], key: string): (c: ReportConfig) => number {
  const seen = distinctValues(configs.map((c) => c.result), key).map((v) => JSON.stringify(v));
  return (c) => seen.indexOf(JSON.stringify(c.result.point[key]));
}

function columns(configs: readonly ReportConfig[], keys: readonly string[]): Column[] {
  const swept: Column[] = keys.map((k) => {
    const order = valueOrder(configs, k);
    return { title: shortKey(k), hint: k, numeric: false, cell: (c) => ({ text: fmtValue(c.result.point[k]), sort: order(c) }) };
  });
  return [
    { title: '#', hint: 'order in the sweep', numeric: true, cell: (c) => ({ text: String(c.index + 1), sort: c.index }) },
    ...swept,
    { title: 'ttl p50', hint: 'time to leader, median', numeric: true, cell: (c) => q(c.result.metrics.timeToLeaderMs, 'p50') },
    { title: 'ttl p99', hint: 'time to leader, 99th percentile', numeric: true, cell: (c) => q(c.result.metrics.timeToLeaderMs, 'p99') },
    { title: 'p99 95% CI', hint: 'distribution-free 95% interval of the p99 time to leader (order statistics; censored trials counted; — = too few trials to bound it)', numeric: true, cell: (c) => ciCell(c.result.metrics.timeToLeaderMs) },
    { title: 'ttl max', hint: 'time to leader, largest uncensored', numeric: true, cell: (c) => ({ text: fmtMs(c.result.metrics.timeToLeaderMs.max), sort: ord(c.result.metrics.timeToLeaderMs.max) }) },
    { title: 'censored', hint: 'fault occurrences with no new leader by the horizon', numeric: true, cell: (c) => ({ text: String(c.result.metrics.timeToLeaderMs.censored), sort: c.result.metrics.timeToLeaderMs.censored }) },
    { title: 'leaderless p99', hint: 'leaderless time per trial, 99th percentile', numeric: true, cell: (c) => q(c.result.metrics.leaderlessMs, 'p99') },
    { title: 'splits / trial', hint: 'terms nobody won, per trial', numeric: true, cell: (c) => ({ text: fmtNum(c.result.metrics.splitVotesPerTrial), sort: c.result.metrics.splitVotesPerTrial }) },
    { title: 'spurious / h', hint: 'needless elections per hour while the leader was healthy', numeric: true, cell: (c) => ({ text: fmtNum(c.result.metrics.spuriousElectionsPerHour), sort: c.result.metrics.spuriousElectionsPerHour }) },
    { title: 'spurious 95% CI', hint: 'exact Poisson 95% interval of the spurious-election rate per hour, and the simulated hours it rests on', numeric: true, cell: (c) => rateCi(c) },
    { title: 'write avail.', hint: 'writes acknowledged within the client timeout', numeric: true, cell: (c) => ({ text: fmtPct(c.result.metrics.writeAvailability), sort: ord(c.result.metrics.writeAvailability) }) },
    { title: 'verdict', hint: 'every goal missed: safety, expectations, spurious elections, censored trials', numeric: false, cell: verdictCell },
  ];
}

export function configTable(configs: readonly ReportConfig[], keys: readonly string[], recommended: number | null): SafeHtml {
  const cols = columns(configs, keys);
  const head = cols.map((c, i) => html`<th scope="col" class="${c.numeric ? 'num' : ''}" aria-sort="none"><button type="button" data-sort-col="${i}" title="${`${c.hint} — click to sort`}">${c.title}</button></th>`);
  const rows = configs.map((cfg) => {
    const isRec = cfg.index === recommended;
    const cells = cols.map((c, i) => {
      const v = c.cell(cfg);
      const star = isRec && i === 0 ? html`<span class="star" title="recommended">★</span> ` : '';
      return html`<td class="${c.numeric ? 'num' : ''}" data-sort="${v.sort}">${star}${v.text}</td>`;
    });
    const cls = [isRec ? 'rec' : '', verdict(cfg.result) !== 'ok' ? 'bad' : ''].filter(Boolean).join(' ');
    return html`<tr data-row="${cfg.index}" data-legend="${cfg.index}" class="${cls}">${join(cells)}</tr>`;
  });
  return html`<div class="table-wrap"><table class="configs sortable" data-table="configs"><thead><tr>${join(head)}</tr></thead><tbody>${join(rows)}</tbody></table></div>`;
}
