// SVG axes and chart frames shared by every chart: ticks from d3-scale, drawn
// as plain SVG strings (no DOM on the server side).
import { html, join, n2, type SafeHtml } from './html.js';

export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export const innerWidth = (f: Frame) => f.width - f.left - f.right;
export const innerHeight = (f: Frame) => f.height - f.top - f.bottom;

type Scale = (x: number) => number;

export interface AxisSpec {
  readonly scale: Scale;
  readonly ticks: readonly number[];
  readonly format: (x: number) => string;
  readonly label: string;
  /** Draw light grid lines across the plot at each tick. */
  readonly grid?: boolean;
  /** When narrow, hide every other label counting from the last, so the last stays (a clipped axis's end). */
  readonly keepLast?: boolean;
}

/**
 * The x axis along the bottom of the plot area, with its title below. Label offsets are in em,
 * so they keep their spacing when the page enlarges chart text (--k); frames leave room for
 * MAX_TEXT_SCALE (a bottom margin of at least 62).
 */
export function axisBottom(f: Frame, a: AxisSpec): SafeHtml {
  const h = innerHeight(f);
  // Odd-numbered ticks are marked: on a narrow chart (larger text) their labels are hidden (styles.ts).
  const ticks = a.ticks.map((t, i) => {
    const px = a.scale(t);
    const x = n2(px);
    const k = a.keepLast ? a.ticks.length - 1 - i : i;
    const text = a.format(t);
    return html`<g class="tick${k % 2 === 1 && a.ticks.length > 5 ? ' odd' : ''}" transform="translate(${x},0)">${a.grid ? html`<line class="grid" y1="0" y2="${-h}"></line>` : ''}<line y1="0" y2="5"></line><text y="6" dy="0.95em" text-anchor="${edgeAnchor(f, px, text)}">${text}</text></g>`;
  });
  return html`<g class="axis axis-x" transform="translate(0,${h})"><line class="domain" x1="0" x2="${innerWidth(f)}"></line>${join(ticks)}<text class="axis-title" x="${n2(innerWidth(f) / 2)}" y="6" dy="2.45em" text-anchor="middle">${a.label}</text></g>`;
}

/**
 * A label centred on its tick unless, at the largest text scale, it would reach past the
 * chart's edge: then it ends (or starts) at its tick, so it stays inside the SVG.
 */
function edgeAnchor(f: Frame, px: number, text: string): 'start' | 'middle' | 'end' {
  const half = (labelWidth(text) * MAX_TEXT_SCALE) / 2;
  if (px + half > innerWidth(f) + f.right) return 'end';
  if (px - half < -f.left) return 'start';
  return 'middle';
}

/** The y axis along the left of the plot area, with its title turned up the side. */
export function axisLeft(f: Frame, a: AxisSpec): SafeHtml {
  const w = innerWidth(f);
  const ticks = a.ticks.map((t) => {
    const y = n2(a.scale(t));
    return html`<g class="tick" transform="translate(0,${y})">${a.grid ? html`<line class="grid" x1="0" x2="${w}"></line>` : ''}<line x1="-5" x2="0"></line><text x="-8" dy="0.32em" text-anchor="end">${a.format(t)}</text></g>`;
  });
  const mid = n2(innerHeight(f) / 2);
  return html`<g class="axis axis-y"><line class="domain" y1="0" y2="${innerHeight(f)}"></line>${join(ticks)}<text class="axis-title" transform="translate(${-f.left + 3},${mid}) rotate(-90)" dy="0.8em" text-anchor="middle">${a.label}</text></g>`;
}

/**
 * How much the page script may enlarge a chart's text (the CSS variable --k) to keep it
 * legible when the chart is drawn narrower than its viewBox. A chart is never drawn narrower
 * than viewBox / MAX_TEXT_SCALE (chartMinWidth), so its text never renders under its base size
 * (10.5 px at the smallest); below that it scrolls in its own .chart-box.
 */
export const MAX_TEXT_SCALE = 1.7;

export function chartMinWidth(viewBoxWidth: number): number {
  return Math.ceil(viewBoxWidth / MAX_TEXT_SCALE);
}

/**
 * An <svg> with a viewBox (it scales to its container) and the plot area translated by the margins.
 * fitText: drawn wider than its viewBox, its text shrinks back (--k under 1) to its base size in px.
 */
export function svgFrame(f: Frame, attrs: { chart: string; title: string; fitText?: boolean }, body: SafeHtml | SafeHtml[]): SafeHtml {
  return html`<div class="chart-box"><svg class="chart" data-chart="${attrs.chart}"${attrs.fitText ? html` data-text-fit=""` : ''} viewBox="0 0 ${f.width} ${f.height}" style="min-width:${chartMinWidth(f.width)}px" role="img" aria-label="${attrs.title}" preserveAspectRatio="xMidYMid meet"><title>${attrs.title}</title><g transform="translate(${f.left},${f.top})">${body}</g></svg></div>`;
}

/** Width of a character in em, generously (digits of the page's sans-serif are ~0.64 em, separators far less). */
export const CHAR_EM = 0.62;
/** Tick label font size in chart units at --k = 1 (styles.ts svg.chart text). */
export const TICK_FONT = 11;

/** Estimated width of a tick label in chart units at --k = 1. */
export const labelWidth = (text: string) => text.length * CHAR_EM * TICK_FONT;

/**
 * Drops ticks, left to right (or right to left, keeping the last), whose label would come
 * within 6 units of the last one kept. Kept labels then never touch at --k = 1; on a narrow
 * chart (larger text) every other label is hidden (axisBottom), which doubles the gaps more
 * than the text grows (MAX_TEXT_SCALE).
 */
export function spaced(ticks: readonly number[], x: (v: number) => number, format: (t: number) => string, fromRight = false): number[] {
  const kept: number[] = [];
  for (const t of fromRight ? [...ticks].reverse() : ticks) {
    const last = kept[kept.length - 1];
    if (last === undefined || Math.abs(x(t) - x(last)) >= (labelWidth(format(t)) + labelWidth(format(last))) / 2 + 6) kept.push(t);
  }
  return fromRight ? kept.reverse() : kept;
}

/**
 * Evenly spaced ticks from a linear scale: the most of `counts` whose labels do not collide
 * (thinning an even row would leave it uneven), plus `end` when given (a clipped axis labels
 * where it stops; the ticks nearest it make way).
 */
export function evenTicks(scale: { ticks(n: number): number[] } & ((v: number) => number), counts: readonly number[], format: (t: number) => string, end?: number): number[] {
  let kept: number[] = [];
  for (const n of counts) {
    const t = end === undefined ? scale.ticks(n) : [...scale.ticks(n).filter((v) => v < end), end];
    kept = spaced(t, scale, format, end !== undefined);
    // Evenly spaced but for the one next to the end, which may make way for it.
    if (kept.length >= t.length - (end === undefined ? 0 : 1) && (end === undefined || kept.slice(0, -1).every((v, i) => v === t[i]))) return kept;
  }
  return kept;
}
