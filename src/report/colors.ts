// Colours that read on a white page, a dark page and paper. Series colours are
// mid-lightness so lines show against both backgrounds; state and fault colours
// live in styles.ts as CSS variables so dark mode can adjust them.
import { scaleLinear } from 'd3-scale';

/** Tableau 10, reordered so the first few are far apart and colour-blind friendly (brought into SERIES_LUMINANCE when drawn). */
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#9c755f', '#ff9da7', '#bab0ac'];

/**
 * Dash patterns (SVG stroke-dasharray, in chart units) that tell series of one colour apart:
 * solid, long dashes, dots, dash-dot, dash-dot-dot. The legend repeats them.
 */
export const DASHES = ['none', '9 4', '2 3', '10 3 2.5 3', '6 2.5 1.5 2.5 1.5 2.5'];

/**
 * Relative luminance every series colour is brought into: at most 0.28 keeps 3:1 contrast on
 * the white page (1.05 / 0.33), at least 0.14 keeps 3:1 on the dark one (#16181b: 0.19 / 0.059),
 * the WCAG minimum for graphics.
 */
export const SERIES_LUMINANCE = [0.14, 0.28] as const;

export interface SeriesStyle {
  readonly color: string;
  readonly dash: string;
}

/** Categorical: a palette colour each; past ten series the colours repeat with the next dash pattern, so no two series share both. */
export function seriesStyle(index: number): SeriesStyle {
  return { color: readable(PALETTE[index % PALETTE.length]), dash: DASHES[Math.floor(index / PALETTE.length) % DASHES.length] };
}

/**
 * A two-key sweep laid out like its heatmap: a hue per row (first key's value) and a dash
 * pattern per column (second key's value), the column also a step lighter to darker within
 * the readable band, so the CDF's curves group visibly by the first key and stay apart within it.
 */
export function gridStyle(row: number, col: number, cols: number): SeriesStyle {
  const base = PALETTE[row % PALETTE.length];
  const t = cols > 1 ? col / (cols - 1) : 0.5;
  const [lo, hi] = SERIES_LUMINANCE;
  return { color: atLuminance(base, hi - (hi - lo) * t), dash: DASHES[col % DASHES.length] };
}

/** The colour moved toward black or white until its luminance is inside SERIES_LUMINANCE (unchanged when it already is). */
export function readable(color: string): string {
  const l = luminance(color);
  const [lo, hi] = SERIES_LUMINANCE;
  if (l === null || (l >= lo && l <= hi)) return color;
  return atLuminance(color, l > hi ? hi : lo);
}

/** The colour mixed with black or white to the given relative luminance (bisection: luminance is monotone in the mix). */
function atLuminance(color: string, target: number): string {
  const l = luminance(color) ?? target;
  const toward = scaleLinear<string>().domain([0, 1]).range([color, l > target ? '#000000' : '#ffffff']);
  let a = 0;
  let b = 1;
  for (let i = 0; i < 24; i++) {
    const m = (a + b) / 2;
    const lm = luminance(toward(m)) ?? target;
    if (l > target ? lm > target : lm < target) a = m;
    else b = m;
  }
  return hex(toward(b));
}

/** WCAG relative luminance of "#rrggbb" or "rgb(r, g, b)". */
export function luminance(color: string): number | null {
  const rgb = channels(color);
  if (!rgb) return null;
  const [r, g, b] = rgb.map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a) ?? 0, luminance(b) ?? 0].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

function hex(color: string): string {
  const rgb = channels(color);
  return rgb ? `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}` : color;
}

/** Sequential ramp for "lower is better" cells: pale yellow (good) → dark blue-purple (bad). */
export const GOOD_TO_BAD = ['#fff7bc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494', '#1a1446'];

/** Ramp for counts where any non-zero value is a problem: pale orange → deep red. */
export const ZERO_IS_GOOD = ['#fee8c8', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];

/** Black or white text, whichever reads better on this fill. */
export function textOn(fill: string): string {
  const lum = luminance(fill);
  if (lum === null) return '#111';
  return lum > 0.3 ? '#111' : '#fff';
}

/** [r, g, b] of "#rrggbb" or "rgb(r, g, b)" (what d3's interpolators return). */
function channels(color: string): number[] | null {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex) return [hex[1], hex[2], hex[3]].map((h) => parseInt(h, 16));
  const fn = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(color);
  return fn ? [fn[1], fn[2], fn[3]].map(Number) : null;
}
