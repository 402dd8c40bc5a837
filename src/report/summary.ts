// The top of the report: what was run, the headline figures, the verdicts,
// the recommendation (sweeps) and the command that reproduces it all.
import { html, join, type SafeHtml } from './html.js';
import { fmtMs, fmtNum, fmtPct, fmtQuantile, pointLabel } from './format.js';
import { reproduceCommand } from './command.js';
import { deposedFirstLeaders, primaryMetric, type ReportConfig, type ReportModel } from './model.js';
import { verdict } from './tips.js';
import { describeConfig } from '../scenario/describe.js';
import { formatUs } from '../sim/time.js';
import type { ConfigResult } from '../verdict/result.js';
import { formatInterval } from '../stats/quantile-ci.js';
import type { ResolvedScenario } from '../scenario/types.js';

/** The one-line cluster description the terminal prints (scenario/describe.ts), from a result's resolved config. */
export function describeResultConfig(r: ConfigResult): string {
  try {
    // ResolvedConfig is ResolvedScenario without its naming fields; describeConfig reads none of those.
    return `${describeConfig(r.config as ResolvedScenario)} · horizon ${formatUs(r.config.horizonUs)}`;
  } catch {
    return '';
  }
}

export function summarySection(m: ReportModel): SafeHtml {
  const h = m.header;
  const what = m.kind === 'run' ? `run of ${h.trials} trials` : `sweep of ${m.configs.length} configurations × ${h.trials} trials`;
  const cluster = m.focus ? describeResultConfig(m.focus.result) : m.configs[0] ? describeResultConfig(m.configs[0].result) : '';
  return html`<header class="summary">
<p class="kicker">raftsim report · ${what} · seed ${h.seed}</p>
<h1 data-field="scenario">${h.scenario}</h1>
${h.description ? html`<p class="description" data-field="description">${h.description}</p>` : ''}
<p class="cluster"><strong>Cluster and config${m.kind === 'sweep' ? ' (recommended)' : ''}:</strong> ${cluster}</p>
${m.kind === 'sweep' ? html`<p class="cluster"><strong>Swept:</strong> ${m.keys.join(' × ')}</p>` : ''}
${m.interrupted ? html`<p class="warn">This sweep was interrupted: only the configurations that finished are shown.</p>` : ''}
${recommendationBlock(m)}
${m.focus ? safetyVerdict(m.focus, h.trials) : ''}
${m.kind === 'run' ? violations(m.configs) : ''}
${m.focus ? headline(m.focus, m.kind === 'sweep', h.trials) : html`<p class="warn">No configuration to summarise.</p>`}
${verdicts(m)}
${m.kind === 'sweep' ? violations(m.configs) : ''}
<div class="reproduce"><strong>Reproduce:</strong> <code data-field="command">${reproduceCommand(m.kind, h)}</code></div>
</header>`;
}

function recommendationBlock(m: ReportModel): SafeHtml {
  if (m.kind !== 'sweep') return html``;
  const r = m.recommendation;
  if (!r || !m.focus) return html`<div class="callout bad"><strong>No recommendation:</strong> every configuration violated safety.</div>`;
  return html`<div class="callout rec" data-recommended="${r.index}"><strong>★ Recommended: ${pointLabel(m.focus.result.point)}</strong> (configuration #${r.index + 1}; ${r.eligible} of ${m.configs.length} met the rule's conditions)<p class="rule"><strong>Rule:</strong> ${r.rule}</p>${r.fallback ? html`<p class="rule warn">${r.fallback}</p>` : ''}</div>`;
}

/** Trials of `c` that stopped at a safety violation (each stops at its first). */
function cutShort(c: ReportConfig): { trials: number; medianAtUs: number } {
  const times = [...new Map(c.result.violations.map((v) => [v.trial, v.timeUs])).values()].sort((a, b) => a - b);
  return { trials: times.length, medianAtUs: times.length === 0 ? 0 : times[Math.floor((times.length - 1) / 2)] };
}

/**
 * When safety was violated the verdict leads, as in a Jepsen report: the liveness figures
 * after it come from trials that stopped at the violation, so they are said to (or withheld).
 */
function safetyVerdict(c: ReportConfig, trials: number): SafeHtml {
  const cut = cutShort(c);
  if (cut.trials === 0) return html``;
  const kinds = [...new Set(c.result.violations.map((v) => v.invariant))].join(', ');
  const horizon = c.result.config.horizonUs;
  return html`<div class="callout bad verdict" data-field="safety-verdict"><strong>UNSAFE: safety violated in ${cut.trials} of ${trials} trials (${kinds}).</strong> A trial stops at its first violation (here at ${formatUs(cut.medianAtUs)} of the ${formatUs(horizon)} horizon, median), so ${cut.trials === trials ? 'no trial ran to the horizon and the liveness figures are withheld' : `the liveness figures below include ${cut.trials} cut-short trials`}.</div>`;
}

function headline(c: ReportConfig, recommended: boolean, trials: number): SafeHtml {
  const m = c.result.metrics;
  const cut = cutShort(c);
  if (cut.trials > 0 && cut.trials >= trials) {
    // Every trial stopped at a violation: times to leader, elections and availability would describe a cluster cut short.
    const card = html`<div class="figure-card bad"><div class="label">safety</div><div class="value">violated ×${m.safetyViolations}</div><div class="note">every trial stopped at its violation</div></div>`;
    const withheld = html`<div class="figure-card withheld" data-field="liveness-withheld"><div class="label">liveness figures</div><div class="value">withheld</div><div class="note">no trial ran to the horizon; see the violations above and the timelines below</div></div>`;
    return html`<div class="headline" data-field="headline">${card}${withheld}</div>`;
  }
  const p = primaryMetric(c.result);
  const s = p.summary;
  // Time to leader counts the first new leader, even one deposed at once: say so, and put time to a stable leader right beside it.
  const t = p.key === 'timeToLeaderMs' ? 'time to first leader' : p.title;
  const figures: [string, string, string][] = [
    [`p50 ${t}`, fmtQuantile(s.p50, s.censored, s.n), `over ${s.n} ${p.unitOf}`],
    [`p99 ${t}`, fmtQuantile(s.p99, s.censored, s.n), `${s.quantileCi95 ? `95% interval ${formatInterval(s.quantileCi95.p99, fmtNum)} ms; ` : ''}${s.censored > 0 ? `${s.censored} censored (no leader by the horizon${cut.trials > 0 ? ' or the violation that stopped the trial' : ''})` : p.key === 'timeToLeaderMs' ? 'none censored; the first new leader, even one deposed at once' : 'none censored'}`],
    ...(p.key === 'timeToLeaderMs' ? stableCard(c.result) : []),
    [`max ${t}`, fmtMs(s.max), 'largest measured'],
    ['elections per trial', fmtNum(m.electionsPerTrial), `${fmtNum(m.splitVotesPerTrial)} split votes per trial`],
    ['leaderless time per trial', fmtQuantile(m.leaderlessMs.p50, m.leaderlessMs.censored, m.leaderlessMs.n), `p50; p99 ${fmtQuantile(m.leaderlessMs.p99, m.leaderlessMs.censored, m.leaderlessMs.n)}`],
    ['spurious elections', `${fmtNum(m.spuriousElectionsPerHour)} / h`, spuriousNote(m)],
    ['write availability', fmtPct(m.writeAvailability), m.writeAvailability === null ? 'no workload' : 'acknowledged within the client timeout'],
    ['safety', m.safety === 'ok' ? 'ok' : `violated ×${m.safetyViolations}`, 'all invariants checked'],
  ];
  const cards = figures.map(([label, value, note]) => html`<div class="figure-card${label === 'safety' && m.safety !== 'ok' ? ' bad' : ''}"><div class="label">${label}</div><div class="value">${value}</div><div class="note">${note}</div></div>`);
  const title = recommended
    ? html`<p class="headline-title">Headline figures of the recommended configuration</p>`
    : cut.trials > 0
      ? html`<p class="headline-title">Liveness figures, including ${cut.trials} of ${trials} trials cut short by a safety violation</p>`
      : '';
  return html`${title}<div class="headline" data-field="headline">${join(cards)}</div>${p.key === 'timeToLeaderMs' ? deposedNote(c.result) : ''}`;
}

/** What "stable" means here: measure.stableFor, e.g. "300ms" (null when the result does not say). */
function stableFor(r: ConfigResult): string | null {
  const us = (r.config as Partial<ConfigResult['config']>).measure?.stableUs;
  return us === undefined ? null : formatUs(us);
}

/** Time to a leader that then stays (the first new leader can be deposed at once, as in a partial partition). */
function stableCard(r: ConfigResult): [string, string, string][] {
  const s = r.metrics.timeToStableLeaderMs;
  if (s === undefined) return []; // results saved before the metric existed
  return [['p99 time to a stable leader', fmtQuantile(s.p99, s.censored, s.n), `p50 ${fmtQuantile(s.p50, s.censored, s.n)}; the first new leader that then leads ${stableFor(r) === null ? 'on' : `for ${stableFor(r)}`}`]];
}

/** The exposure under the rate, and its exact 95% interval when the result has it. */
function spuriousNote(m: ConfigResult['metrics']): string {
  const r = m.spuriousElections;
  if (!r) return `over ${fmtNum(m.measuredHours)} simulated hours`;
  return `${r.events} over ${fmtNum(r.hours)} simulated hours; 95% interval [${fmtNum(r.ci95[0])}, ${r.ci95[1] === null ? '—' : fmtNum(r.ci95[1])}] / h`;
}

/**
 * When first new leaders were deposed (a partial partition), the headline's time to first
 * leader understates how long the cluster waited: say by how much, next to the cards.
 */
function deposedNote(r: ConfigResult): SafeHtml {
  const { deposed, n } = deposedFirstLeaders(r);
  const first = r.metrics.timeToLeaderMs;
  const stable = r.metrics.timeToStableLeaderMs;
  if (deposed === 0 || stable === undefined) return html``;
  return html`<p class="callout" data-field="deposed-note"><strong>Time to first leader understates the wait here:</strong> in ${deposed} of ${n} fault occurrences the first new leader stopped leading ${stableFor(r) === null ? 'soon' : `within ${stableFor(r)}`}, so the cluster had a stable leader only at p99 ${fmtQuantile(stable.p99, stable.censored, stable.n)}, against p99 ${fmtQuantile(first.p99, first.censored, first.n)} to the first leader. <a href="#stable-leader">Both distributions are plotted below.</a></p>`;
}

function verdicts(m: ReportModel): SafeHtml {
  const c = m.focus;
  if (!c || c.result.expectations.length === 0) return html``;
  const rows = c.result.expectations.map((e) => html`<li class="${e.pass ? 'pass' : 'fail'}"><span class="badge">${e.pass ? 'pass' : 'FAIL'}</span> <code>${e.metric} ${e.op} ${String(e.bound)}</code> — measured ${e.actual === null ? '—' : String(e.actual)}</li>`);
  const others = m.kind === 'sweep' ? html`<p>${m.configs.filter((x) => verdict(x.result) === 'ok').length} of ${m.configs.length} configurations miss no goal: safety, expectations, zero spurious elections, a leader in every trial (see the verdict column).</p>` : '';
  return html`<div class="expectations"><strong>Expectations${m.kind === 'sweep' ? ' (recommended configuration)' : ''}:</strong><ul>${join(rows)}</ul>${others}</div>`;
}

function violations(configs: readonly ReportConfig[]): SafeHtml {
  const all = configs.flatMap((c) => c.result.violations.map((v) => ({ c, v })));
  if (all.length === 0) return html``;
  const shown = all.slice(0, 10).map(({ c, v }) => html`<li>${configs.length > 1 ? html`<em>${c.label}</em>: ` : ''}trial ${v.trial}: ${v.invariant} at ${formatUs(v.timeUs)} — ${v.detail}<br><code>${v.replay}</code></li>`);
  return html`<div class="callout bad"><strong>Safety violations (${all.length}):</strong><ul>${join(shown)}</ul>${all.length > 10 ? html`<p>… and ${all.length - 10} more (see the JSON).</p>` : ''}</div>`;
}
