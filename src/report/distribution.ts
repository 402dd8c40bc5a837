// The distribution section: CDFs of time to leader (linear and log x), their
// legend, the histogram of the focus configuration, and, when the first new
// leader did not always last, CDFs of time to a stable leader beside them.
import { html, type SafeHtml } from './html.js';
import { cdfChart, linearClipMs, type CdfSeries } from './cdf.js';
import { fmtNum } from './format.js';
import { histogramChart } from './histogram.js';
import { seriesLegend } from './legend.js';
import { primaryMetric, stableMetric, type PrimaryMetric, type ReportConfig, type ReportModel } from './model.js';
import { formatUs } from '../sim/time.js';

function seriesFrom(m: ReportModel, metric: (c: ReportConfig) => PrimaryMetric): CdfSeries[] {
  return m.configs.map((c: ReportConfig) => {
    const p = metric(c);
    return { index: c.index, label: c.label, color: c.color, dash: c.dash, values: p.values, trials: p.trials, summary: p.summary, emphasis: c === m.focus };
  });
}

export function seriesOf(m: ReportModel): CdfSeries[] {
  return seriesFrom(m, (c) => primaryMetric(c.result));
}

/** The linear and the log CDF of one metric, and what the linear one clipped. */
function cdfPair(series: readonly CdfSeries[], p: PrimaryMetric, prefix: string, censoredLabel?: string): { charts: SafeHtml; clipNote: string; censored: number } {
  const opts = { metric: p.title, unitOf: p.unitOf, markEach: series.length <= 6, censoredLabel };
  const censored = series.reduce((a, s) => a + s.values.filter((v) => v === null).length, 0);
  const clip = linearClipMs(series);
  const beyond = clip === null ? 0 : series.reduce((a, s) => a + s.values.filter((v) => v !== null && v > clip).length, 0);
  const clipNote = clip === null ? '' : ` The linear chart stops at ${fmtNum(clip, 4)} ms so the bulk of the curves stays readable: ${beyond} longer observation(s) are drawn in the strip beyond it, marked “> ${fmtNum(clip, 4)} ms”; the log chart shows them all.`;
  const charts = html`<div class="charts-2">
<figure><figcaption>CDF of ${p.title}, linear time axis</figcaption>${cdfChart(series, { ...opts, scale: 'linear', id: `${prefix}linear` })}</figure>
<figure><figcaption>CDF of ${p.title}, log time axis (shows the tail)${series.some((s) => s.values.some((v) => v === 0)) ? ' — 0 ms (leader kept) drawn at the left edge' : ''}</figcaption>${cdfChart(series, { ...opts, scale: 'log', id: `${prefix}log` })}</figure>
</div>`;
  return { charts, clipNote, censored };
}

export function distributionSection(m: ReportModel): SafeHtml {
  if (m.configs.length === 0) return html``;
  const p = primaryMetric(m.configs[0].result);
  const series = seriesOf(m);
  if (m.configs.every((c) => c.result.samples === undefined)) return html`<section id="distribution"><h2>Distribution of ${p.title}</h2><p class="callout">This result has no samples (it was saved by an older raftsim); re-run it to plot distributions.</p></section>`;
  if (series.every((s) => s.values.length === 0)) return html`<section id="distribution"><h2>Distribution of ${p.title}</h2><p class="note">Nothing to plot: no fault occurrence or trial was measured.</p></section>`;
  const focus = series.find((s) => s.emphasis);
  const main = cdfPair(series, p, 'cdf-');
  const what = p.key === 'timeToLeaderMs' ? 'from each fault until a node leads a newer term (the first such leader, even one deposed at once)' : 'total time without an effective leader, per trial (the scenario has no faults)';
  return html`<section id="distribution"><h2>Distribution of ${p.title}</h2>
<p class="note">${p.title[0].toUpperCase() + p.title.slice(1)}: ${what}. One point per ${p.unitOf === 'trials' ? 'trial' : 'fault occurrence'}; hover for its value and trial. ${m.kind === 'sweep' ? 'Each curve crosses the dotted p50 and p99 guides at its own p50 and p99; the recommended configuration is drawn bold with its p50 and p99 marked on the axis.' : 'The dashed lines mark p50 and p99.'} ${main.censored > 0 ? `${main.censored} observation(s) had no leader by the horizon: they are drawn in the hatched band on the right, not dropped.` : 'No observation was censored.'}${main.clipNote}</p>
${main.charts}
${seriesLegend(m, series)}
${stableBlock(m)}
${focus ? html`<figure class="histogram"><figcaption>Histogram of ${p.title}${m.kind === 'sweep' ? html` — recommended configuration: ${focus.label}` : ''} (${focus.values.length} ${p.unitOf})</figcaption>${histogramChart(focus, p.title, p.unitOf)}</figure>` : ''}
</section>`;
}

/**
 * Time to a stable leader beside time to leader: in a partial partition the first new leader
 * can be deposed at once, and the cluster is usable only once one lasts. Charted when some
 * occurrence differs; otherwise one sentence says they agree. Nothing for older results.
 */
function stableBlock(m: ReportModel): SafeHtml {
  const metrics = m.configs.map((c) => stableMetric(c.result));
  if (metrics.some((s) => s === null)) return html``;
  const stable = metrics as PrimaryMetric[];
  const first = m.configs.map((c) => c.result.samples.timeToLeaderMs);
  const differ = stable.reduce((a, s, i) => a + s.values.filter((v, k) => v !== first[i][k]).length, 0);
  const total = first.reduce((a, f) => a + f.length, 0);
  const stableFor = (m.focus ?? m.configs[0]).result.config.measure?.stableUs;
  const lasts = stableFor === undefined ? 'that then keeps leading' : `that then leads for ${formatUs(stableFor)} (measure.stableFor)`;
  if (differ === 0) return html`<p class="note" data-field="stable-same">Time to a stable leader (one ${lasts}) equals time to leader for all ${total} fault occurrences: no first new leader was deposed.</p>`;
  const series = seriesFrom(m, (c) => stableMetric(c.result) as PrimaryMetric);
  const pair = cdfPair(series, stable[0], 'cdf-stable-', 'no stable leader by the horizon');
  return html`<h3 id="stable-leader">Time to a stable leader</h3>
<p class="note" data-field="stable-note">From each fault until the first new leader ${lasts}. In ${differ} of ${total} fault occurrences the first new leader did not last, so the cluster waited longer than time to leader says. ${pair.censored > 0 ? `${pair.censored} observation(s) had no stable leader by the horizon: they are drawn in the hatched band, not dropped.` : 'No observation was censored.'}${pair.clipNote}${m.configs.length > 1 ? ' Colours and dashes as in the key above.' : ''}</p>
${pair.charts}`;
}
