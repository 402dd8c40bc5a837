// Terminal width (issue 13, item 12): with COLUMNS=80 every line of run, sweep,
// check, replay-style and help output fits 80 columns; the sweep table keeps all
// its columns at 120; commands are never broken across lines.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { executeTrials } from '../../src/run/execute.js';
import { configResult, resultHeader, runResult, type RunResult, type SweepResult } from '../../src/verdict/result.js';
import { expandSweep } from '../../src/scenario/sweep.js';
import { formatRun, formatSweep } from '../../src/cli/format-run.js';
import { checkTable, failureLines, summaryLine } from '../../src/cli/format-check.js';
import { runChecks } from '../../src/verdict/check.js';
import { terminalColumns, wrapWords } from '../../src/cli/width.js';
import { cli, ensureBuilt } from './cli.js';
import type { ResolvedScenario } from '../../src/scenario/types.js';

const over = (text: string, width: number) => text.split('\n').filter((l) => [...l].length > width);

async function run(name: string, overrides: string[]): Promise<{ r: RunResult; s: ResolvedScenario }> {
  const s = loadScenario(name, { overrides });
  const { results } = await executeTrials([s], { workers: 1 });
  return { r: runResult(s, results[0]!, overrides), s };
}

describe('COLUMNS decides the width', () => {
  it('COLUMNS over the terminal; a pipe without it gets 120', () => {
    expect(terminalColumns({ isTTY: true, columns: 200 }, { COLUMNS: '80' })).toBe(80);
    expect(terminalColumns({ isTTY: true, columns: 90 }, {})).toBe(90);
    expect(terminalColumns({ isTTY: false }, {})).toBe(120);
    expect(terminalColumns({ isTTY: false }, { COLUMNS: 'wide' })).toBe(120);
  });

  it('a word longer than the line stays whole', () => {
    expect(wrapWords('see raftsim replay some/very/long/path/to/a/scenario.json5 now', 20, '  ').split('\n')).toEqual(['see raftsim replay', '  some/very/long/path/to/a/scenario.json5', '  now']);
  });
});

describe('run, sweep and check output at 80 and 120 columns', () => {
  let partial: { r: RunResult; s: ResolvedScenario };
  let wipe: { r: RunResult; s: ResolvedScenario };
  let sweep: SweepResult;
  beforeAll(async () => {
    partial = await run('partial-partition', ['trials=6', 'horizon="8s"']);
    wipe = await run('wipe-all-nodes', ['trials=2']);
    const s = loadScenario('sweep-lan-5', { overrides: ['trials=2', 'horizon="4s"'] });
    const points = expandSweep(s);
    const { results } = await executeTrials(points.map((p) => p.scenario), { workers: 1 });
    sweep = { ...resultHeader(s, s.trials, []), results: points.map((p, i) => configResult(p.scenario, p.point, results[i]!, [])) };
  });

  it('a run (with a long description) and a run with safety violations fit 80', () => {
    expect(over(formatRun(partial.r, partial.s, 80), 80)).toEqual([]);
    const text = formatRun(wipe.r, wipe.s, 80);
    expect(over(text, 80)).toEqual([]);
    expect(text).toMatch(/ {4}replay: raftsim replay wipe-all-nodes --seed 1 --trial \d+ --set trials=2/); // whole, on one line
  });

  it('the sweep table fits 80 by leaving out columns it names; at 120 it keeps all but the least important', () => {
    const narrow = formatSweep(sweep, 80);
    expect(over(narrow, 80)).toEqual([]);
    expect(narrow.replace(/\s+/g, ' ')).toMatch(/left out to fit 80 columns; all in --json/);
    const wide = formatSweep(sweep, 120);
    expect(over(wide, 120)).toEqual([]);
    // The p99 with its interval, the spurious-election rate with its interval and the verdict always stay.
    expect(narrow).toMatch(/min\s+max\s+ttl p99\s+p99 95% CI\s+spurious\/h\s+95% CI\s+verdict/);
    expect(wide).toMatch(/min\s+max\s+ttl p50\s+ttl p99\s+p99 95% CI\s+cens\.\s+spurious\/h\s+95% CI\s+avail\.\s+verdict/);
    expect(wide.replace(/\s+/g, ' ')).toMatch(/\(ttl max, split\/trial: left out to fit 120 columns; all in --json\)/);
  });

  it('check output fits 80', async () => {
    const run = await runChecks([loadScenario('wipe-all-nodes', { overrides: ['trials=2'] })], ['trials=2'], { workers: 1 });
    const text = [checkTable(run.configs, 80), ...failureLines(run.configs, 80), summaryLine(run.configs, null, 80)].join('\n');
    expect(over(text, 80)).toEqual([]);
  });

  it('the first write is its own row, not a stage of time to leader', () => {
    expect(formatRun(partial.r, partial.s, 120)).toMatch(/\ntime to first write commit +\d/);
  });
});

describe('help at COLUMNS=80', () => {
  beforeAll(() => ensureBuilt());
  it.concurrent.each([['list'], ['run'], ['sweep'], ['replay'], ['report'], ['check'], ['fuzz']])('raftsim %s --help fits, and no example is broken', async (...cmd) => {
    const r = await cli([...cmd, '--help'], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    expect(over(r.stdout, 80)).toEqual([]);
    // Every example command is one line starting with "  raftsim".
    const examples = r.stdout.split('Examples:')[1] ?? '';
    for (const line of examples.split('\n').filter((l) => /^ {2}\S/.test(l))) expect(line).toMatch(/^ {2}raftsim /);
  });
});
