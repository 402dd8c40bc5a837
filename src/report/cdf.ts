// The CDF of time to leader, one series per configuration, on a linear or a
// log x axis. Every uncensored observation is a point (hover: its value and
// trial); censored observations (no leader by the horizon) are never dropped:
// the curve climbs to 100% inside a hatched "beyond the horizon" band at the
// right, so a config with censored trials visibly never reaches 100% in time.
// The band sits at the same place and says the same in both charts; a linear axis
// clipped at the pooled p98 draws the longer observations in a strip of their own
// before it. Series differ by colour and dash pattern (colors.ts).
// Very large runs draw an even subset of points (POINT_BUDGET); the curve keeps them all.
import { scaleLinear, scaleLog } from 'd3-scale';
import { line, curveStepAfter } from 'd3-shape';
import { html, join, n2, type SafeHtml } from './html.js';
import { axisBottom, axisLeft, CHAR_EM, evenTicks, innerHeight, innerWidth, MAX_TEXT_SCALE, spaced, svgFrame, type Frame } from './axis.js';
import { fmtMs, fmtNum, fmtPct } from './format.js';
import type { DurationSummary } from '../metrics/summary.js';
import { formatInterval, type Bound } from '../stats/quantile-ci.js';

export interface CdfSeries {
  readonly index: number;
  readonly label: string;
  readonly color: string;
  /** stroke-dasharray of the curve ('none' or absent: solid); the emphasised series is always solid. */
  readonly dash?: string;
  /** ms; null = censored. */
  readonly values: readonly (number | null)[];
  readonly trials: readonly number[];
  readonly summary: DurationSummary;
  /** Drawn bold with its p50/p99 marked on the axis (the run's config, or the recommended one). */
  readonly emphasis: boolean;
}

export interface CdfOptions {
  readonly scale: 'linear' | 'log';
  readonly metric: string;
  readonly unitOf: string;
  /** A ◆ at every series' own p50 and p99 (clutter beyond a handful of series; the guides still show them). */
  readonly markEach: boolean;
  /** The censored band's label (default "no leader by the horizon"). */
  readonly censoredLabel?: string;
  /** The chart's data-chart name (default cdf-<scale>). */
  readonly id?: string;
}

const FRAME: Frame = { width: 600, height: 390, top: 22, right: 18, bottom: 64, left: 80 };
/** The censored band at the right ("no leader by the horizon"): the same width, place and words in the linear and the log chart. */
const ZONE = 54;
/** The linear chart's strip for observations beyond its clip: its label on the left half, the observations on the right half. */
const OVER = 34;
/** Band label font size in chart units at --k = 1 (styles.ts .zone-label). */
const ZONE_FONT = 10.5;

type X = ((v: number) => number) & { ticks(n?: number): number[]; domain(): number[] };

/** Where things sit across the chart: the plot, then the overflow strip (linear, clipped), then the censored band. */
interface Layout {
  readonly plotW: number;
  /** Width of the overflow strip (0: not clipped). */
  readonly over: number;
  /** Left edge of the censored band (= plotW + over); its width is ZONE when anything is censored. */
  readonly bandX: number;
  /** x of an observation: on the axis, or in the overflow strip when it is beyond the clip. */
  readonly at: (v: number) => number;
  /** What a censored observation means (the band's label, and the censored marker's tooltip). */
  readonly censoredLabel: string;
}

export function cdfChart(series: readonly CdfSeries[], o: CdfOptions): SafeHtml {
  const anyCensored = series.some((s) => s.values.some((v) => v === null));
  const clipMs = o.scale === 'linear' ? linearClipMs(series) : null;
  const over = clipMs === null ? 0 : OVER;
  const plotW = innerWidth(FRAME) - over - (anyCensored ? ZONE : 0);
  const h = innerHeight(FRAME);
  const x = xScale(series, o.scale, plotW, clipMs);
  const censoredLabel = o.censoredLabel ?? 'no leader by the horizon';
  const lay: Layout = { plotW, over, bandX: plotW + over, at: (v) => (clipMs !== null && v > clipMs ? plotW + over - 9 : x(v)), censoredLabel };
  const y = scaleLinear().domain([0, 1]).range([h, 0]);
  const xAxis = axisBottom(FRAME, { scale: x, ticks: xTicks(x, o.scale, clipMs !== null), keepLast: clipMs !== null, format: (t) => fmtNum(t, 4), label: `${o.metric} (ms${o.scale === 'log' ? ', log scale' : ''})`, grid: true });
  const yAxis = axisLeft(FRAME, { scale: y, ticks: [0, 0.25, 0.5, 0.75, 1], format: (t) => fmtPct(t, 0), label: `share ≤ x`, grid: true });
  const id = o.id ?? `cdf-${o.scale}`;
  const body = [
    clipMs !== null ? overflowStrip(plotW, h, clipMs) : html``,
    anyCensored ? censorZone(lay.bandX, h, censoredLabel) : html``,
    guides(lay.bandX + (anyCensored ? ZONE : 0), y),
    xAxis,
    yAxis,
    join(series.filter((s) => !s.emphasis).map((s) => seriesSvg(s, lay, y, o.markEach, series.length))),
    join(series.filter((s) => s.emphasis).map((s) => html`${seriesSvg(s, lay, y, true, series.length)}${quantileLines(s, lay, y)}`)),
  ];
  const title = `CDF of ${o.metric}, ${o.scale} x axis, ${series.length} configuration${series.length === 1 ? '' : 's'}`;
  return svgFrame(FRAME, { chart: id, title }, body);
}

function maxOf(series: readonly CdfSeries[]): number {
  let m = 0;
  for (const s of series) for (const v of s.values) if (v !== null && v > m) m = v;
  return m;
}

/**
 * A linear axis stretched to one configuration's far tail squeezes every other curve into
 * its left edge. When the largest value is over 2.5 × the pooled p98, the axis stops at
 * about the p98 and the rest is drawn in a strip beyond it, before the censored band (the log
 * chart beside it shows the whole tail). null: no clipping needed.
 */
export function linearClipMs(series: readonly CdfSeries[]): number | null {
  const all: number[] = [];
  for (const s of series) for (const v of s.values) if (v !== null) all.push(v);
  if (all.length < 20) return null;
  all.sort((a, b) => a - b);
  const p98 = all[Math.min(all.length - 1, Math.floor(0.98 * all.length))];
  const max = all[all.length - 1];
  if (!(p98 > 0) || max <= 2.5 * p98) return null;
  const nice = scaleLinear().domain([0, p98 * 1.15]).nice().domain()[1];
  return nice;
}

function xScale(series: readonly CdfSeries[], kind: CdfOptions['scale'], plotW: number, clipMs: number | null = null): X {
  const max = maxOf(series);
  if (kind === 'linear' && clipMs !== null) return scaleLinear().domain([0, clipMs]).range([0, plotW]).clamp(true) as unknown as X;
  if (kind === 'linear') return scaleLinear().domain([0, max > 0 ? max * 1.03 : 1]).nice().range([0, plotW]) as unknown as X;
  let min = Infinity;
  for (const s of series) for (const v of s.values) if (v !== null && v > 0 && v < min) min = v;
  if (!Number.isFinite(min)) min = 1;
  const hi = Math.max(max, min * 3);
  // The axis starts at the 1-2-5 value at or below the smallest observation, so a labelled tick is at or left of every point.
  return scaleLog().domain([stepDown(min / 1.1), hi * 1.15]).range([0, plotW]).clamp(true) as unknown as X;
}

const MANTISSAS_125 = [1, 2, 5];
const MANTISSAS_ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/** The largest 1-2-5 value (…, 0.5, 1, 2, 5, 10, …) at or below v > 0. */
export function stepDown(v: number): number {
  const e = Math.floor(Math.log10(v));
  const found = [5, 2, 1].map((m) => m * 10 ** e).find((t) => t <= v * (1 + 1e-9));
  return found ?? 10 ** e;
}

/** Values m × 10^e (m in mantissas) inside [lo, hi], ascending; rounded so they print cleanly. */
function decadeTicks(lo: number, hi: number, mantissas: readonly number[]): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)) - 1; e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of mantissas) {
      const t = Number((m * 10 ** e).toPrecision(6));
      if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) out.push(t);
    }
  }
  return out;
}

const tickLabel = (t: number) => fmtNum(t, 4);
const spacedTicks = (ticks: readonly number[], x: (v: number) => number) => spaced(ticks, x, tickLabel);

/**
 * Linear: d3's ticks, fewer when their labels would collide; a clipped axis always labels its
 * end (the strip beyond it says "> end"). Log: 1-2-5 in every decade of the domain; when that gives fewer than
 * three, every 1…9; when still fewer (under about half a decade), evenly spaced ticks. Then
 * thinned so no two labels collide.
 */
export function xTicks(x: X, kind: CdfOptions['scale'], clipped = false): number[] {
  if (kind === 'linear') return evenTicks(x, [8, 6, 4], tickLabel, clipped ? x.domain()[1] : undefined);
  const [lo, hi] = x.domain();
  for (const m of [MANTISSAS_125, MANTISSAS_ALL]) {
    const t = spacedTicks(decadeTicks(lo, hi, m), x);
    if (t.length >= 3) return t;
  }
  return spacedTicks(scaleLinear().domain([lo, hi]).ticks(4).filter((t) => t >= lo && t <= hi), x);
}

/** A vertical label's lines: split at spaces so each fits `room` chart units at the largest text scale (two lines at most, then cut with …). */
export function fitLines(label: string, room: number, fontSize: number, maxLines: number): string[] {
  const maxChars = Math.max(4, Math.floor(room / (CHAR_EM * fontSize * MAX_TEXT_SCALE)));
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const cut = lines.slice(0, maxLines);
  if (lines.length > maxLines) cut[maxLines - 1] = `${cut[maxLines - 1].slice(0, maxChars - 1)}…`;
  return cut.map((l) => (l.length > maxChars ? `${l.slice(0, maxChars - 1)}…` : l));
}

/** Text turned up the side, centred on (cx, h/2), in lines 1.15 em apart; it stays inside the plot height, clear of the tick labels below it. */
function verticalLabel(cls: string, cx: number, h: number, lines: readonly string[]): SafeHtml {
  const cy = h / 2;
  const first = -((lines.length - 1) * 1.15) / 2 + 0.35;
  const spans = lines.map((l, i) => html`<tspan x="${n2(cx)}" dy="${(i === 0 ? first : 1.15).toFixed(2)}em">${l}</tspan>`);
  return html`<text class="${cls}" x="${n2(cx)}" y="${n2(cy)}" text-anchor="middle" transform="rotate(-90 ${n2(cx)} ${n2(cy)})">${join(spans)}</text>`;
}

/** The censored band: observations that did not happen by the horizon (or the trial's end), at the same place and in the same words in both charts. */
function censorZone(x0: number, h: number, label: string): SafeHtml {
  return html`<g class="censor-zone" data-band="censored"><rect x="${x0}" y="0" width="${ZONE}" height="${h}" class="zone"></rect>${verticalLabel('zone-label', x0 + ZONE / 2, h, fitLines(label, h - 16, ZONE_FONT, 2))}</g>`;
}

/** The linear chart's overflow strip: observations beyond its last tick (the log chart shows where). */
function overflowStrip(plotW: number, h: number, clipMs: number): SafeHtml {
  return html`<g class="overflow-zone" data-band="overflow" data-clip-ms="${clipMs}"><rect x="${plotW}" y="0" width="${OVER}" height="${h}" class="over"></rect>${verticalLabel('zone-label', plotW + 11, h, fitLines(`> ${fmtNum(clipMs, 4)} ms`, h - 16, ZONE_FONT, 1))}</g>`;
}

function guides(w: number, y: (v: number) => number): SafeHtml {
  return join(
    ([[0.5, 'p50'], [0.99, 'p99']] as const).map(([q, label]) => html`<g class="guide"><line x1="0" x2="${w}" y1="${n2(y(q))}" y2="${n2(y(q))}"></line><text x="4" y="${n2(y(q))}" dy="-0.3em">${label}</text></g>`),
  );
}

/** Points drawn per chart at most (shared by its series): beyond it a series shows an evenly spaced subset by rank. */
export const POINT_BUDGET = 20_000;

/** Which ranks get a point: all of them, or an even subset that keeps the smallest and the largest. */
export function drawnRanks(count: number, series: number): number[] {
  const cap = Math.max(200, Math.floor(POINT_BUDGET / Math.max(1, series)));
  if (count <= cap) return Array.from({ length: count }, (_, i) => i);
  return Array.from({ length: cap }, (_, k) => Math.round((k * (count - 1)) / (cap - 1)));
}

/** Drops step vertices that share a pixel column with the next one (same curve, far fewer vertices for big runs). */
function thin(pts: [number, number][]): [number, number][] {
  return pts.filter((p, i) => i === 0 || i === pts.length - 1 || Math.round(p[0] * 2) !== Math.round(pts[i + 1][0] * 2));
}

/** One configuration: its step curve, a point per uncensored observation, its p50/p99 markers, its censored share. */
function seriesSvg(s: CdfSeries, lay: Layout, y: (v: number) => number, mark: boolean, seriesCount: number): SafeHtml {
  const x = lay.at;
  const n = s.values.length;
  if (n === 0) return html`<g class="series" data-series="${s.index}" data-label="${s.label}" data-n="0" data-points="0"></g>`;
  const obs = s.values.map((v, i) => ({ v, trial: s.trials[i] })).filter((o): o is { v: number; trial: number } => o.v !== null).sort((a, b) => a.v - b.v);
  const censored = n - obs.length;
  const pts: [number, number][] = [[0, y(0)], ...obs.map((o, i): [number, number] => [x(o.v), y((i + 1) / n)])];
  if (censored > 0) pts.push([lay.bandX, y(obs.length / n)], [lay.bandX + ZONE / 2, y(1)], [lay.bandX + ZONE, y(1)]);
  const d = line().curve(curveStepAfter)(thin(pts)) ?? '';
  const ranks = drawnRanks(obs.length, seriesCount);
  const points = ranks.map((i) => {
    const o = obs[i];
    const tip = `${s.label}\n${fmtMs(o.v)} (trial ${o.trial})\n${fmtPct((i + 1) / n, 1)} of ${n} at or below`;
    return html`<circle data-point="" cx="${n2(x(o.v))}" cy="${n2(y((i + 1) / n))}" r="2.4" data-tip="${tip}"></circle>`;
  });
  const cens = censored > 0 ? html`<circle class="censored" tabindex="0" data-censored="${censored}" cx="${n2(lay.bandX + ZONE / 2)}" cy="${n2(y(1))}" r="4" data-tip="${`${s.label}\n${censored} of ${n} censored: ${lay.censoredLabel}`}"></circle>` : html``;
  const dash = s.emphasis ? 'none' : (s.dash ?? 'none');
  // The emphasised curve is solid, thick and haloed in the page colour, so it stays on top of the crowd.
  const halo = s.emphasis ? html`<path class="halo" d="${d}"></path>` : '';
  return html`<g class="series${s.emphasis ? ' emphasis' : ''}" data-series="${s.index}" data-label="${s.label}" data-n="${n}" data-points="${ranks.length}" data-dash="${dash}" style="--c:${s.color};--dash:${dash}">${halo}<path class="line" d="${d}"></path>${join(points)}${mark ? markers(s, x, y, lay.plotW + lay.over) : ''}${cens}</g>`;
}

function markers(s: CdfSeries, x: (v: number) => number, y: (v: number) => number, plotW: number): SafeHtml {
  const m = ([[s.summary.p50, 0.5, 'p50'], [s.summary.p99, 0.99, 'p99']] as const).filter(([v]) => v !== null);
  return join(
    m.map(([v, q, label]) => {
      const cx = x(v as number);
      const cy = y(q);
      const ci = s.summary.quantileCi95?.[label];
      const tip = `${s.label}\n${label}: ${fmtMs(v)}${ci ? `\n95% interval ${formatInterval(ci, fmtNum)} ms (order statistics)` : ''}`;
      return html`${ci ? intervalBar(ci, x, cy, plotW, label) : ''}<path class="qmark" tabindex="0" data-marker="${label}" d="M${n2(cx)},${n2(cy - 5)}l5,5l-5,5l-5,-5z" data-tip="${tip}"></path>`;
    }),
  );
}

/** A quantile's 95% interval as a bar through its mark; an open end (no bound, or beyond the horizon) runs to the plot's edge. */
function intervalBar(ci: readonly [Bound, Bound], x: (v: number) => number, cy: number, plotW: number, label: string): SafeHtml {
  const lo = typeof ci[0] === 'number' ? Math.max(0, x(ci[0])) : ci[0] === null ? 0 : plotW;
  const open = typeof ci[1] !== 'number';
  const hi = open ? plotW : Math.min(plotW, x(ci[1] as number));
  return html`<g class="qci${open ? ' open' : ''}" data-ci="${label}" data-low="${String(ci[0])}" data-high="${String(ci[1])}"><line x1="${n2(lo)}" x2="${n2(hi)}" y1="${n2(cy)}" y2="${n2(cy)}"></line><line x1="${n2(lo)}" x2="${n2(lo)}" y1="${n2(cy - 4)}" y2="${n2(cy + 4)}"></line>${open ? '' : html`<line x1="${n2(hi)}" x2="${n2(hi)}" y1="${n2(cy - 4)}" y2="${n2(cy + 4)}"></line>`}</g>`;
}

/** For the emphasised series: dashed lines down to the x axis at its p50 and p99, labelled with the values near the axis. */
function quantileLines(s: CdfSeries, lay: Layout, y: (v: number) => number): SafeHtml {
  const x = lay.at;
  const h = y(0);
  const m = ([[s.summary.p50, 0.5, 'p50'], [s.summary.p99, 0.99, 'p99']] as const).filter(([v]) => v !== null);
  const lines = m.map(([v, q]) => html`<line x1="${n2(x(v as number))}" x2="${n2(x(v as number))}" y1="${n2(y(q))}" y2="${n2(h)}"></line>`);
  // Stacked in em above the axis (they grow with the text); in the right half a label turns to the left of its line, so it stays inside.
  const plotW = lay.plotW;
  const labels = m.map(([v, , label], i) => {
    const px = x(v as number);
    const right = px > plotW / 2;
    return html`<text x="${n2(px)}" y="${n2(h)}" dx="${right ? -4 : 4}" dy="${(-0.6 - i * 1.25).toFixed(2)}em" text-anchor="${right ? 'end' : 'start'}">${label} ${fmtNum(v)} ms</text>`;
  });
  return html`<g class="qline" style="--c:${s.color}">${join(lines)}${join(labels)}</g>`;
}
