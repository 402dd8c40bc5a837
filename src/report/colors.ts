// Colours that read on a white page, a dark page and paper. Series colours are
// mid-lightness so lines show against both backgrounds; state and fault colours
// live in styles.ts as CSS variables so dark mode can adjust them.
import { scaleLinear } from 'd3-scale';

/** Tableau 10, reordered so the first few are far apart and colour-blind friendly. */
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#9c755f', '#ff9da7', '#bab0ac'];

export function seriesColor(index: number, count: number): string {
  if (count <= PALETTE.length) return PALETTE[index];
  // Many configurations: hues spread round the wheel, neighbours alternate in lightness.
  const hue = Math.round((index * 360) / count + 210) % 360;
  const light = index % 2 === 0 ? 46 : 60;
  return `hsl(${hue} 62% ${light}%)`;
}

/**
 * Colours for a two-key sweep laid out like its heatmap: a hue per row (first
 * key's value), light to dark across the columns (second key's value), so the
 * CDF's curves group visibly by the first key.
 */
export function gridColor(row: number, col: number, cols: number): string {
  const base = PALETTE[row % PALETTE.length];
  const t = cols > 1 ? col / (cols - 1) : 0.5;
  const light = scaleLinear<string>().domain([0, 1]).range([base, '#ffffff'])(0.45);
  const dark = scaleLinear<string>().domain([0, 1]).range([base, '#000000'])(0.32);
  return scaleLinear<string>().domain([0, 0.5, 1]).range([light, base, dark])(t);
}

/** Sequential ramp for "lower is better" cells: pale yellow (good) → dark blue-purple (bad). */
export const GOOD_TO_BAD = ['#fff7bc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494', '#1a1446'];

/** Ramp for counts where any non-zero value is a problem: pale orange → deep red. */
export const ZERO_IS_GOOD = ['#fee8c8', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];

/** Black or white text, whichever reads better on this fill. */
export function textOn(fill: string): string {
  const rgb = channels(fill);
  if (!rgb) return '#111';
  const [r, g, b] = rgb.map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return lum > 0.3 ? '#111' : '#fff';
}

/** [r, g, b] of "#rrggbb" or "rgb(r, g, b)" (what d3's interpolators return). */
function channels(color: string): number[] | null {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex) return [hex[1], hex[2], hex[3]].map((h) => parseInt(h, 16));
  const fn = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(color);
  return fn ? [fn[1], fn[2], fn[3]].map(Number) : null;
}
