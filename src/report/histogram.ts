// Histogram of one configuration's time to leader: how the observations
// spread between the timeout minimum and maximum, whether there is a second
// hump (split votes cost a second timeout), and how many never got a leader
// (a hatched bar of their own, beyond the horizon).
import { bin, max as arrayMax } from 'd3-array';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { html, join, n2, type SafeHtml } from './html.js';
import { axisBottom, axisLeft, innerHeight, innerWidth, evenTicks, labelWidth, MAX_TEXT_SCALE, svgFrame, type Frame } from './axis.js';
import { fmtNum, fmtPct } from './format.js';
import type { CdfSeries } from './cdf.js';

// As wide as a CDF (so it fits a phone without scrolling) and drawn with text-fit: however wide the
// page draws it, its text stays the CDFs' size (tooltip-script.ts fitText).
const FRAME: Frame = { width: 600, height: 250, top: 22, right: 18, bottom: 64, left: 80 };
/** Room above the tallest bar for the p50/p99 labels: the y axis reaches this much past it. */
const HEADROOM = 1.4;
const ZONE = 54;
const BEYOND = '> horizon';
/** The censored bar's label ends here, inside the chart's right margin, in the row of the tick labels. */
const beyondEnd = (plotW: number) => plotW + ZONE + FRAME.right - 4;

export function histogramChart(s: CdfSeries, metric: string, unitOf: string): SafeHtml {
  const values = s.values.filter((v): v is number => v !== null);
  const censored = s.values.length - values.length;
  const plotW = innerWidth(FRAME) - (censored > 0 ? ZONE : 0);
  const h = innerHeight(FRAME);
  const top = values.length > 0 ? Math.max(...values) : 1;
  // From a round value at or below the smallest observation (d3's nice), not from 0: the bars use the width.
  const low = values.length > 0 ? Math.min(...values) : 0;
  const x = scaleLinear().domain([low, top > low ? top * 1.02 : low + 1]).nice(10).range([0, plotW]);
  // About 2·√n bins (10 to 60): a few observations are not scattered over sixty slivers.
  const binCount = Math.min(60, Math.max(10, Math.round(2 * Math.sqrt(values.length))));
  const bins = bin().domain(x.domain() as [number, number]).thresholds(x.ticks(binCount))(values);
  const yMax = Math.max(censored, arrayMax(bins, (b) => b.length) ?? 0, 1);
  const y = scaleLinear().domain([0, yMax * HEADROOM]).nice().range([h, 0]);
  const n = s.values.length;
  const bars = bins
    .filter((b) => b.length > 0)
    .map((b) => {
      const x0 = x(b.x0 ?? 0);
      const w = Math.max(1, x(b.x1 ?? 0) - x0 - 1);
      const tip = `${fmtNum(b.x0 ?? 0)}–${fmtNum(b.x1 ?? 0)} ms\n${b.length} of ${n} ${unitOf} (${fmtPct(b.length / n, 1)})`;
      return html`<rect data-bin="" tabindex="0" x="${n2(x0 + 0.5)}" y="${n2(y(b.length))}" width="${n2(w)}" height="${n2(h - y(b.length))}" data-tip="${tip}"></rect>`;
    });
  const cens = censored > 0 ? censoredBar(censored, n, plotW, y, h, unitOf) : html``;
  const body = [
    axisLeft(FRAME, { scale: y, ticks: y.ticks(5).filter(Number.isInteger), format: (t) => String(t), label: unitOf, grid: true }),
    axisBottom(FRAME, { scale: x, ticks: xTicks(x, plotW, censored > 0), format: (t) => fmtNum(t, 4), label: `${metric} (ms)` }),
    html`<g class="bars" style="--c:${s.color}">${join(bars)}</g>`,
    cens,
    quantileMarks(s, x, h, plotW),
  ];
  return svgFrame(FRAME, { chart: 'histogram', title: `Histogram of ${metric}: ${s.label}`, fitText: true }, body);
}

/**
 * d3's ticks, as many as fit without two labels colliding; with a censored bar, the ticks whose label
 * would reach its "> horizon" label at the largest text scale go too.
 */
function xTicks(x: ScaleLinear<number, number>, plotW: number, beyond: boolean): number[] {
  const ticks = evenTicks(x, [16, 12, 8, 5], (t) => fmtNum(t, 4));
  if (!beyond) return ticks;
  const labelStart = beyondEnd(plotW) - labelWidth(BEYOND) * MAX_TEXT_SCALE;
  return ticks.filter((t) => x(t) + (labelWidth(fmtNum(t, 4)) * MAX_TEXT_SCALE) / 2 + 4 <= labelStart);
}

function censoredBar(count: number, n: number, plotW: number, y: (v: number) => number, h: number, unitOf: string): SafeHtml {
  const tip = `no leader by the horizon\n${count} of ${n} ${unitOf} (${fmtPct(count / n, 1)}) censored`;
  return html`<g class="censor-zone"><rect class="censored-bar" tabindex="0" data-bin="censored" x="${plotW + 8}" y="${n2(y(count))}" width="${ZONE - 12}" height="${n2(h - y(count))}" data-tip="${tip}"></rect><text class="zone-label" data-band-label="" x="${beyondEnd(plotW)}" y="6" dy="0.95em" transform="translate(0,${h})" text-anchor="end">${BEYOND}</text></g>`;
}

function quantileMarks(s: CdfSeries, x: (v: number) => number, h: number, plotW: number): SafeHtml {
  const marks = ([[s.summary.p50, 'p50'], [s.summary.p99, 'p99']] as const).filter(([v]) => v !== null);
  return join(
    marks.map(([v, label], i) => {
      const px = x(v as number);
      const cx = n2(px);
      // Labels stack in em (they grow with the text) and turn to the left of their line in the right half, so they stay inside.
      const right = px > plotW / 2;
      return html`<g class="qline"><line x1="${cx}" x2="${cx}" y1="0" y2="${h}"></line><text x="${cx}" y="0" dy="${(1 + i * 1.25).toFixed(2)}em" dx="${right ? -4 : 4}" text-anchor="${right ? 'end' : 'start'}">${label} ${fmtNum(v)} ms</text></g>`;
    }),
  );
}
