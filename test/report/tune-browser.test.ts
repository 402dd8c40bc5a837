// The tune report (and the interval marks of the run report) in a real browser:
// Debian's Chromium via playwright-core, as in browser.test.ts. The page must
// load offline with no console error; the frontier plot has one point per
// configuration evaluated, the recommendation starred, tooltips working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { cli, ensureBuilt, show, tempDir } from '../cli/cli.js';
import { ARGS, CHROMIUM, HAVE_CHROMIUM, openReport, type Opened } from './chromium.js';
import type { TuneResult } from '../../src/tune/result.js';
import { renderCompareReport } from '../../src/report/compare-report.js';
import { compareResults } from '../../src/verdict/compare.js';
import { config } from './fixtures.js';

const FIXTURE = new URL('../tune/fixtures/lan-3.tune.json5', import.meta.url).pathname;

let dir = '';
let userDataDir = '';
let context: BrowserContext;

const open = (file: string): Promise<Opened> => openReport(context, file);

describe.skipIf(!HAVE_CHROMIUM)('tune and compare reports in Chromium', () => {
  let tuneHtml = '';
  let tuneJson = '';
  let runHtml = '';

  beforeAll(async () => {
    ensureBuilt();
    dir = tempDir('tune-browser');
    tuneHtml = join(dir, 'tune.html');
    tuneJson = join(dir, 'tune.json');
    const t = await cli(['tune', FIXTURE, `--html=${tuneHtml}`, '--out', tuneJson]);
    expect(t.code, show(t)).toBe(0);
    runHtml = join(dir, 'run.html');
    const r = await cli(['run', 'leader-crash', '--trials', '20', '--set', 'horizon=4s', `--html=${runHtml}`]);
    expect(r.code, show(r)).toBe(0);
    userDataDir = mkdtempSync(join(tmpdir(), 'raftsim-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    if (dir && !process.env.RAFTSIM_KEEP_REPORTS) rmSync(dir, { recursive: true, force: true });
  });

  it('tune report: a frontier point per configuration with its bounds, the recommendation starred, tooltips, the evidence table', async () => {
    const { page, errors, requests } = await open(tuneHtml);
    const r = JSON.parse(readFileSync(tuneJson, 'utf8')) as TuneResult;
    expect(r.recommendation).not.toBeNull();
    const chart = 'svg[data-chart="tune-frontier"]';
    expect(await page.locator(`${chart} [data-config]`).count()).toBe(r.configurations.filter((c) => c.failover.every((f) => f.trials > 0)).length);
    expect(await page.locator(`${chart} [data-config="${r.recommendation!.id}"] .star-mark`).count()).toBe(1);
    expect(await page.locator(`${chart} [data-state="missed"]`).count()).toBe(r.configurations.filter((c) => c.state === 'missed').length);
    expect(await page.locator(`${chart} [data-config] line.err`).count()).toBeGreaterThanOrEqual(2 * r.configurations.length);
    const point = page.locator(`${chart} [data-config="${r.recommendation!.id}"] .star-mark`);
    await point.scrollIntoViewIfNeeded();
    const box = (await point.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator('#tooltip').isVisible()).toBe(true);
    expect(await page.locator('#tooltip').textContent()).toContain('★ recommended');
    expect(await page.locator('table[data-table="tune-evidence"] tbody tr').count()).toBe(r.configurations.length);
    expect(await page.locator('[data-snippet="implementation"]').textContent()).toContain('electionTimeout');
    const png = tuneHtml.replace(/\.html$/, '.png');
    await page.screenshot({ path: png, fullPage: true });
    expect(statSync(png).size).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('run report: the p50 and p99 marks carry their 95% intervals', async () => {
    const { page, errors } = await open(runHtml);
    expect(await page.locator('svg[data-chart="cdf-linear"] [data-ci="p99"]').count()).toBe(1);
    expect(await page.locator('svg[data-chart="cdf-linear"] [data-ci="p50"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('compare report: a row per metric, significant ones marked', async () => {
    const fast = Array.from({ length: 40 }, (_, i) => 100 + i);
    const c = compareResults(
      { label: 'A', file: 'a.json', scenario: 'a', point: {}, result: config({ values: fast }) },
      { label: 'B', file: 'b.json', scenario: 'b', point: {}, result: config({ values: fast.map((v) => v * 2) }) },
    );
    const file = join(dir, 'compare.html');
    writeFileSync(file, renderCompareReport(c));
    const { page, errors, requests } = await open(file);
    expect(await page.locator('table[data-table="compare"] tbody tr').count()).toBe(c.rows.length);
    expect(await page.locator('tr[data-metric="time to leader"].rec').count()).toBe(1);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
