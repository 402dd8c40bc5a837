// The end of the report: the scenario exactly as run (after `extends` and
// --set), and the environment that made the results and the report.
import { html, join, type SafeHtml } from './html.js';
import { reproduceCommand } from './command.js';
import type { ReportModel } from './model.js';

export function sourceSection(m: ReportModel): SafeHtml {
  const src = m.header.source;
  const text = src === undefined ? '(not recorded in this result)' : JSON.stringify(src, null, 2);
  return html`<section id="scenario"><h2>The scenario in full</h2>
<p class="note">As run: the file after <code>extends</code> and every <code>--set</code> override, before defaults were filled in.</p>
<pre class="source" data-field="source">${text}</pre></section>`;
}

export function environmentSection(m: ReportModel): SafeHtml {
  const h = m.header;
  const rows: [string, string][] = [
    ['scenario file', h.file],
    ['raftsim version (results)', h.raftsimVersion ?? 'unknown'],
    ...(h.raftsimVersion !== m.reporterVersion ? [['raftsim version (report)', m.reporterVersion] as [string, string]] : []),
    ['seed', h.seed],
    ['trials per configuration', String(h.trials)],
    ['overrides', (h.overrides ?? []).length > 0 ? (h.overrides ?? []).join('  ') : 'none'],
    ['configurations', String(m.configs.length)],
    ['report generated', m.generatedAt],
    ['reproduce', reproduceCommand(m.kind, h)],
  ];
  const trs = rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${k === 'reproduce' ? html`<code>${v}</code>` : v}</td></tr>`);
  return html`<section id="environment"><h2>Environment</h2><table class="env" data-field="environment">${join(trs)}</table>
<p class="note">Same scenario, seed, trials and overrides ⇒ identical results on any machine, on one thread or many. Only the generation date above differs between runs.</p></section>`;
}
