// The timelines section: the best, median and worst trials of the focus
// configuration as per-node swimlanes, or a note saying how to get them.
import { html, join, type SafeHtml } from './html.js';
import { timelineSvg } from './timeline-svg.js';
import { overviewSvg } from './timeline-overview.js';
import { windowOf } from './timeline-data.js';
import { FAULT_KIND_LABEL, faultFamily } from './timeline-data.js';
import { fmtMs } from './format.js';
import { reproduceCommand } from './command.js';
import type { ReportModel } from './model.js';

const STATES = [['follower', 'follower'], ['precandidate', 'pre-candidate'], ['candidate', 'candidate'], ['leader', 'leader'], ['paused', 'paused'], ['down', 'down']] as const;

export function timelinesSection(m: ReportModel): SafeHtml {
  const c = m.focus;
  const tls = c?.result.timelines ?? [];
  const which = m.kind === 'sweep' && c ? html` of the recommended configuration (${c.label})` : '';
  if (m.kind === 'sweep' && !c) {
    return html`<section id="timelines"><h2>Per-node timelines</h2><p class="callout">No configuration was recommended (every one violated safety), so no timelines were collected. Each violation above comes with a <code>raftsim replay</code> command that shows its trial's timeline.</p></section>`;
  }
  if (tls.length === 0) {
    const cmd = reproduceCommand(m.kind, m.header, ['--timelines', '--out', 'results.json']);
    return html`<section id="timelines"><h2>Per-node timelines</h2><p class="callout" data-field="no-timelines">This result has no timelines. Re-run with <code>--timelines</code> (or <code>--html</code>, which implies it) to include the best, median and worst trials: <code>${cmd}</code></p></section>`;
  }
  const families = [...new Set(tls.flatMap((t) => t.faults.map(faultFamily)))];
  const legend = html`<ul class="legend static">${join(STATES.map(([k, label]) => html`<li><span class="swatch st-swatch st-${k}"></span>${label}</li>`))}<li><span class="elected-swatch">▼</span>leader elected</li>${join(families.map((k) => html`<li><span class="swatch fault-swatch fault-${k}"></span>${FAULT_KIND_LABEL[k]}</li>`))}</ul>`;
  const blocks = tls.map((t) => {
    const ranked = t.rankedBy === 'timeToLeaderMs' ? 'time to leader' : 'leaderless time';
    return html`<figure class="timeline-fig" data-timeline="${t.label}"><figcaption><strong>${t.label}</strong> — trial ${t.trial}: ${ranked} ${t.rankMs === null ? 'beyond the horizon (no leader)' : fmtMs(t.rankMs)}${t.violation ? html` · <span class="bad-text">safety violation: ${t.violation.invariant}</span>` : ''}</figcaption>${overviewSvg(t, windowOf(t))}${timelineSvg(t)}</figure>`;
  });
  return html`<section id="timelines"><h2>Per-node timelines${which}</h2>
<p class="note">The best, median and worst trials by ${tls[0].rankedBy === 'timeToLeaderMs' ? 'time to leader (a trial with several faults ranks by its worst)' : 'leaderless time'}. Each lane is a node; terms are written as t<em>N</em> where they fit (hover any stretch for exact times). Each chart zooms into the burst of activity the first fault set off; the thin strip above it shows the whole trial, with the zoomed part boxed.</p>
${legend}${join(blocks)}</section>`;
}

