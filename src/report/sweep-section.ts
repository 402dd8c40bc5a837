// The sweep section: heatmaps over the swept keys and the sortable table.
import { html, type SafeHtml } from './html.js';
import { heatmap } from './heatmap.js';
import { p99Metric, spuriousMetric } from './heat-metrics.js';
import { configTable } from './table.js';
import type { ReportModel } from './model.js';
import { isEligible } from './recommend.js';

export function sweepSection(m: ReportModel): SafeHtml {
  if (m.kind !== 'sweep' || m.configs.length === 0) return html``;
  const rec = m.recommendation?.index ?? null;
  // Faded in the p99 map: configurations the recommendation rule excluded (needless elections or a safety violation).
  const excluded = (i: number) => m.recommendation !== null && m.recommendation.fallback === null && !isEligible(m.configs[i].result);
  const heat = m.keys.length === 0 ? html`` : html`<div class="charts-2">
<figure><figcaption>${p99Metric(m.configs, excluded).title} (ms) — lower is better</figcaption>${heatmap(m.configs, m.keys, p99Metric(m.configs, excluded), rec)}</figure>
<figure><figcaption>Spurious elections per hour — 0 is the goal</figcaption>${heatmap(m.configs, m.keys, spuriousMetric(m.configs), rec)}</figure>
</div>`;
  return html`<section id="sweep"><h2>The sweep: ${m.configs.length} configurations</h2>
<p class="note">One cell per configuration; hover a cell for all its figures. ★ marks the recommended configuration. Spurious elections are needless elections while the leader was healthy; in the p99 map, hatched cells are configurations the recommendation rule excluded for them (or for a safety violation).</p>
${heat}
<h3>Every configuration</h3>
<p class="note">Click a column header to sort (again to reverse). Hover a row to pick out its curve in the CDFs.</p>
${configTable(m.configs, m.keys, rec)}
</section>`;
}
