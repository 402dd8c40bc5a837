// The two quantities the sweep heatmaps show, with their colour scales and
// legends: p99 time to leader (lower is better; beyond the horizon hatched)
// and spurious elections per hour (zero is the goal; any other value is red).
import { scaleLinear } from 'd3-scale';
import { html, join, type SafeHtml } from './html.js';
import { GOOD_TO_BAD, ZERO_IS_GOOD } from './colors.js';
import { fmtNum } from './format.js';
import { primaryMetric, type ReportConfig } from './model.js';
import type { HeatMetric } from './heatmap.js';

/**
 * Maps [lo, hi] onto a colour ramp, on a log scale when the values span more
 * than 4×. A narrow range (hi < 2·lo) is widened down to hi/2, so a 1% difference
 * does not look like the difference between the best and the worst.
 */
export function ramp(lo: number, hi: number, colors: readonly string[]): { color: (v: number) => string; lo: number } {
  if (lo > 0 && hi < 2 * lo) lo = hi / 2;
  const useLog = lo > 0 && hi / lo > 4;
  const f = (v: number) => (useLog ? Math.log(v) : v);
  const stops = colors.map((_, i) => i / (colors.length - 1));
  const color = scaleLinear<string>().domain(stops).range(colors as string[]).clamp(true);
  return { lo, color: (v) => (hi === lo ? colors[Math.floor(colors.length / 2)] : color((f(v) - f(lo)) / (f(hi) - f(lo)))) };
}

function rampLegend(lo: number, hi: number, colors: readonly string[], unit: string, extra: SafeHtml): SafeHtml {
  const gradient = `linear-gradient(to right, ${colors.join(', ')})`;
  return html`<div class="ramp"><span>${fmtNum(lo)}</span><span class="ramp-bar" style="background:${gradient}"></span><span>${fmtNum(hi)} ${unit}</span>${extra}</div>`;
}

export function p99Metric(configs: readonly ReportConfig[], faded: (index: number) => boolean = () => false): HeatMetric {
  const p99 = (c: ReportConfig) => primaryMetric(c.result).summary.p99;
  const vals = configs.map(p99).filter((v): v is number => v !== null);
  const lo = vals.length ? Math.min(...vals) : 0;
  const hi = vals.length ? Math.max(...vals) : 1;
  const { color, lo: shownLo } = ramp(lo, hi, GOOD_TO_BAD);
  const title = `p99 ${primaryMetric(configs[0].result).title}`;
  const beyond = html`<span class="swatch beyond-swatch"></span><span>beyond the horizon (censored)</span>`;
  const fadedNote = configs.some((c) => faded(c.index)) ? html`<span class="swatch faded-swatch"></span><span>hatched: excluded by the rule</span>` : html``;
  return {
    id: 'p99',
    title,
    faded: (c) => faded(c.index),
    fill: (c) => (p99(c) === null ? null : color(p99(c)!)),
    text: (c) => (p99(c) === null ? '> horizon' : `${fmtNum(p99(c))} ms`),
    legend: rampLegend(shownLo, hi, GOOD_TO_BAD, 'ms', html`${configs.some((c) => p99(c) === null) ? beyond : ''}${fadedNote}`),
  };
}

export function spuriousMetric(configs: readonly ReportConfig[]): HeatMetric {
  const rate = (c: ReportConfig) => c.result.metrics.spuriousElectionsPerHour;
  const pos = configs.map(rate).filter((v) => v > 0);
  const lo = pos.length ? Math.min(...pos) : 1;
  const hi = pos.length ? Math.max(...pos) : 1;
  const { color, lo: shownLo } = ramp(lo, hi, ZERO_IS_GOOD);
  const zero = html`<span class="swatch zero-swatch"></span><span>0: none</span>`;
  return {
    id: 'spurious',
    title: 'spurious elections per hour',
    faded: () => false,
    fill: (c) => (rate(c) === 0 ? 'var(--zero)' : color(rate(c))),
    text: (c) => fmtNum(rate(c)),
    legend: pos.length ? rampLegend(shownLo, hi, ZERO_IS_GOOD, 'per hour', zero) : html`<div class="ramp">${join([zero])}<span>— no configuration held a needless election</span></div>`,
  };
}
