// `raftsim compare --html`: the comparison table as a self-contained page.
import { html, join } from './html.js';
import { page } from './page.js';
import { compareCells, type Comparison } from '../verdict/compare.js';

export function renderCompareReport(c: Comparison): string {
  const t = compareCells(c);
  const head = t.header.map((h) => html`<th scope="col">${h}</th>`);
  const rows = c.rows.map((r, i) => html`<tr data-metric="${r.metric}" class="${r.significant ? 'rec' : ''}">${join(t.rows[i].map((v) => html`<td>${v}</td>`))}</tr>`);
  const body = html`<main><header class="summary"><p class="kicker">raftsim compare · significance at ${c.alpha}</p><h1 data-field="scenario">A: ${c.a.file} vs B: ${c.b.file}</h1>
<p class="cluster"><strong>${c.a.label}</strong> — ${c.a.scenario}</p><p class="cluster"><strong>${c.b.label}</strong> — ${c.b.scenario}</p>
<p class="cluster" data-field="differences"><strong>Configurations:</strong> ${c.differences.length === 0 ? 'identical' : html`differ in ${join(c.differences.map((d, i) => html`${i > 0 ? '; ' : ''}<code>${d.key}: ${d.a} → ${d.b}</code>`))}`}</p></header>
<section><div class="table-wrap"><table class="configs" data-table="compare"><thead><tr>${join(head)}</tr></thead><tbody>${join(rows)}</tbody></table></div>
<p class="note">Durations: the log-rank test over the whole distribution (censored values stay at risk past every observed one), or, where the results keep no raw values, disjoint 95% p99 intervals (order statistics). Rates: the exact conditional Poisson test on events and simulated hours. Highlighted rows differ significantly.</p></section></main>`;
  return page(`raftsim compare — A: ${c.a.file} vs B: ${c.b.file}`, body);
}
