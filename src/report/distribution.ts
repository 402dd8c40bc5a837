// The distribution section: CDFs of time to leader (linear and log x), their
// legend, and the histogram of the focus configuration.
import { html, type SafeHtml } from './html.js';
import { cdfChart, linearClipMs, type CdfSeries } from './cdf.js';
import { fmtNum } from './format.js';
import { histogramChart } from './histogram.js';
import { seriesLegend } from './legend.js';
import { primaryMetric, type ReportConfig, type ReportModel } from './model.js';

export function seriesOf(m: ReportModel): CdfSeries[] {
  return m.configs.map((c: ReportConfig) => {
    const p = primaryMetric(c.result);
    return { index: c.index, label: c.label, color: c.color, dash: c.dash, values: p.values, trials: p.trials, summary: p.summary, emphasis: c === m.focus };
  });
}

export function distributionSection(m: ReportModel): SafeHtml {
  if (m.configs.length === 0) return html``;
  const p = primaryMetric(m.configs[0].result);
  const series = seriesOf(m);
  if (m.configs.every((c) => c.result.samples === undefined)) return html`<section id="distribution"><h2>Distribution of ${p.title}</h2><p class="callout">This result has no samples (it was saved by an older raftsim); re-run it to plot distributions.</p></section>`;
  if (series.every((s) => s.values.length === 0)) return html`<section id="distribution"><h2>Distribution of ${p.title}</h2><p class="note">Nothing to plot: no fault occurrence or trial was measured.</p></section>`;
  const opts = { metric: p.title, unitOf: p.unitOf, markEach: series.length <= 6 };
  const focus = series.find((s) => s.emphasis);
  const censored = series.reduce((a, s) => a + s.values.filter((v) => v === null).length, 0);
  const clip = linearClipMs(series);
  const beyond = clip === null ? 0 : series.reduce((a, s) => a + s.values.filter((v) => v !== null && v > clip).length, 0);
  const clipNote = clip === null ? '' : ` The linear chart stops at ${fmtNum(clip, 4)} ms so the bulk of the curves stays readable: ${beyond} longer observation(s) are drawn in the strip beyond it, marked “> ${fmtNum(clip, 4)} ms”; the log chart shows them all.`;
  const what = p.key === 'timeToLeaderMs' ? 'from each fault until a node leads a newer term' : 'total time without an effective leader, per trial (the scenario has no faults)';
  return html`<section id="distribution"><h2>Distribution of ${p.title}</h2>
<p class="note">${p.title[0].toUpperCase() + p.title.slice(1)}: ${what}. One point per ${p.unitOf === 'trials' ? 'trial' : 'fault occurrence'}; hover for its value and trial. ${m.kind === 'sweep' ? 'Each curve crosses the dotted p50 and p99 guides at its own p50 and p99; the recommended configuration is drawn bold with its p50 and p99 marked on the axis.' : 'The dashed lines mark p50 and p99.'} ${censored > 0 ? `${censored} observation(s) had no leader by the horizon: they are drawn in the hatched band on the right, not dropped.` : 'No observation was censored.'}${clipNote}</p>
<div class="charts-2">
<figure><figcaption>CDF, linear time axis</figcaption>${cdfChart(series, { ...opts, scale: 'linear' })}</figure>
<figure><figcaption>CDF, log time axis (shows the tail)${series.some((s) => s.values.some((v) => v === 0)) ? ' — 0 ms (leader kept) drawn at the left edge' : ''}</figcaption>${cdfChart(series, { ...opts, scale: 'log' })}</figure>
</div>
${seriesLegend(m, series)}
${focus ? html`<figure class="histogram"><figcaption>Histogram of ${p.title}${m.kind === 'sweep' ? html` — recommended configuration: ${focus.label}` : ''} (${focus.values.length} ${p.unitOf})</figcaption>${histogramChart(focus, p.title, p.unitOf)}</figure>` : ''}
</section>`;
}
