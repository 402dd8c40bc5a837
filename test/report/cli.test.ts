// The report plumbing end to end: `--timelines`, `--html` (bare and with a
// path) on run and sweep, and `raftsim report` with good and bad files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { badInputProblems, cli, ensureBuilt, show, tempDir } from '../cli/cli.js';
import { recommend } from '../../src/report/recommend.js';
import type { RunResult, SweepResult } from '../../src/verdict/result.js';

// Short and small: 20 trials, a 4 s horizon.
const RUN = ['run', 'leader-crash', '--trials', '20', '--set', 'horizon=4s'];
const SWEEP = ['sweep', 'sweep-lan-5', '--trials', '4', '--set', 'faults.0.delay=2s', '--set', 'horizon=4s'];

let dir = '';
beforeAll(() => {
  ensureBuilt();
  dir = tempDir('report');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--timelines', () => {
  it('adds best/median/worst timelines to a run and changes nothing else in the JSON', async () => {
    const plain = await cli([...RUN, '--json']);
    const withTl = await cli([...RUN, '--json', '--timelines', '--workers', '1']);
    expect(plain.code, show(plain)).toBe(0);
    expect(withTl.code, show(withTl)).toBe(0);
    const { timelines, ...rest } = JSON.parse(withTl.stdout) as RunResult;
    expect(timelines?.map((t) => t.label)).toEqual(['best', 'median', 'worst']);
    expect(`${JSON.stringify(rest, null, 2)}\n`).toBe(plain.stdout);
  });

  it('adds timelines to the recommended configuration of a sweep only, deterministically', async () => {
    const a = await cli([...SWEEP, '--json', '--timelines']);
    const b = await cli([...SWEEP, '--json', '--timelines', '--workers', '1']);
    expect(a.code, show(a)).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const r = JSON.parse(a.stdout) as SweepResult;
    const rec = recommend(r.results);
    expect(rec).not.toBeNull();
    const withTl = r.results.map((c, i) => (c.timelines ? i : -1)).filter((i) => i >= 0);
    expect(withTl).toEqual([rec!.index]);
  });
});

describe('--html', () => {
  it('bare: writes reports/<scenario>.html under the working directory and says where on stderr', async () => {
    const cwd = join(dir, 'bare');
    mkdirSync(cwd, { recursive: true });
    const r = await cli([...RUN, '--html'], { cwd });
    expect(r.code, show(r)).toBe(0);
    const file = join(cwd, 'reports', 'leader-crash.html');
    expect(existsSync(file)).toBe(true);
    expect(r.stderr).toContain('report: reports/leader-crash.html');
    expect(r.stdout).toContain('time to leader');
    expect(readFileSync(file, 'utf8')).toContain('data-chart="timeline-worst"');
  });

  it('with a path: writes there, and the JSON carries the timelines it implies', async () => {
    const file = join(dir, 'nested', 'sweep.html');
    const r = await cli([...SWEEP, `--html=${file}`, '--json']);
    expect(r.code, show(r)).toBe(0);
    expect(existsSync(file)).toBe(true);
    const json = JSON.parse(r.stdout) as SweepResult;
    expect(json.results.some((c) => c.timelines !== undefined)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('data-chart="heatmap-p99"');
  });
});

describe('raftsim report', () => {
  it('renders saved results; without timelines the page and stderr say how to get them', async () => {
    const saved = join(dir, 'saved.json');
    const run = await cli([...RUN, '--out', saved]);
    expect(run.code, show(run)).toBe(0);
    const out = join(dir, 'saved.html');
    const r = await cli(['report', saved, '--out', out]);
    expect(r.code, show(r)).toBe(0);
    expect(r.stderr).toContain(`report: ${out}`);
    expect(r.stderr).toMatch(/no timelines.*--timelines/);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('data-field="no-timelines"');
    expect(page).toContain('raftsim run leader-crash --seed 1 --trials 20 --set horizon=4s');
  });

  it('renders a saved sweep (recognised by its results array) to reports/<scenario>.html by default', async () => {
    const cwd = join(dir, 'report-default');
    mkdirSync(cwd, { recursive: true });
    const saved = join(cwd, 'sweep.json');
    expect((await cli([...SWEEP, '--timelines', '--out', saved], { cwd })).code).toBe(0);
    const r = await cli(['report', 'sweep.json'], { cwd });
    expect(r.code, show(r)).toBe(0);
    const page = readFileSync(join(cwd, 'reports', 'sweep-lan-5.html'), 'utf8');
    expect(page).toContain('data-heatmap="p99"');
    expect(page).not.toContain('data-field="no-timelines"');
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.json'), /cannot read .*nope\.json: no such file/],
    ['a directory', () => dir, /is a directory, not a file/],
    ['invalid JSON', () => write('bad.json', '{ "scenario": '), /bad\.json is not valid JSON/],
    ['JSON of another shape', () => write('other.json', '{"hello": 1}'), /other\.json is not a raftsim result: no "scenario" name/],
    ['a result without metrics', () => write('partial.json', '{"scenario": "x", "results": [{"point": {}}]}'), /results\[0\] has no "metrics"/],
  ])('rejects %s with exit 2 and a clear message', async (_, file, message) => {
    const r = await cli(['report', file(), '-o', join(dir, 'never.html')]);
    expect(badInputProblems(r), show(r)).toEqual([]);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, 'never.html'))).toBe(false);
  });
});

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
