// Heatmaps over the swept keys: columns are the values of one key, rows the
// values of another, and any further keys split the grid into panels. One cell
// per configuration that ran (an interrupted sweep leaves holes, drawn empty
// and unmarked). The recommended cell is outlined and starred.
import { chartMinWidth, MAX_TEXT_SCALE } from './axis.js';
import { html, join, n2, type SafeHtml } from './html.js';
import { fmtValue, shortKey } from './format.js';
import { textOn } from './colors.js';
import { configTip } from './tips.js';
import { distinctValues, type ReportConfig } from './model.js';

export interface HeatMetric {
  readonly id: string;
  readonly title: string;
  /** The cell's fill, or null for a hatched cell (e.g. p99 beyond the horizon). */
  fill(c: ReportConfig): string | null;
  text(c: ReportConfig): string;
  /** Drawn faded (e.g. excluded by the recommendation rule). */
  faded(c: ReportConfig): boolean;
  readonly legend: SafeHtml;
}

interface Grid {
  readonly xKey: string;
  readonly yKey: string | null;
  readonly xs: readonly unknown[];
  readonly ys: readonly unknown[];
  readonly panels: readonly { readonly title: string; readonly configs: readonly ReportConfig[] }[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const distinct = (configs: readonly ReportConfig[], key: string) => distinctValues(configs.map((c) => c.result), key);

export function gridOf(configs: readonly ReportConfig[], keys: readonly string[]): Grid {
  const xKey = keys.length === 1 ? keys[0] : keys[1];
  const yKey = keys.length === 1 ? null : keys[0];
  const facets = keys.slice(2);
  const groups = new Map<string, ReportConfig[]>();
  for (const c of configs) {
    const k = JSON.stringify(facets.map((f) => c.result.point[f]));
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  const panels = [...groups.values()].map((cs) => ({ title: facets.map((f) => `${shortKey(f)} = ${fmtValue(cs[0].result.point[f])}`).join(' · '), configs: cs }));
  return { xKey, yKey, xs: distinct(configs, xKey), ys: yKey === null ? [null] : distinct(configs, yKey), panels };
}

export function heatmap(configs: readonly ReportConfig[], keys: readonly string[], m: HeatMetric, recommended: number | null): SafeHtml {
  const g = gridOf(configs, keys);
  const panels = g.panels.map((p) => html`<div class="panel">${p.title ? html`<div class="panel-title">${p.title}</div>` : ''}${panelSvg(g, p.configs, m, recommended)}</div>`);
  return html`<div class="heatmap" data-heatmap="${m.id}">${join(panels)}${m.legend}</div>`;
}

function panelSvg(g: Grid, configs: readonly ReportConfig[], m: HeatMetric, recommended: number | null): SafeHtml {
  const yTitleText = g.yKey === null ? '' : `${shortKey(g.yKey)} ↓`;
  // Row labels sized for text enlarged up to MAX_TEXT_SCALE on a narrow screen (about 6.6 units a character at 11 px).
  const labelW = g.yKey === null ? 20 : Math.min(260, 18 + 6.6 * MAX_TEXT_SCALE * Math.max(...g.ys.map((v) => fmtValue(v).length)));
  const cw = Math.max(64, Math.min(110, 560 / g.xs.length));
  const ch = 40;
  const top = 28;
  const width = labelW + cw * g.xs.length + 8;
  const height = top + ch * g.ys.length + 8;
  const cols = g.xs.map((v, i) => html`<text class="col-label" x="${n2(labelW + cw * (i + 0.5))}" y="${top - 8}" text-anchor="middle">${fmtValue(v)}</text>`);
  const rows = g.ys.map((v, j) => (g.yKey === null ? '' : html`<text class="row-label" x="${labelW - 8}" y="${n2(top + ch * (j + 0.5))}" dy="0.32em" text-anchor="end">${fmtValue(v)}</text>`));
  const cells = configs.map((c) => {
    const i = g.xs.findIndex((v) => same(v, c.result.point[g.xKey]));
    const j = g.yKey === null ? 0 : g.ys.findIndex((v) => same(v, c.result.point[g.yKey!]));
    return cell(c, m, labelW + cw * i, top + ch * j, cw, ch, c.index === recommended);
  });
  // Which key runs down and which across is said in a line of text above the map (it wraps on a
  // phone), not inside it, where long key names ran into the column labels.
  const axes = html`<div class="heat-axes">${g.yKey === null ? '' : html`rows: <strong>${yTitleText}</strong> · `}columns: <strong>${shortKey(g.xKey)} →</strong></div>`;
  const title = `${m.title}: ${g.yKey ?? ''}${g.yKey ? ' × ' : ''}${g.xKey}`;
  // Shrinks up to a tenth past chartMinWidth to fit a phone (text ≥ 10 px) rather than scroll a few px.
  return html`${axes}<div class="chart-box"><svg class="chart heat" data-chart="heatmap-${m.id}" viewBox="0 0 ${n2(width)} ${height}" style="max-width:${n2(width * 1.25)}px;min-width:max(${Math.ceil(width / (MAX_TEXT_SCALE * 1.1))}px, min(${chartMinWidth(width)}px, 100%))" role="img" aria-label="${title}"><title>${title}</title>${join(cols)}${join(rows)}${join(cells)}</svg></div>`;
}

function cell(c: ReportConfig, m: HeatMetric, x: number, y: number, w: number, h: number, isRec: boolean): SafeHtml {
  const fill = m.fill(c);
  const rect = html`<rect x="${n2(x + 1)}" y="${n2(y + 1)}" width="${n2(w - 2)}" height="${n2(h - 2)}" rx="3" ${fill === null ? html`class="beyond"` : html`style="fill:${fill}"`}></rect>`;
  const ink = fill === null ? '' : html` style="fill:${textOn(fill)}"`;
  // Excluded configurations are hatched over their full-strength fill, so their text keeps its contrast in both themes.
  const mark = m.faded(c) && fill !== null ? html`<rect class="fade-mark" x="${n2(x + 1)}" y="${n2(y + 1)}" width="${n2(w - 2)}" height="${n2(h - 2)}" rx="3"></rect>` : '';
  const label = html`<text x="${n2(x + w / 2)}" y="${n2(y + h / 2)}" dy="0.35em" text-anchor="middle"${ink}>${isRec ? '★ ' : ''}${m.text(c)}</text>`;
  const outline = isRec ? html`<rect class="rec-outline" x="${n2(x + 2)}" y="${n2(y + 2)}" width="${n2(w - 4)}" height="${n2(h - 4)}" rx="3"></rect>` : '';
  return html`<g class="cell${isRec ? ' rec' : ''}${m.faded(c) ? ' faded' : ''}" data-cell="" data-config="${c.index}" tabindex="0" data-tip="${configTip(c, isRec)}">${rect}${mark}${label}${outline}</g>`;
}
