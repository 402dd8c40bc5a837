// A thin strip of the whole trial above each zoomed timeline: every node's
// states and every fault from start to horizon, with a box round the part the
// chart below zooms into, so nothing outside the zoom is hidden.
import { chartMinWidth } from './axis.js';
import { scaleLinear } from 'd3-scale';
import { html, join, n2, type SafeHtml } from './html.js';
import { fmtAxisMs, fmtMs } from './format.js';
import { faultFamily, segmentsOf, type Window } from './timeline-data.js';
import type { TrialTimeline } from '../run/timelines.js';

const WIDTH = 1200;
const LEFT = 44;
const RIGHT = 16;
const LANE = 4;

export function overviewSvg(t: TrialTimeline, zoom: Window): SafeHtml {
  const plotW = WIDTH - LEFT - RIGHT;
  const x = scaleLinear().domain([0, t.endUs]).range([0, plotW]);
  const h = t.n * LANE;
  const segs = segmentsOf(t).map((s) => html`<rect class="st st-${s.state}" x="${n2(x(s.fromUs))}" y="${s.node * LANE}" width="${n2(Math.max(0.8, x(s.toUs) - x(s.fromUs)))}" height="${LANE}"></rect>`);
  const faults = t.faults.map((f) => {
    const x0 = x(f.startUs);
    const x1 = x(f.healUs ?? t.endUs);
    return html`<rect class="overview-fault fault-${faultFamily(f)}" x="${n2(x0)}" y="${-5}" width="${n2(Math.max(1.5, x1 - x0))}" height="4" data-tip="${`${f.description}\n${fmtMs(f.startUs / 1000)} → ${f.healUs === null ? 'never healed' : fmtMs(f.healUs / 1000)}`}"></rect>`;
  });
  const zx = x(zoom.fromUs);
  const zw = Math.max(3, x(zoom.toUs) - zx);
  const box = html`<rect class="zoom-box" x="${n2(zx - 1)}" y="-7" width="${n2(zw + 2)}" height="${h + 9}" data-tip="${`zoomed below: ${fmtMs(zoom.fromUs / 1000)} → ${fmtMs(zoom.toUs / 1000)}`}"></rect>`;
  const spanMs = t.endUs / 1000;
  const ends = html`<text class="overview-label" x="-6" y="${h / 2}" dy="0.32em" text-anchor="end">all</text><text class="overview-label" x="${plotW}" y="${h + 12}" text-anchor="end">${fmtAxisMs(spanMs, spanMs)} (whole trial)</text><text class="overview-label" x="0" y="${h + 12}">0</text>`;
  const height = h + 24;
  return html`<div class="chart-box"><svg class="chart overview" data-chart="overview" viewBox="0 0 ${WIDTH} ${height}" style="min-width:${chartMinWidth(WIDTH)}px" role="img" aria-label="${`Whole trial ${t.trial}, with the zoomed part boxed`}"><g transform="translate(${LEFT},8)">${join(segs)}${join(faults)}${box}${ends}</g></svg></div>`;
}
