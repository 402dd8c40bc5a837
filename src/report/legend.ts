// The legend of the CDF charts: one swatch per configuration, a sample of its curve (colour and dash). With two swept
// keys it is laid out as a grid like the heatmaps (rows: first key, columns:
// second key); otherwise a list. Hovering or focusing an entry highlights that
// configuration's curve (tooltip-script.ts); the recommended one is starred.
import { html, join, type SafeHtml } from './html.js';
import { fmtQuantile, fmtValue, shortKey } from './format.js';
import { distinctValues, type ReportModel } from './model.js';
import type { CdfSeries } from './cdf.js';

/** A short sample of the curve as drawn: its colour and dash pattern (the recommended one solid and thick, as in the charts). */
function lineSwatch(s: CdfSeries, rec: boolean): SafeHtml {
  const dash = rec ? 'none' : (s.dash ?? 'none');
  return html`<svg class="line-swatch${rec ? ' rec' : ''}" width="30" height="12" viewBox="0 0 30 12" aria-hidden="true" data-dash="${dash}" style="--c:${s.color};--dash:${dash}"><line x1="1" y1="6" x2="29" y2="6"></line></svg>`;
}

function tipOf(s: CdfSeries): string {
  const q = `p50 ${fmtQuantile(s.summary.p50, s.summary.censored, s.summary.n)}, p99 ${fmtQuantile(s.summary.p99, s.summary.censored, s.summary.n)}`;
  return `${s.label}\n${q}`;
}

export function seriesLegend(m: ReportModel, series: readonly CdfSeries[]): SafeHtml {
  if (series.length <= 1) return html``;
  const starred = m.recommendation?.index ?? null;
  if (m.keys.length === 2) return gridLegend(m, series, starred);
  const items = series.map((s) => {
    const star = s.index === starred ? html`<span class="star" title="recommended">★</span> ` : '';
    return html`<li data-legend="${s.index}" tabindex="0" data-tip="${tipOf(s)}">${lineSwatch(s, s.index === starred)}${star}${s.label}</li>`;
  });
  return html`<ul class="legend" aria-label="configurations">${join(items)}</ul>`;
}

function gridLegend(m: ReportModel, series: readonly CdfSeries[], starred: number | null): SafeHtml {
  const [rowKey, colKey] = m.keys;
  const results = m.configs.map((c) => c.result);
  const rows = distinctValues(results, rowKey);
  const cols = distinctValues(results, colKey);
  const at = (r: unknown, c: unknown) =>
    series.find((s) => JSON.stringify(m.configs[s.index].result.point[rowKey]) === JSON.stringify(r) && JSON.stringify(m.configs[s.index].result.point[colKey]) === JSON.stringify(c));
  const head = html`<tr><th scope="col">${shortKey(rowKey)} ↓ · ${shortKey(colKey)} →</th>${join(cols.map((c) => html`<th scope="col">${fmtValue(c)}</th>`))}</tr>`;
  const body = rows.map((r) => {
    const cells = cols.map((c) => {
      const s = at(r, c);
      if (!s) return html`<td></td>`;
      return html`<td data-legend="${s.index}" tabindex="0" data-tip="${tipOf(s)}">${lineSwatch(s, s.index === starred)}${s.index === starred ? html`<span class="star">★</span>` : ''}</td>`;
    });
    return html`<tr><th scope="row">${fmtValue(r)}</th>${join(cells)}</tr>`;
  });
  return html`<div class="legend-grid-wrap"><table class="legend-grid" aria-label="configurations: colour key"><caption>Colour key (hover a swatch to pick out its curve)</caption>${head}${join(body)}</table></div>`;
}
