// A tune result → one self-contained HTML page: the recommendation and its
// snippets (or why there is none), the frontier plot, the evidence table, the
// rules of thumb and what the search cost. The same page machinery as the
// run/sweep reports (CSP, inline script for tooltips, no network).
import { html, join, raw, type SafeHtml } from './html.js';
import { page } from './page.js';
import { frontierChart } from './tune-frontier.js';
import { boundsNote, CAVEAT, costText, evidenceRows, goalsText, stopText } from '../tune/text.js';
import { fmtNum } from './format.js';
import type { TuneResult } from '../tune/result.js';

export interface TuneReportOptions {
  /** Wall time the search took (shown; the only machine-dependent figure). */
  readonly elapsedMs?: number;
}

const TUNE_CSS = `
.goal line { stroke: var(--muted); stroke-dasharray: 6 4; stroke-width: 1.2; }
.goal .goal-box { fill: var(--rec-bg); opacity: 0.6; }
.goal text { fill: var(--muted); font-size: 11px; }
.goal text.halo { paint-order: stroke; stroke: var(--bg); stroke-width: 4px; stroke-linejoin: round; }
.pt circle { fill: var(--bg); stroke: var(--fg); stroke-width: 1.6; }
.pt .err { stroke: var(--fg); stroke-width: 1.2; opacity: 0.55; }
.pt.missed circle { stroke: var(--bad); }
.pt.missed .err { stroke: var(--bad); }
.pt.slower circle { stroke: var(--muted); }
.pt .open { fill: var(--fg); opacity: 0.55; }
.pt .star-mark { fill: var(--accent); stroke: var(--fg); stroke-width: 0.8; }
.pt:hover circle, .pt:hover .star-mark { stroke-width: 3; }
pre.snippet { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 10px 12px; overflow-x: auto; }
`;

export function renderTuneReport(r: TuneResult, o: TuneReportOptions = {}): string {
  const e = evidenceRows(r);
  const head = e.header.map((h) => html`<th scope="col">${h}</th>`);
  const rows = r.configurations.map((c, i) => html`<tr data-row="${c.id}" class="${[c.state === 'recommended' ? 'rec' : '', c.state === 'missed' ? 'bad' : ''].filter(Boolean).join(' ')}">${join(e.rows[i].map((v, k) => html`<td class="${k >= 2 && k < e.header.length - 1 ? 'num' : ''}">${v}</td>`))}</tr>`);
  const rec = r.recommendation;
  const t = r.rulesOfThumb;
  const c = r.cost;
  const body = html`<style>${raw(TUNE_CSS)}</style><main>
<header class="summary">
<p class="kicker">raftsim tune report · seed ${r.seed} · ${r.file}</p>
<h1 data-field="scenario">${r.name}</h1>
${r.description ? html`<p class="description" data-field="description">${r.description}</p>` : ''}
<p class="cluster"><strong>Cluster:</strong> ${r.cluster}</p>
<p class="cluster"><strong>Goals:</strong> ${goalsText(r)}</p>
${
  rec
    ? html`<div class="callout rec" data-recommended="${rec.id}"><strong>★ Recommended: ${rec.label}</strong><p>${rec.summary}</p><p class="rule">${stopText(r)}</p></div>
<h2>Ready to use</h2>
<p><strong>${rec.snippets.implementation.title}</strong></p><pre class="snippet" data-snippet="implementation">${rec.snippets.implementation.text}</pre>
<details><summary>raftsim scenario (its failover measurement)</summary><pre class="snippet" data-snippet="scenario">${rec.snippets.scenario}</pre></details>`
    : html`<div class="callout bad" data-recommended="none"><strong>No recommendation.</strong><p class="rule">${stopText(r)}</p></div>`
}
<ul class="why">${r.runnerUp ? html`<li><strong>${r.recommendation ? 'Runner-up' : 'Closest candidate'}</strong> ${r.runnerUp.label}: ${r.runnerUp.why}</li>` : ''}${join(r.fasterRejected.filter((x) => x.id !== r.runnerUp?.id).map((f) => html`<li><strong>Faster but rejected</strong> ${f.label}: ${f.why}</li>`))}</ul>
</header>
<section id="frontier"><h2>The frontier: failover against spurious elections</h2>
<p class="note">Each configuration evaluated is a point with its bounds on both axes (one-sided at ${Math.round(r.goals.confidence * 100)}% each); an arrow means no upper bound from the trials run. Configurations that meet both goals lie in the shaded box. ★ marks the recommendation; red points missed a goal. Hover a point for its figures.</p>
<figure>${frontierChart(r)}</figure>
</section>
<section id="evidence"><h2>Evidence: ${c.configurationsEvaluated} of ${c.gridConfigurations} configurations evaluated${c.configurationsNotRun > 0 ? ` (${c.configurationsNotRun} more added but not run)` : ''}</h2>
<p class="note">${boundsNote(r)}.</p>
<div class="table-wrap"><table class="configs" data-table="tune-evidence"><thead><tr>${join(head)}</tr></thead><tbody>${join(rows)}</tbody></table></div>
</section>
<section id="thumb"><h2>Rules of thumb</h2>
<p>etcd's tuning guide: heartbeat ≈ the round-trip time between members (0.5–1.5×), election timeout ≥ 10× it. Here the RTT between ${t.rtt.between} is ${fmtNum(t.rtt.meanMs)} ms on average (p99 ${fmtNum(t.rtt.p99Ms)} ms): heartbeat ${fmtNum(t.heartbeatMs[0])}–${fmtNum(t.heartbeatMs[1])} ms, election timeout ≥ ${fmtNum(t.electionTimeoutMinMs)} ms.</p>
<ul>${join(t.notes.map((n) => html`<li>${n}</li>`))}</ul>
</section>
<section id="cost"><h2>What the search cost</h2>
<p data-field="cost">${costText(r)}${o.elapsedMs === undefined ? '' : `; ${(o.elapsedMs / 1000).toFixed(1)} s of wall time`}.${r.deterministic ? '' : ' A wall-time limit stopped this search: another run may stop at a different round.'}</p>
<p class="note">${CAVEAT}</p>
</section>
</main>`;
  return page(`raftsim tune — ${r.name}`, body);
}
