// The CDF's axes, bands and series styles (src/report/cdf.ts, colors.ts), checked
// on the rendered markup and the pure helpers: log ticks cover the data with at
// least three labels that do not collide, the censored band is the same in the
// linear and log charts, and twenty series never share a colour and a dash.
import { describe, expect, it } from 'vitest';
import { scaleLog } from 'd3-scale';
import { cdfChart, fitLines, stepDown, xTicks, type CdfSeries } from '../../src/report/cdf.js';
import { contrast, DASHES, gridStyle, SERIES_LUMINANCE, seriesStyle, luminance } from '../../src/report/colors.js';
import { fmtNum } from '../../src/report/format.js';
import { summary } from './fixtures.js';

const series = (values: (number | null)[], i = 0, emphasis = false): CdfSeries => ({
  index: i, label: `c${i}`, color: '#4e79a7', dash: DASHES[i % DASHES.length], values, trials: values.map((_, k) => k), summary: summary({ n: values.length }), emphasis,
});
const opts = { metric: 'time to leader', unitOf: 'fault occurrences', markEach: false };

/** Tick label values of a chart's x axis, in order. */
function xTickLabels(svg: string): string[] {
  const axis = svg.slice(svg.indexOf('class="axis axis-x"'), svg.indexOf('class="axis-title"', svg.indexOf('class="axis axis-x"')));
  return [...axis.matchAll(/<text y="6" dy="0\.95em" text-anchor="middle">([^<]*)<\/text>/g)].map((m) => m[1]);
}

describe('log x axis ticks', () => {
  // Domains like the charts make: [stepDown(min / 1.1), max * 1.15], including the one that once had no tick below 2,000 ms.
  const spans: [number, number][] = [[1300, 4800], [2100, 2900], [17, 3900], [0.4, 12], [120, 260], [95, 101], [5, 500_000]];
  for (const [min, max] of spans) {
    it(`covers ${min}–${max} ms with >= 3 labels at 1-2-5 (or finer) steps, none colliding`, () => {
      const x = scaleLog().domain([stepDown(min / 1.1), max * 1.15]).range([0, 448]) as unknown as Parameters<typeof xTicks>[0];
      const ticks = xTicks(x, 'log');
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks[0]).toBeLessThanOrEqual(min); // a labelled tick at or left of the smallest value
      for (let i = 1; i < ticks.length; i++) {
        const gap = x(ticks[i]) - x(ticks[i - 1]);
        const half = (fmtNum(ticks[i], 4).length + fmtNum(ticks[i - 1], 4).length) * 0.5 * 0.62 * 11;
        expect(gap, `${ticks[i - 1]}→${ticks[i]}`).toBeGreaterThan(half);
      }
    });
  }

  it('stepDown gives the 1-2-5 value at or below', () => {
    expect([0.7, 1, 1.9, 2, 4.99, 5, 9.9, 1800, 2000].map(stepDown)).toEqual([0.5, 1, 1, 2, 2, 5, 5, 1000, 2000]);
  });
});

describe('censored band and overflow strip', () => {
  // 60 values near 140 ms, one far tail beyond the pooled p98 (clips the linear axis), two censored.
  const values = [...Array.from({ length: 60 }, (_, i) => 80 + i * 2), 3900, null, null];
  const linear = cdfChart([series(values)], { ...opts, scale: 'linear' });
  const log = cdfChart([series(values)], { ...opts, scale: 'log' });
  const band = (svg: string) => /<g class="censor-zone" data-band="censored"><rect x="([\d.]+)" y="0" width="(\d+)"[^]*?<\/g>/.exec(svg);

  it('sits at the same place and says the same in the linear and the log chart', () => {
    const [a, b] = [band(String(linear)), band(String(log))];
    expect(a && b).toBeTruthy();
    expect(a![0].replace(/<text[^]*$/, '')).not.toBe('');
    expect(a![2]).toBe(b![2]);
    const words = (m: RegExpExecArray) => [...m[0].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]).join(' ');
    expect(words(a!)).toBe('no leader by the horizon');
    expect(words(b!)).toBe(words(a!));
  });

  it('the linear chart draws values past its clip in a strip of their own, labelled with the clip, and labels the axis end', () => {
    const strip = /data-band="overflow" data-clip-ms="(\d+)"[^]*?<tspan[^>]*>([^<]*)<\/tspan>/.exec(String(linear));
    expect(strip).not.toBeNull();
    expect(strip![2]).toBe(`&gt; ${fmtNum(Number(strip![1]), 4)} ms`);
    expect(xTickLabels(String(linear)).at(-1)).toBe(fmtNum(Number(strip![1]), 4));

    expect(String(log)).not.toContain('data-band="overflow"');
  });

  it('keeps the clipped end labelled on a narrow chart (every other label is hidden counting from the end)', () => {
    let evenRows = 0;
    for (const scale of [1, 1.3, 1.7, 2.2, 3, 4.1, 5.5, 7]) {
      const v = [...Array.from({ length: 100 }, (_, i) => i * 10 * scale), 40_000 * scale];
      const svg = String(cdfChart([series(v)], { ...opts, scale: 'linear' }));
      const axis = svg.slice(svg.indexOf('class="axis axis-x"'), svg.indexOf('class="axis axis-y"'));
      const xTicksOnly = [...axis.matchAll(/<g class="(tick[^"]*)"/g)].map((m) => m[1]);
      expect(xTicksOnly.at(-1), `scale ${scale}`).toBe('tick');
      if (xTicksOnly.length > 5 && xTicksOnly.length % 2 === 0) evenRows++;
    }
    expect(evenRows).toBeGreaterThan(0); // a row where counting from the start would have hidden the end
  });

  it('fits a long band label into two lines that stay inside the plot height at the largest text scale', () => {
    const lines = fitLines('no leader by the horizon, or the violation that stopped the trial', 288, 10.5, 2);
    expect(lines.length).toBe(2);
    for (const l of lines) expect(l.length * 0.62 * 10.5 * 1.7).toBeLessThanOrEqual(288);
  });
});

describe('series styles', () => {
  const white = '#ffffff';
  const dark = '#16181b';
  const styles = [...Array.from({ length: 20 }, (_, i) => seriesStyle(i)), ...Array.from({ length: 20 }, (_, i) => gridStyle(Math.floor(i / 5), i % 5, 5))];

  it('twenty series never share both colour and dash (categorical, and a 4 × 5 grid)', () => {
    for (const group of [styles.slice(0, 20), styles.slice(20)]) expect(new Set(group.map((s) => `${s.color} ${s.dash}`)).size).toBe(20);
    // In a grid each row is one hue and each column one dash: within a row every dash differs.
    for (let r = 0; r < 4; r++) expect(new Set(styles.slice(20 + r * 5, 25 + r * 5).map((s) => s.dash)).size).toBe(5);
  });

  it('every series colour keeps 3:1 contrast on the light and the dark page', () => {
    for (const s of styles) {
      const l = luminance(s.color)!;
      expect(l).toBeGreaterThanOrEqual(SERIES_LUMINANCE[0] - 0.005);
      expect(l).toBeLessThanOrEqual(SERIES_LUMINANCE[1] + 0.005);
      expect(contrast(s.color, white), s.color).toBeGreaterThanOrEqual(2.95);
      expect(contrast(s.color, dark), s.color).toBeGreaterThanOrEqual(2.95);
    }
  });

  it('draws each curve with its dash, the emphasised one solid and haloed', () => {
    const svg = String(cdfChart([series([100, 120], 0), series([110, 130], 1), series([90, 140], 2, true)], { ...opts, scale: 'linear' }));
    expect(svg).toContain(`data-series="1" data-label="c1" data-n="2" data-points="2" data-dash="${DASHES[1]}"`);
    expect(svg).toMatch(/class="series emphasis" data-series="2"[^>]*data-dash="none"[^>]*><path class="halo"/);
  });
});
