// The reports in a real browser: Debian's Chromium (/usr/bin/chromium, never a
// downloaded one) driven by playwright-core, loading each report from file://.
// Every page must load with no console error and no request but itself; the
// charts carry data attributes so elements are counted, not guessed; a PNG
// screenshot is written beside each report for people to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { cli, ensureBuilt, show, tempDir } from '../cli/cli.js';
import { ARGS, CHROMIUM, HAVE_CHROMIUM, openReport, type Opened } from './chromium.js';
import type { ConfigResult, RunResult, SweepResult } from '../../src/verdict/result.js';
import { renderReport } from '../../src/report/render.js';
import { runResult } from './fixtures.js';

if (!HAVE_CHROMIUM) console.warn(`[skip] report browser tests: ${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium)`);

const EVIL_NAME = `evil <script>window.__pwned=1</script> "double" 'single'`;
const EVIL_DESCRIPTION = `Injected <script>window.__pwned=2</script> & "quotes" <img src=x onerror="window.__pwned=3">`;

let dir = '';
let userDataDir = '';
let context: BrowserContext;

/** Writes a report (and its JSON) with the CLI; returns both paths. */
async function report(name: string, args: string[]): Promise<{ html: string; json: string }> {
  const html = join(dir, `${name}.html`);
  const json = join(dir, `${name}.json`);
  const r = await cli([...args, `--html=${html}`, '--out', json]);
  expect(r.code, show(r)).toBe(0);
  return { html, json };
}


const open = (file: string): Promise<Opened> => openReport(context, file);

const uncensored = (c: ConfigResult) => c.samples.timeToLeaderMs.filter((v) => v !== null).length;

/** Hovers an element and checks the tooltip shows the tip of whatever is under the pointer. */
async function hoverShowsTip(page: Page, selector: string): Promise<string> {
  const target = page.locator(selector);
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  const tip = page.locator('#tooltip');
  await expect.poll(() => tip.isVisible()).toBe(true);
  const expected = await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.closest('[data-tip]')?.getAttribute('data-tip') ?? null, [x, y]);
  const text = (await tip.textContent()) ?? '';
  expect(expected).not.toBeNull();
  expect(text).toBe(expected);
  return text;
}

async function screenshotBeside(page: Page, html: string): Promise<string> {
  const png = html.replace(/\.html$/, '.png');
  await page.screenshot({ path: png, fullPage: true });
  expect(statSync(png).size).toBeGreaterThan(10_000);
  return png;
}

describe.skipIf(!HAVE_CHROMIUM)('HTML reports in Chromium', () => {
  let run: { html: string; json: string };
  let sweep: { html: string; json: string };
  let evil: { html: string; json: string };
  /** Made in-process: a far tail (clipped linear axis), censored occurrences and first leaders that did not last. */
  let tails = '';

  beforeAll(async () => {
    ensureBuilt();
    dir = tempDir('browser');
    run = await report('run', ['run', 'leader-crash', '--trials', '20', '--set', 'horizon=4s']);
    sweep = await report('sweep', ['sweep', 'sweep-lan-5', '--trials', '6', '--set', 'faults.0.delay=2s', '--set', 'horizon=4s']);
    const evilFile = join(dir, 'evil.json5');
    writeFileSync(evilFile, JSON.stringify({ name: EVIL_NAME, description: EVIL_DESCRIPTION, cluster: { nodes: 3 }, faults: [{ kind: 'crash', target: 'leader', after: 'stable-leader', delay: '1s' }], trials: 10, horizon: '3s' }));
    evil = await report('evil', ['run', evilFile]);
    const values = [...Array.from({ length: 60 }, (_, i) => 1300 + i * 40), 39_000, null, null];
    const base = runResult({ values, censored: 2, p99: null });
    const stable = values.map((v, i) => (v !== null && i % 7 === 3 ? v * 6 : v));
    tails = join(dir, 'tails.html');
    writeFileSync(tails, renderReport({ ...base, samples: { ...base.samples, timeToStableLeaderMs: stable } }, { generatedAt: '2025-01-02T03:04:05.000Z' }));
    userDataDir = mkdtempSync(join(tmpdir(), 'raftsim-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    if (process.env.RAFTSIM_KEEP_REPORTS) console.log(`reports kept in ${dir}`);
    else if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('run report: loads offline and clean, one CDF series with a point per observation, tooltips work', async () => {
    const { page, errors, requests } = await open(run.html);
    const result = JSON.parse(readFileSync(run.json, 'utf8')) as RunResult;
    for (const chart of ['cdf-linear', 'cdf-log']) {
      expect(await page.locator(`svg[data-chart="${chart}"] g[data-series]`).count()).toBe(1);
      expect(await page.locator(`svg[data-chart="${chart}"] g[data-series="0"] [data-point]`).count()).toBe(uncensored(result));
    }
    const tip = await hoverShowsTip(page, 'svg[data-chart="cdf-linear"] [data-point] >> nth=-1');
    expect(tip).toMatch(/\d ms \(trial \d+\)/);
    expect(await page.locator('[data-timeline]').count()).toBe(result.timelines!.length);
    expect(await page.locator('h1').textContent()).toBe('leader-crash');
    await screenshotBeside(page, run.html);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('sweep report: a CDF series per config, a heatmap cell per sweep point, sortable table, tooltips', async () => {
    const { page, errors, requests } = await open(sweep.html);
    const result = JSON.parse(readFileSync(sweep.json, 'utf8')) as SweepResult;
    const n = result.results.length;
    expect(await page.locator('svg[data-chart="cdf-linear"] g[data-series]').count()).toBe(n);
    for (const [i, c] of result.results.entries()) {
      expect(await page.locator(`svg[data-chart="cdf-linear"] g[data-series="${i}"] [data-point]`).count()).toBe(uncensored(c));
    }
    for (const heat of ['heatmap-p99', 'heatmap-spurious']) expect(await page.locator(`svg[data-chart="${heat}"] [data-cell]`).count()).toBe(n);
    expect(await page.locator('table[data-table="configs"] tbody tr').count()).toBe(n);
    expect(await hoverShowsTip(page, 'svg[data-chart="heatmap-p99"] [data-cell] >> nth=0')).toMatch(/time to leader: p50 .*p99/);
    // Sort by p99 (column 4: #, min, max, p50, p99): ascending numbers.
    await page.locator('button[data-sort-col="4"]').click();
    const keys = await page.locator('table[data-table="configs"] tbody tr td:nth-child(5)').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-sort'))));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    // Twenty curves: no two share both colour and dash, and the key shows each curve's own dash; the recommended one is the boldest.
    const styles = await page.locator('svg[data-chart="cdf-linear"] g[data-series] path.line').evaluateAll((ps) => ps.map((p) => {
      const cs = getComputedStyle(p);
      return { series: p.parentElement!.getAttribute('data-series'), key: `${cs.stroke} / ${cs.strokeDasharray}`, dash: cs.strokeDasharray, width: parseFloat(cs.strokeWidth), emphasis: p.parentElement!.classList.contains('emphasis') };
    }));
    expect(styles.length).toBe(n);
    expect(new Set(styles.map((st) => st.key)).size).toBe(n);
    expect(new Set(styles.map((st) => st.dash)).size).toBeGreaterThanOrEqual(Math.min(n, 5)); // dash patterns, not colour alone
    const boldest = styles.reduce((a, b) => (b.width > a.width ? b : a));
    expect(boldest.emphasis).toBe(true);
    for (const st of styles.filter((x) => !x.emphasis)) {
      const legendDash = await page.locator(`[data-legend="${st.series}"] svg.line-swatch line`).evaluate((l) => getComputedStyle(l).strokeDasharray);
      expect(legendDash, `legend of series ${st.series}`).toBe(st.dash);
    }
    await screenshotBeside(page, sweep.html);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: sweep.html.replace(/\.html$/, '-dark.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('renders a scenario name and description full of <script> and quotes as text, and runs none of it', async () => {
    const { page, errors, requests } = await open(evil.html);
    expect(await page.locator('h1[data-field="scenario"]').textContent()).toBe(EVIL_NAME);
    expect(await page.locator('[data-field="description"]').textContent()).toBe(EVIL_DESCRIPTION);
    expect(await page.locator('[data-field="source"]').textContent()).toContain(JSON.stringify(EVIL_NAME));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('body img').count()).toBe(0);
    await screenshotBeside(page, evil.html);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('its Content-Security-Policy refuses any other inline script', async () => {
    const { page } = await open(run.html);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = 1';
      document.body.appendChild(s);
    });
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  });

  /** What a person would see go wrong on this page, measured in the page: overflow, tiny text, labels outside or over each other. */
  async function layoutProblems(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const out: string[] = [];
      const vw = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth > vw + 1) out.push(`page is ${document.documentElement.scrollWidth}px wide at a ${vw}px viewport`);
      // Text, in HTML or SVG, rendered under 10 px (an SVG's text shrinks with its viewBox scale).
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
        if (!own || el.closest('svg.defs, #tooltip, title')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || getComputedStyle(el).display === 'none') continue;
        const svg = el.closest('svg');
        const vb = svg?.viewBox?.baseVal;
        const scale = svg && vb && vb.width ? svg.getBoundingClientRect().width / vb.width : 1;
        const px = parseFloat(getComputedStyle(el).fontSize) * scale;
        if (px < 9.95) out.push(`text "${(el.textContent ?? '').trim().slice(0, 24)}" is ${px.toFixed(1)}px`);
      }
      // Every chart label inside its chart, and no two labels of one chart overlapping.
      for (const svg of Array.from(document.querySelectorAll('svg.chart'))) {
        const box = svg.getBoundingClientRect();
        const texts = Array.from(svg.querySelectorAll('text')).filter((t) => getComputedStyle(t).display !== 'none' && (t.textContent ?? '').trim() !== '' && t.getBoundingClientRect().width > 0);
        const rects = texts.map((t) => t.getBoundingClientRect());
        rects.forEach((r, i) => {
          if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) out.push(`${svg.getAttribute('data-chart')}: label "${texts[i].textContent}" outside its chart`);
        });
        for (let i = 0; i < rects.length; i++) {
          for (let j = i + 1; j < rects.length; j++) {
            const a = rects[i];
            const b = rects[j];
            const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            // Glyph boxes include line spacing: a few px of touching is not overprinting.
            if (ox > 2 && oy > 3) out.push(`${svg.getAttribute('data-chart')}: "${texts[i].textContent}" overlaps "${texts[j].textContent}"`);
          }
        }
      }
      return out;
    });
  }

  for (const width of [390, 1440]) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`at ${width}px, ${scheme}: no horizontal overflow, no text under 10px, chart labels inside their charts and not overlapping`, async () => {
        for (const file of [run.html, sweep.html, tails]) {
          const { page, errors } = await open(file);
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme: scheme });
          await page.evaluate(() => window.dispatchEvent(new Event('resize')));
          expect(await layoutProblems(page), `${file} at ${width}px`).toEqual([]);
          // Every log CDF keeps at least three visible tick labels, even narrow (every other one hidden).
          const logTicks = await page.locator('svg[data-chart$="log"] .axis-x').evaluateAll((axes) => axes.map((a) => Array.from(a.querySelectorAll('.tick text')).filter((t) => getComputedStyle(t).display !== 'none').length));
          for (const k of logTicks) expect(k, `${file}: visible log ticks`).toBeGreaterThanOrEqual(3);
          expect(errors).toEqual([]);
          await page.close();
        }
      });
    }
  }

  it('a clipped, censored CDF: the band reads the same in both charts, the strip says where the axis stops, labels clear of the ticks; time to a stable leader charted', async () => {
    const { page, errors } = await open(tails);
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => window.dispatchEvent(new Event('resize')));
      const found = await page.evaluate(() => {
        const out: { chart: string; band: string; label: string; clear: boolean }[] = [];
        for (const svg of Array.from(document.querySelectorAll('svg[data-chart^="cdf-"]'))) {
          const ticks = Array.from(svg.querySelectorAll('.tick text')).filter((t) => getComputedStyle(t).display !== 'none').map((t) => t.getBoundingClientRect());
          for (const g of Array.from(svg.querySelectorAll('[data-band]'))) {
            const r = g.querySelector('text')!.getBoundingClientRect();
            const clear = ticks.every((t) => Math.min(r.right, t.right) - Math.max(r.left, t.left) <= 0 || Math.min(r.bottom, t.bottom) - Math.max(r.top, t.top) <= 0);
            out.push({ chart: svg.getAttribute('data-chart')!, band: g.getAttribute('data-band')!, label: g.querySelector('text')!.textContent!, clear });
          }
        }
        return out;
      });
      const censored = found.filter((f) => f.band === 'censored');
      expect(censored.map((f) => f.chart).sort()).toEqual(['cdf-linear', 'cdf-log', 'cdf-stable-linear', 'cdf-stable-log']);
      expect(new Set(censored.filter((f) => !f.chart.includes('stable')).map((f) => f.label))).toEqual(new Set(['no leader by the horizon']));
      expect(found.filter((f) => f.band === 'overflow').map((f) => f.chart)).toContain('cdf-linear');
      expect(found.filter((f) => f.band === 'overflow').map((f) => f.chart).every((c) => c.endsWith('linear'))).toBe(true);
      for (const f of found) expect(f.clear, `${f.chart} ${f.band} label "${f.label}" over a tick label`).toBe(true);
      const ends = await page.locator('svg[data-chart="cdf-linear"]').evaluate((svg) => [svg.querySelector('[data-clip-ms]')!.getAttribute('data-clip-ms'), Array.from(svg.querySelectorAll('.axis-x .tick text')).filter((t) => getComputedStyle(t).display !== 'none').at(-1)!.textContent]);
      expect(ends[1]!.replace(/,/g, '')).toBe(ends[0]); // the clipped axis labels where it stops, even narrow
    }
    expect(await page.locator('[data-field="deposed-note"]').count()).toBe(1);
    expect(await page.locator('[data-field="headline"]').textContent()).toMatch(/p99 time to first leader.*p99 time to a stable leader/);
    await screenshotBeside(page, tails);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in print: no text under 10px, the table header repeats, the histogram is full width', async () => {
    const { page } = await open(sweep.html);
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('resize')));
    expect((await layoutProblems(page)).filter((p) => !p.startsWith('page is'))).toEqual([]);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('table.configs thead')!).display)).toBe('table-header-group');
    const [hist, body] = await page.evaluate(() => [document.querySelector('svg[data-chart="histogram"]')!.getBoundingClientRect().width, document.body.getBoundingClientRect().width]);
    expect(hist).toBeGreaterThan(body * 0.9);
    await page.close();
  });

  it('fits its boxes: at 1440 px the sweep table, verdicts included, fits on one line a row; tick labels stay in their SVGs; the histogram starts near its data with room for its labels and text the CDFs\' size', async () => {
    const { page } = await open(sweep.html);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.evaluate(() => window.dispatchEvent(new Event('resize')));
    const table = await page.evaluate(() => {
      const wrap = document.querySelector('.table-wrap')!;
      const box = wrap.getBoundingClientRect();
      const cells = [...wrap.querySelectorAll('tbody td:last-child')].map((td) => td.getBoundingClientRect());
      const rows = [...wrap.querySelectorAll('tbody tr')].map((r) => r.getBoundingClientRect().height);
      return { scroll: wrap.scrollWidth - wrap.clientWidth, outside: cells.filter((c) => c.right > box.right + 0.5).length, rows };
    });
    expect(table.scroll).toBe(0);
    expect(table.outside).toBe(0);
    expect(Math.max(...table.rows)).toBeLessThan(Math.min(...table.rows) * 1.3);
    // Every verdict badge carries the full wording.
    expect(await page.locator('table.configs tbody td:last-child [title]').count()).toBe(await page.locator('table.configs tbody tr').count());
    const fonts = await page.evaluate(() => ['cdf-linear', 'histogram'].map((c) => parseFloat(getComputedStyle(document.querySelector(`svg[data-chart="${c}"] .axis-x .tick text`)!).fontSize) * document.querySelector(`svg[data-chart="${c}"]`)!.getBoundingClientRect().width / (document.querySelector(`svg[data-chart="${c}"]`) as SVGSVGElement).viewBox.baseVal.width));
    expect(Math.abs(fonts[1] - fonts[0])).toBeLessThan(0.6);
    await page.close();
    const lc = await open(run.html);
    const result = JSON.parse(readFileSync(run.json, 'utf8')) as RunResult;
    for (const width of [1440, 390]) {
      await lc.page.setViewportSize({ width, height: 900 });
      await lc.page.evaluate(() => window.dispatchEvent(new Event('resize')));
      const escaped = await lc.page.evaluate(() =>
        [...document.querySelectorAll('svg.chart')].flatMap((svg) => {
          const r = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('.axis-x .tick text')]
            .filter((t) => getComputedStyle(t).display !== 'none')
            .filter((t) => { const b = t.getBoundingClientRect(); return b.right > r.right + 0.5 || b.left < r.left - 0.5; })
            .map((t) => `${(svg as SVGElement).dataset.chart} ${t.textContent}`);
        }),
      );
      expect(escaped, `at ${width} px`).toEqual([]);
    }
    // At 390 px the CDFs, heatmaps and histogram fit (no pointless sideways scroll); a box that does scroll shows a shadow edge.
    const narrow = await lc.page.evaluate(() => [...document.querySelectorAll('.chart-box')].filter((b) => /cdf|histogram|heatmap/.test(b.querySelector('svg')!.getAttribute('data-chart')!) && b.scrollWidth > b.clientWidth).length);
    expect(narrow).toBe(0);
    expect(await lc.page.evaluate(() => getComputedStyle(document.querySelector('.chart-box')!).backgroundImage)).toContain('gradient');
    // The histogram's x axis starts at a round value at or below the fastest observation, not at 0 (every one here took > 0 ms);
    // its tallest bar leaves room above it.
    const fastest = Math.min(...result.samples.timeToLeaderMs.filter((v): v is number => v !== null));
    const hist = await lc.page.evaluate(() => {
      const svg = document.querySelector('svg[data-chart="histogram"]')!;
      const first = Number(svg.querySelector('.axis-x .tick text')!.textContent!.replace(/,/g, ''));
      const bars = [...svg.querySelectorAll('rect[data-bin]')].map((b) => Number(b.getAttribute('y')));
      return { first, top: Math.min(...bars) };
    });
    expect(hist.first).toBeLessThanOrEqual(fastest);
    expect(hist.first).toBeGreaterThan(0);
    expect(hist.top).toBeGreaterThan(20);
    await lc.page.close();
  });

  it('keyboard: Tab reaches the single-run report\'s tooltips (quantile marks, histogram bars)', async () => {
    const { page } = await open(run.html);
    const tips: string[] = [];
    for (let i = 0; i < 40 && tips.length < 3; i++) {
      await page.keyboard.press('Tab');
      const t = await page.evaluate(() => {
        const el = document.activeElement;
        const tip = document.getElementById('tooltip')!;
        return el && el.closest('svg.chart') && el.hasAttribute('data-tip') && !tip.hidden ? tip.textContent : null;
      });
      if (t) tips.push(t);
    }
    expect(tips.length).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});
