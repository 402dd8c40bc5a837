// The alert section of a report (raftsim alerts --html): per alert, what it
// paged for, the CDF of detection delay (missed and still-open incidents shown
// as never reached, never dropped), quantiles with 95% intervals, and the
// false-page rate with its Poisson upper bound over the simulated exposure.
import { html, join, type SafeHtml } from './html.js';
import { cdfChart, type CdfSeries } from './cdf.js';
import { seriesStyle } from './colors.js';
import { formatDuration } from '../format/duration.js';
import type { AlertsResult } from '../alerts/run-alerts.js';
import type { DelayStats, RuleSummary } from '../alerts/aggregate.js';

function sec(ms: number | null): string {
  return ms === null ? '—' : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function quantileCell(d: DelayStats, i: number): SafeHtml {
  if (d.n === 0) return html`<td>—</td>`;
  const q = [d.summary.p50, d.summary.p90, d.summary.p99][i];
  const iv = d.intervals[i];
  return html`<td>${q === null ? 'not reached' : sec(q)} <span class="ci">[${iv.lo === null ? '?' : sec(iv.lo)}, ${iv.hi === null ? '> data' : sec(iv.hi)}]</span></td>`;
}

function rate(x: number | null): string {
  if (x === null) return '—';
  return x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toPrecision(2);
}

function ruleRow(r: RuleSummary): SafeHtml {
  const f = r.faults;
  const i = r.incidents;
  return html`<tr data-alert="${r.name}">
<th scope="row"><code>${r.name}</code><br><small>for ${formatDuration(r.forMs * 1000)}</small></th>
<td>${f.pagedWhenShould} / ${f.shouldPage}</td>
<td>${f.pagedWhenShouldNot} / ${f.shouldNotPage}</td>
<td>${i.detected} / ${i.n}${i.missed + i.censored > 0 ? html` <small>(${i.missed} missed, ${i.censored} open)</small>` : ''}</td>
${quantileCell(r.detectionDelay, 0)}${quantileCell(r.detectionDelay, 2)}${quantileCell(r.timeToResolve, 0)}
<td data-field="false-pages">${r.falsePages.count} → ${rate(r.falsePages.perDay)}/day <span class="ci">(≤ ${rate(r.falsePages.upper95PerDay)}/day, 95%)</span></td>
</tr>`;
}

export function alertSection(r: AlertsResult): SafeHtml {
  const c = r.config;
  const series: CdfSeries[] = r.rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => rule.incidents.detected > 0)
    .map(({ rule, index }) => ({
      index,
      label: rule.name,
      ...seriesStyle(index),
      values: rule.detectionDelay.valuesMs,
      trials: rule.detectionDelay.trials,
      summary: rule.detectionDelay.summary,
      emphasis: index === 0,
    }));
  return html`<section class="alerts" id="alerts">
<h2>Alerts: will they page, how late, how often for nothing?</h2>
<p>Rules <code>${r.rulesFile}</code> evaluated every ${formatDuration(c.evaluationIntervalMs * 1000)} over series scraped every ${formatDuration(c.scrapeIntervalMs * 1000)} (each node at its own offset; a down or paused node's scrape fails and its series go stale). An <strong>incident</strong> is a leaderless stretch of at least ${formatDuration(c.pageAfterMs * 1000)}; a <strong>false page</strong> is one that no incident explains. ${r.trials} trials, ${r.exposureDays.toPrecision(3)} cluster-days measured.</p>
<div class="table-wrap"><table class="alerts-table">
<thead><tr><th>alert</th><th>paged when it should (faults)</th><th>paged when it should not</th><th>incidents detected</th><th>detection p50 [95% CI]</th><th>detection p99 [95% CI]</th><th>resolve p50 [95% CI]</th><th>false pages per cluster-day</th></tr></thead>
<tbody>${join(r.rules.map(ruleRow))}</tbody>
</table></div>
${series.length > 0 ? html`<figure class="chart">${cdfChart(series, { scale: 'linear', metric: 'detection delay', unitOf: 'incidents', markEach: true, censoredLabel: 'never paged' })}<figcaption>Detection delay: from the start of each leaderless stretch of ${formatDuration(c.pageAfterMs * 1000)} or more to the alert firing. Incidents the alert missed, or that were still open at the horizon, never reach 100%.</figcaption></figure>` : html`<p>No incident in these trials: detection delay has no observations.</p>`}
${r.promtool ? html`<p data-field="promtool">${r.promtool.agreed ? `promtool (${r.promtool.version}) agreed with the built-in evaluator on trials ${r.promtool.trials.join(', ')}.` : 'promtool DISAGREED with the built-in evaluator.'}</p>` : ''}
</section>`;
}
