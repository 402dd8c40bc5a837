// The rendered page as a string (src/report/render.ts): what it contains, that
// it escapes, that it needs nothing from the network, and that it is
// deterministic apart from the date it is given.
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/render.js';
import { RECOMMENDATION_RULE } from '../../src/report/recommend.js';
import { POINT_BUDGET, drawnRanks } from '../../src/report/cdf.js';
import { config, runResult, sweepResult, timeline } from './fixtures.js';
import { resultShapeProblem } from '../../src/report/result-shape.js';

const DATE = '2025-01-02T03:04:05.000Z';

/** The markup of one chart, by its data-chart name. */
function chart(page: string, name: string): string {
  const start = page.indexOf(`data-chart="${name}"`);
  expect(start, `chart ${name}`).toBeGreaterThan(0);
  return page.slice(start, page.indexOf('</svg>', start));
}

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('run report', () => {
  const values = [150, 170, 0, 220, null, 190];
  const page = renderReport(runResult({ values, censored: 1, p99: null, timelines: [timeline({ label: 'best' }), timeline({ label: 'worst', trial: 9 })] }), { generatedAt: DATE });

  it('draws one CDF series with a point per uncensored observation, on both axes', () => {
    for (const name of ['cdf-linear', 'cdf-log']) {
      const svg = chart(page, name);
      expect(count(svg, /<g class="series[^"]*" data-series=/g)).toBe(1);
      expect(count(svg, /data-point=/g)).toBe(5);
      expect(count(svg, /data-censored="1"/g)).toBe(1);
    }
  });

  it('has a histogram, the timelines, the source and the environment', () => {
    expect(chart(page, 'histogram')).toContain('data-bin="censored"');
    expect(count(page, /data-timeline="/g)).toBe(2);
    expect(page).toContain('data-chart="timeline-worst"');
    expect(page).toContain('data-field="source"');
    expect(page).toContain(DATE);
    expect(page).toContain('raftsim run test --seed 1 --trials 5 --html');
  });

  it('is self-contained: no URL, no external resource, one script allowed by hash', () => {
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(page).not.toMatch(/\ssrc=/i);
    expect(count(page, /<script\b/g)).toBe(1);
    // Quotes in the attribute are escaped as &#39; (the browser decodes them).
    expect(page).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;;[^"]*script-src &#39;sha256-/);
  });

  it('is the same page for the same result and date', () => {
    const again = renderReport(runResult({ values, censored: 1, p99: null, timelines: [timeline({ label: 'best' }), timeline({ label: 'worst', trial: 9 })] }), { generatedAt: DATE });
    expect(again).toBe(page);
  });

  it('renders results saved before samples and overrides were recorded', () => {
    const { samples: _s, overrides: _o, ...old } = runResult();
    const out = renderReport(old as unknown as Parameters<typeof renderReport>[0], { generatedAt: DATE });
    expect(out).toContain('saved by an older raftsim');
    expect(out).toContain('raftsim run test --seed 1 --trials 5 --html');
  });

  it('says how to get timelines when the result has none', () => {
    const bare = renderReport(runResult(), { generatedAt: DATE });
    expect(bare).toContain('data-field="no-timelines"');
    expect(bare).toContain('--timelines');
  });
});

describe('escaping of everything that came from a scenario file', () => {
  const evil = `<script>window.__pwned=1</script>"quoted" 'single' & <img src=x onerror="x()">`;
  const r = { ...runResult({ name: `n${evil}`, description: `d${evil}`, timelines: [timeline({ faults: [{ description: `crash ${evil}`, startUs: 2_000_000, healUs: null }] })] }), overrides: [`raft.x=${evil}`] };
  const page = renderReport(r, { generatedAt: DATE });

  it('never lets a name, description, fault, override or source become markup', () => {
    expect(count(page, /<script\b/g)).toBe(1);
    expect(page).not.toContain('<img');
    expect(page).not.toContain('onerror="x()"');
    expect(page).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;&quot;quoted&quot; &#39;single&#39; &amp;');
  });

  it('escapes swept values in the heatmaps, legend and table', () => {
    const sweep = sweepResult([config({ point: { k: evil, j: 1 } }), config({ point: { k: 'b', j: 1 } })]);
    const out = renderReport(sweep, { generatedAt: DATE });
    expect(count(out, /<script\b/g)).toBe(1);
    expect(out).not.toContain('<img');
  });
});

describe('sweep report', () => {
  const configs = [
    config({ point: { 'raft.a': '10ms', 'raft.b': true }, p99: 90, spurious: 12 }),
    config({ point: { 'raft.a': '10ms', 'raft.b': false }, p99: 300 }),
    config({ point: { 'raft.a': '20ms', 'raft.b': true }, p99: 150, timelines: [timeline()] }),
    config({ point: { 'raft.a': '20ms', 'raft.b': false }, p99: null, censored: 1 }),
  ];
  const page = renderReport(sweepResult(configs), { generatedAt: DATE });

  it('draws one CDF series per configuration and one heatmap cell per configuration', () => {
    expect(count(chart(page, 'cdf-linear'), /data-series=/g)).toBe(4);
    expect(count(chart(page, 'heatmap-p99'), /data-cell=/g)).toBe(4);
    expect(count(chart(page, 'heatmap-spurious'), /data-cell=/g)).toBe(4);
  });

  it('recommends under the stated rule and highlights the choice', () => {
    expect(page).toContain(RECOMMENDATION_RULE.slice(0, 60));
    expect(page).toContain('data-recommended="2"');
    expect(page).toMatch(/<tr data-row="2" data-legend="2" class="rec">/);
    expect(page).toMatch(/class="cell rec" data-cell="" data-config="2"/);
    // The configuration with needless elections is faded in the p99 map: the rule excluded it.
    expect(page).toMatch(/class="cell faded" data-cell="" data-config="0"/);
  });

  it('lists every configuration in a sortable table and shows the recommended one\'s timelines', () => {
    expect(count(page, /<tr data-row=/g)).toBe(4);
    expect(count(page, /data-sort-col=/g)).toBeGreaterThan(8);
    expect(page).toContain('data-chart="timeline-median"');
    expect(page).toContain('raftsim sweep test --seed 1 --trials 5 --html');
  });

  it('says when the sweep was interrupted', () => {
    const out = renderReport({ ...sweepResult(configs.slice(0, 2)), interrupted: true }, { generatedAt: DATE });
    expect(out).toContain('interrupted');
    expect(count(chart(out, 'heatmap-p99'), /data-cell=/g)).toBe(2);
  });
});

describe('large runs', () => {
  it('draw every point up to the budget, then an even subset by rank that keeps both ends', () => {
    expect(drawnRanks(50, 20)).toHaveLength(50);
    const ranks = drawnRanks(100_000, 1);
    expect(ranks).toHaveLength(POINT_BUDGET);
    expect(ranks[0]).toBe(0);
    expect(ranks[ranks.length - 1]).toBe(99_999);
    expect(new Set(ranks).size).toBe(ranks.length);
  });

  it('say on each series how many observations it has and how many points it draws', () => {
    const values = Array.from({ length: 30_000 }, (_, i) => 100 + (i % 997));
    const page = renderReport(runResult({ values }), { generatedAt: DATE });
    const svg = chart(page, 'cdf-linear');
    expect(svg).toContain(`data-n="30000" data-points="${POINT_BUDGET}"`);
    expect(count(svg, /data-point=/g)).toBe(POINT_BUDGET);
    expect(page.length).toBeLessThan(20_000_000);
  });

  it('say why there are no timelines when a sweep has nothing to recommend', () => {
    const page = renderReport(sweepResult([config({ violated: true, point: { a: 1 } })]), { generatedAt: DATE });
    expect(page).toContain('No configuration was recommended');
    expect(page).not.toContain('data-field="no-timelines"');
  });
});

describe('time to a stable leader (a first new leader can be deposed at once)', () => {
  const first = [150, 170, 160, 220, 190];
  const stable = [150, 1529, 160, 220, 190]; // occurrence 1: the first leader was deposed
  const withStable = (values: (number | null)[]) => {
    const r = runResult({ values: first });
    return { ...r, samples: { ...r.samples, timeToStableLeaderMs: values }, metrics: { ...r.metrics, timeToStableLeaderMs: { ...r.metrics.timeToStableLeaderMs, p99: 1529 } } };
  };

  it('plots it beside time to leader, and the headline says which is which', () => {
    const page = renderReport(withStable(stable), { generatedAt: DATE });
    for (const name of ['cdf-stable-linear', 'cdf-stable-log']) expect(count(chart(page, name), /data-point=/g)).toBe(5);
    expect(page).toContain('p99 time to first leader');
    expect(page).toContain('p99 time to a stable leader');
    expect(page).toMatch(/data-field="deposed-note"[^]*in 1 of 5 fault occurrences the first new leader stopped leading[^]*p99 1,529 ms/);
  });

  it('says in one sentence when every first leader lasted, and draws no second pair', () => {
    const page = renderReport(withStable(first), { generatedAt: DATE });
    expect(page).not.toContain('data-chart="cdf-stable-linear"');
    expect(page).toContain('data-field="stable-same"');
    expect(page).not.toContain('data-field="deposed-note"');
  });

  it('renders results saved before the samples had it (and the shape check accepts them)', () => {
    const old = runResult({ values: first });
    expect(old.samples.timeToStableLeaderMs).toBeUndefined();
    expect(resultShapeProblem(JSON.parse(JSON.stringify(old)))).toBeNull();
    const page = renderReport(old, { generatedAt: DATE });
    expect(page).toContain('data-chart="cdf-linear"');
    expect(page).not.toContain('cdf-stable');
    expect(resultShapeProblem(JSON.parse(JSON.stringify(withStable(stable))))).toBeNull();
    expect(resultShapeProblem(JSON.parse(JSON.stringify(withStable([150]))))).toMatch(/timeToStableLeaderMs/);
  });
});
