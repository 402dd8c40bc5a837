// Per-node swimlanes of one trial: each node's state over time (follower,
// pre-candidate, candidate, leader, paused, down) with its term, fault windows
// shaded by kind across every lane, and a marker where each leader was elected.
import { scaleLinear } from 'd3-scale';
import { html, join, n2, type SafeHtml } from './html.js';
import { axisBottom, chartMinWidth, type Frame } from './axis.js';
import { fmtAxisMs, fmtMs } from './format.js';
import { clip, faultFamily, segmentsOf, windowOf, type Segment, type Window } from './timeline-data.js';
import type { TrialTimeline } from '../run/timelines.js';

const LANE = 24;
const GAP = 6;
const FAULT_ROW = 22;
const STATE_LABEL: Record<Segment['state'], string> = { follower: 'follower', precandidate: 'pre-candidate', candidate: 'candidate', leader: 'leader', paused: 'paused', down: 'down' };

type X = ((us: number) => number) & { ticks(n?: number): number[] };

export function timelineSvg(t: TrialTimeline): SafeHtml {
  const w = windowOf(t);
  const lanesTop = FAULT_ROW;
  const lanesH = t.n * (LANE + GAP) - GAP;
  const f: Frame = { width: 1200, height: 6 + lanesTop + lanesH + 64, top: 6, right: 16, bottom: 64, left: 44 };
  const plotW = f.width - f.left - f.right;
  // Time is shown from the first fault (negative before it), so a leader elected at +48 ms took 48 ms.
  const originUs = t.faults.length > 0 ? Math.min(...t.faults.map((fl) => fl.startUs)) : 0;
  const x = scaleLinear().domain([(w.fromUs - originUs) / 1000, (w.toUs - originUs) / 1000]).range([0, plotW]) as unknown as X;
  const xu = ((us: number) => x((us - originUs) / 1000)) as X;
  const spanMs = (w.toUs - w.fromUs) / 1000;
  const signed = (v: number) => (v > 0 ? `+${fmtAxisMs(v, spanMs)}` : v < 0 ? `−${fmtAxisMs(-v, spanMs)}` : '0');
  const label = originUs > 0 ? `time since the fault (which struck ${fmtMs(originUs / 1000)} into the trial)` : 'time since the trial started';
  const axis = axisBottom(f, { scale: x, ticks: x.ticks(12), format: originUs > 0 ? signed : (v) => fmtAxisMs(v, spanMs), label });
  const body = [
    html`<g transform="translate(0,${lanesTop})">${lanes(t, w, xu)}</g>`,
    faultBands(t, w, xu, lanesTop, lanesH),
    html`<g transform="translate(0,${lanesTop})">${elections(t, w, xu, lanesH)}${violationMark(t, w, xu, lanesH)}</g>`,
    axis,
  ];
  const title = `Per-node timeline of trial ${t.trial} (${t.label})`;
  return html`<div class="chart-box"><svg class="chart timeline" data-chart="timeline-${t.label}" data-trial="${t.trial}" viewBox="0 0 ${f.width} ${f.height}" style="min-width:${chartMinWidth(f.width)}px" role="img" aria-label="${title}"><title>${title}</title><g transform="translate(${f.left},${f.top})">${body}</g></svg></div>`;
}

function lanes(t: TrialTimeline, w: Window, x: X): SafeHtml {
  const segs = clip(segmentsOf(t), w);
  const labels = Array.from({ length: t.n }, (_, node) => html`<text class="lane-label" x="-8" y="${n2(node * (LANE + GAP) + LANE / 2)}" dy="0.32em" text-anchor="end">n${node}</text>`);
  const rects = segs.map((s) => {
    const x0 = x(s.fromUs);
    const width = Math.max(1.5, x(s.toUs) - x0);
    const y = s.node * (LANE + GAP);
    const tip = `n${s.node} ${STATE_LABEL[s.state]}, term ${s.term}\n${fmtMs(s.fromUs / 1000)} → ${fmtMs(s.toUs / 1000)} (${fmtMs((s.toUs - s.fromUs) / 1000)})`;
    const term = width >= 30 && s.state !== 'down' ? html`<text class="term" x="${n2(x0 + 4)}" y="${n2(y + LANE / 2)}" dy="0.32em">t${s.term}</text>` : '';
    return html`<g data-segment="${s.state}" data-tip="${tip}"><rect class="st st-${s.state}" x="${n2(x0)}" y="${y}" width="${n2(width)}" height="${LANE}"></rect>${term}</g>`;
  });
  return html`${join(labels)}${join(rects)}`;
}

function faultBands(t: TrialTimeline, w: Window, x: X, lanesTop: number, lanesH: number): SafeHtml {
  const visible = t.faults.filter((fl) => (fl.healUs ?? w.toUs) >= w.fromUs && fl.startUs <= w.toUs);
  return join(
    visible.map((fl) => {
      const x0 = x(Math.max(fl.startUs, w.fromUs));
      const x1 = x(Math.min(fl.healUs ?? w.toUs, w.toUs));
      const kind = faultFamily(fl);
      const healed = fl.healUs === null ? 'never healed' : `healed at ${fmtMs(fl.healUs / 1000)} (lasted ${fmtMs((fl.healUs - fl.startUs) / 1000)})`;
      const tip = `${fl.description}\nstarted at ${fmtMs(fl.startUs / 1000)}, ${healed}`;
      const width = Math.max(2, x1 - x0);
      const label = width > 60 ? html`<text class="fault-label" x="${n2(x0 + 4)}" y="${FAULT_ROW / 2}" dy="0.32em">${fl.description}</text>` : '';
      return html`<g class="fault fault-${kind}" data-fault="${kind}" data-tip="${tip}"><rect class="band" x="${n2(x0)}" y="0" width="${n2(width)}" height="${lanesTop + lanesH}"></rect><rect class="flag" x="${n2(x0)}" y="0" width="${n2(width)}" height="${FAULT_ROW - 4}"></rect><line class="fault-start" x1="${n2(x0)}" x2="${n2(x0)}" y1="0" y2="${lanesTop + lanesH}"></line>${label}</g>`;
    }),
  );
}

function elections(t: TrialTimeline, w: Window, x: X, lanesH: number): SafeHtml {
  const inside = t.stints.filter((s) => s.startUs >= w.fromUs && s.startUs <= w.toUs);
  const firstFault = t.faults.length > 0 ? Math.min(...t.faults.map((f) => f.startUs)) : null;
  return join(
    inside.map((s) => {
      const cx = n2(x(s.startUs));
      const y = s.node * (LANE + GAP);
      const since = firstFault !== null && s.startUs >= firstFault ? ` (${fmtMs((s.startUs - firstFault) / 1000)} after the fault)` : '';
      const tip = `n${s.node} elected leader of term ${s.term}\nat ${fmtMs(s.startUs / 1000)}${since}`;
      return html`<g class="elected" data-elected="${s.node}" data-tip="${tip}"><line x1="${cx}" x2="${cx}" y1="-4" y2="${lanesH}"></line><path d="M${cx},${y - 1}l-6,-8h12z"></path></g>`;
    }),
  );
}

function violationMark(t: TrialTimeline, w: Window, x: X, lanesH: number): SafeHtml {
  const v = t.violation;
  if (v === null || v.timeUs < w.fromUs || v.timeUs > w.toUs) return html``;
  const cx = n2(x(v.timeUs));
  return html`<g class="violation" data-tip="${`safety violation: ${v.invariant}\n${v.detail}`}"><line x1="${cx}" x2="${cx}" y1="-6" y2="${lanesH}"></line></g>`;
}
