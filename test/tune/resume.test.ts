// An interrupted tune keeps its finished trials (tune/trial-cache.ts) and a
// resumed one reaches the result of an uninterrupted run without running any of
// them again: in this process with an abort after a set number of trials, and
// through the CLI with SIGTERM (sent once the partial file exists, never on a timer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadTuneFile } from '../../src/tune/load.js';
import { search } from '../../src/tune/search.js';
import { InterruptedError, simEvaluator } from '../../src/tune/evaluate-sim.js';
import { tuneResult } from '../../src/tune/result.js';
import { TrialCache } from '../../src/tune/trial-cache.js';
import { parseStore } from '../../src/run/trial-store.js';
import { cli, ensureBuilt, interrupted, show, tempDir } from '../cli/cli.js';

const FIXTURE = new URL('./fixtures/lan-3.tune.json5', import.meta.url).pathname;
const BUDGET = 1200;

/** The fixture's search with `cache`; aborts once `stopAfter` new trials finished. `ran`: trials this call ran. */
async function tuneWith(cache: TrialCache, o: { stopAfter?: number; seed?: string } = {}) {
  const spec = loadTuneFile(FIXTURE, { budgetTrials: BUDGET, seed: o.seed });
  const ac = new AbortController();
  const before = cache.size;
  let ran = 0;
  const evaluate = simEvaluator(spec, {
    workers: 1,
    cache,
    signal: ac.signal,
    onTrials: () => {
      ran = cache.size - before;
      if (o.stopAfter !== undefined && ran >= o.stopAfter) ac.abort();
    },
  });
  const out = await search({ grid: spec.grid, axes: spec.axes, families: spec.families, goals: spec.goals }, evaluate, { budgetTrials: spec.budgetTrials, ...spec.search });
  return { result: tuneResult(spec, out, false), ran };
}

describe('tune: interrupted and resumed', () => {
  it('keeps every finished trial and, resumed from the saved cache, runs only the rest to the same result', async () => {
    const whole = await tuneWith(new TrialCache());
    const partial = new TrialCache();
    await expect(tuneWith(partial, { stopAfter: 200 })).rejects.toBeInstanceOf(InterruptedError);
    expect(partial.size).toBeGreaterThanOrEqual(200);
    expect(partial.size).toBeLessThan(whole.ran);
    const loaded = TrialCache.parse(partial.serialize('lan-3.tune.json5'));
    if (typeof loaded === 'string') throw new Error(loaded);
    expect(loaded.size).toBe(partial.size);
    const resumed = await tuneWith(loaded);
    expect(resumed.result).toEqual(whole.result);
    expect(resumed.ran).toBe(whole.ran - partial.size);
    expect(loaded.reusedFromFile).toBe(partial.size);
  });

  it("another search's kept trials are never used: the result is unchanged and nothing counts as reused", async () => {
    const whole = await tuneWith(new TrialCache());
    const other = new TrialCache();
    await expect(tuneWith(other, { stopAfter: 100, seed: '2' })).rejects.toBeInstanceOf(InterruptedError);
    const loaded = TrialCache.parse(other.serialize('lan-3.tune.json5'));
    if (typeof loaded === 'string') throw new Error(loaded);
    const resumed = await tuneWith(loaded);
    expect(resumed.result).toEqual(whole.result);
    expect(resumed.ran).toBe(whole.ran);
    expect(loaded.reusedFromFile).toBe(0);
  });

  it('keeps a few dozen bytes a trial, whatever the trial measured (a whole summary holds every write)', async () => {
    const cache = new TrialCache();
    await tuneWith(cache);
    const text = cache.serialize('lan-3.tune.json5');
    expect(text.length / cache.size).toBeLessThan(120);
  });

  it('refuses a file that is not a tune partial file, saying what it is', () => {
    expect(TrialCache.parse('{')).toMatch(/^not JSON/);
    expect(TrialCache.parse('{"format":"raftsim-trials"}')).toMatch(/run, sweep and check write another kind/);
    // And the other way round: run, sweep and check name the command that resumes a tune's file.
    expect(parseStore('{"format":"raftsim-tune-trials"}')).toMatch(/interrupted `raftsim tune`: resume it with raftsim tune TUNEFILE --resume FILE/);
    expect(TrialCache.parse('{"format":"raftsim-tune-trials","version":1,"raftsimVersion":"x","tuneFile":"t","configs":[{"key":"zz","done":[]}]}')).toMatch(/configs\.0\.key/);
    // A trial without what the search reads is refused, not a crash later.
    const key = 'a'.repeat(64);
    expect(TrialCache.parse(`{"format":"raftsim-tune-trials","version":1,"raftsimVersion":"x","tuneFile":"t","configs":[{"key":"${key}","done":[{"trial":0,"metrics":{}}]}]}`)).toMatch(/^not a valid tune partial file: configs\.0\.done\.0/);
  });
});

describe('raftsim tune: SIGTERM and --resume', () => {
  let dir = '';
  beforeAll(() => {
    ensureBuilt();
    dir = tempDir('tune-resume');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('SIGTERM keeps the finished trials (exit 143) and --resume prints the uninterrupted JSON', async () => {
    const args = ['tune', FIXTURE, '--budget', String(BUDGET), '--json', '--workers', '1'];
    const full = await cli(args);
    expect(full.code, show(full)).toBe(0);
    expect(full.stderr).toMatch(/^round 1: \d+ trials, \d+ configurations evaluated/m); // a line a round, off a terminal too
    const out = join(dir, 'tune.json');
    const r = await interrupted([...args, '--out', out], `${out}.partial`, 'SIGTERM');
    expect(r.code, r.stderr).toBe(143);
    expect(r.stderr).toMatch(/interrupted: kept \d+ finished trials in .*tune\.json\.partial\nresume with: npx raftsim tune .* --resume .*tune\.json\.partial/);
    const resumed = await cli([...args, '--out', out, '--resume', `${out}.partial`]);
    expect(resumed.code, show(resumed)).toBe(0);
    expect(resumed.stderr).toMatch(/^resuming: \d+ finished trials in .*tune\.json\.partial$/m);
    expect(resumed.stderr).toMatch(/^resumed: [1-9]\d* of the \d+ trials in .* were this search's and were not run again$/m);
    expect(resumed.stdout).toBe(full.stdout);
    expect(existsSync(`${out}.partial`)).toBe(false); // consumed
  });

  it('a --resume file that is not a tune partial file: exit 2 with the reason', async () => {
    const r = await cli(['tune', FIXTURE, '--resume', FIXTURE]);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(/--resume .*lan-3\.tune\.json5: not JSON/);
  });
});
