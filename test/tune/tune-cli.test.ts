// The tune and compare commands as a user runs them: bad input exits 2 with the
// file, line and key and no stack trace; a search that cannot decide exits 1 and
// says so; --markdown is also appended to $GITHUB_STEP_SUMMARY; compare reads
// saved results (no simulation needed here: the results are hand-made).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ensureBuilt, show, STACK_LINE, tempDir } from '../cli/cli.js';
import { config, runResult, sweepResult } from '../report/fixtures.js';

let dir = '';
beforeAll(() => {
  ensureBuilt();
  dir = tempDir('tune');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIXTURE = new URL('./fixtures/lan-3.tune.json5', import.meta.url).pathname;

describe('raftsim tune', () => {
  it('a bad tune file: exit 2, file:line and key, no stack', async () => {
    const bad = join(dir, 'bad.tune.json5');
    writeFileSync(bad, '{\n  tune: {\n    vary: { electionTimeout: ["1s"] },\n    goals: { failover: { within: "1s" }, spuriousElections: { atMost: 1, per: "week" } },\n  },\n}\n');
    const r = await cli(['tune', bad]);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(/bad\.tune\.json5:4:\d+: tune\.goals\.spuriousElections\.per: expected one of "day", "month"/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('too small a budget: exit 1, "not separated" in Markdown, appended to $GITHUB_STEP_SUMMARY', async () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    process.env.GITHUB_STEP_SUMMARY = summary;
    try {
      const r = await cli(['tune', FIXTURE, '--budget', '100', '--markdown', '--workers', '1']);
      expect(r.code, show(r)).toBe(1);
      expect(r.stdout).toMatch(/^### raftsim tune — lan-3/);
      expect(r.stdout).toMatch(/\*\*No recommendation\.\*\*/);
      expect(r.stdout).toMatch(/NOT SEPARATED: the trial budget \(100\)/);
      const written = readFileSync(summary, 'utf8');
      expect(written.startsWith('# earlier step\n')).toBe(true);
      expect(written).toContain(r.stdout.trim());
    } finally {
      delete process.env.GITHUB_STEP_SUMMARY;
    }
  });
});

describe('raftsim compare', () => {
  const fast = [90, 95, 100, 105, 110, 115, 120, 125, 130, 135, 140, 145, 150, 155, 160, 165, 170, 175, 180, 185];
  const slow = fast.map((v) => v * 3);

  it('two saved runs: per metric side by side, a clearly slower B is significant, as text, JSON and CSV', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeFileSync(a, JSON.stringify(runResult({ name: 'before', values: fast })));
    writeFileSync(b, JSON.stringify(runResult({ name: 'after', values: slow })));
    const text = await cli(['compare', a, b]);
    expect(text.code, show(text)).toBe(0);
    expect(text.stdout).toMatch(/time to leader .*log-rank .*yes: A better/);
    const j = await cli(['compare', a, b, '--json']);
    const c = JSON.parse(j.stdout);
    const ttl = c.rows.find((r: { metric: string }) => r.metric === 'time to leader');
    expect(ttl.p).toBeLessThan(0.001);
    expect(ttl.better).toBe('a');
    expect(c.rows.find((r: { metric: string }) => r.metric === 'spurious elections').test).toBe('exact Poisson');
    const csv = await cli(['compare', a, b, '--csv']);
    expect(csv.stdout.split('\n')[0]).toBe('metric,unit,A,B,B − A,test,p,significant');
  });

  it('two configurations of one sweep with --configs; a bad pick is exit 2', async () => {
    const s = join(dir, 'sweep.json');
    writeFileSync(s, JSON.stringify(sweepResult([config({ point: { x: 1 }, values: fast }), config({ point: { x: 2 }, values: fast })])));
    const same = await cli(['compare', s, '--configs', '1,2', '--json']);
    expect(same.code, show(same)).toBe(0);
    expect(JSON.parse(same.stdout).rows.find((r: { metric: string }) => r.metric === 'time to leader').significant).toBe(false);
    const bad = await cli(['compare', s, '--configs', '1,9']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/configurations 1\.\.2, not 9/);
  });
});

describe('raftsim compare in a terminal', () => {
  it('fits the width, names what differs between A and B, and lists the stable-leader rows after time to leader', async () => {
    const { compareResults } = await import('../../src/verdict/compare.js');
    const { formatCompare } = await import('../../src/cli/compare.js');
    const values = [90, 95, 100, 105, 110, 115, 120, 125, 130, 135];
    const ra = runResult({ name: 'leader-crash', values });
    const rb = runResult({ name: 'leader-crash', values: values.map((v) => v * 2) });
    const nodes = (pv: boolean) => [0, 1, 2].map(() => ({ preVote: pv, tickUs: 0 }));
    const side = (r: typeof ra, file: string, name: string, pv: boolean) => ({ label: `${name}: ${file}`, file, scenario: r.scenario, point: {}, result: { ...r, config: { ...r.config, raft: { nodes: nodes(pv) } } } as typeof r });
    const c = compareResults(side(ra, 'a.json', 'A', false), side(rb, 'b.json', 'B', true));
    expect(c.differences).toEqual([{ key: 'raft.preVote', a: 'false', b: 'true' }]);
    for (const width of [80, 100, 160]) {
      const text = formatCompare(c, width);
      expect(Math.max(...text.split('\n').map((l) => l.length)), text).toBeLessThanOrEqual(width);
      expect(text).toContain('raft.preVote: false → true');
      expect(text).toMatch(/A: a\.json/);
    }
    expect(formatCompare(c, 80)).toMatch(/left out to fit 80 columns/);
    const metrics = c.rows.map((r) => r.metric);
    const ttl = metrics.indexOf('time to leader');
    const stable = metrics.indexOf('… stable leader');
    if (stable >= 0) expect(stable).toBeLessThan(metrics.indexOf('leaderless time per trial'));
    expect(ttl).toBe(0);
  });
});
