// `raftsim compare A.json B.json` (or one sweep file and --configs i,j): two
// results side by side with differences and significance, in the terminal,
// --json, --csv and an HTML page.
import { readResultFile } from './report.js';
import { isSweep } from '../report/model.js';
import { pointLabel } from '../report/format.js';
import { compareCells, compareResults, type Comparison, type Side } from './compare-results.js';
import { checkOutputPath, writeFileAtomic } from './files.js';
import { UsageError } from './exit.js';
import { table } from './table.js';
import { csvTable } from './csv.js';
import { renderCompareReport } from '../report/compare-report.js';
import type { RunResult, SweepResult } from '../scenarios/result.js';

export interface CompareArgs {
  a: string;
  b?: string;
  configs?: string;
  json: boolean;
  csv: boolean;
  html?: string;
}

export function compareCommand(x: CompareArgs): void {
  if (x.json && x.csv) throw new UsageError('give at most one of --json and --csv');
  if (x.html !== undefined) {
    if (x.html === '') throw new UsageError('--html needs a file name, e.g. --html=compare.html');
    checkOutputPath(x.html, '--html');
  }
  const [a, b] = sides(x);
  const c = compareResults(a, b);
  if (x.html !== undefined) {
    writeFileAtomic(x.html, renderCompareReport(c));
    process.stderr.write(`report: ${x.html}\n`);
  }
  process.stdout.write(x.json ? `${JSON.stringify(c, null, 2)}\n` : x.csv ? compareCsv(c) : `${formatCompare(c)}\n`);
}

function sides(x: CompareArgs): [Side, Side] {
  const ra = readResultFile(x.a);
  if (x.b !== undefined) {
    if (x.configs !== undefined) throw new UsageError('--configs picks two configurations of one sweep file: give one file with it');
    const rb = readResultFile(x.b);
    return [only(ra, x.a, 'A'), only(rb, x.b, 'B')];
  }
  if (!isSweep(ra)) throw new UsageError(`${x.a} is a run: give a second result file, or a sweep file with --configs i,j`);
  const m = /^\s*(\d+)\s*,\s*(\d+)\s*$/.exec(x.configs ?? '');
  if (!m) throw new UsageError('with one sweep file, name two configurations: --configs 3,7 (numbered from 1 as the sweep lists them)');
  const pick = (k: number, name: string): Side => {
    const c = ra.results[k - 1];
    if (c === undefined) throw new UsageError(`--configs: ${x.a} has configurations 1..${ra.results.length}, not ${k}`);
    return { label: `${name}: #${k} ${pointLabel(c.point)}`, file: x.a, scenario: ra.scenario, point: c.point, result: c };
  };
  return [pick(Number(m[1]), 'A'), pick(Number(m[2]), 'B')];
}

function only(r: RunResult | SweepResult, file: string, name: string): Side {
  if (isSweep(r)) {
    if (r.results.length !== 1) throw new UsageError(`${file} is a sweep of ${r.results.length} configurations: compare two of them with \`raftsim compare ${file} --configs i,j\``);
    const c = r.results[0];
    return { label: `${name}: ${file}`, file, scenario: r.scenario, point: c.point, result: c };
  }
  return { label: `${name}: ${file}`, file, scenario: r.scenario, point: r.point ?? {}, result: r };
}

export function formatCompare(c: Comparison): string {
  const t = compareCells(c);
  return [
    `raftsim compare (significance at ${c.alpha})`,
    `  ${c.a.label} — ${c.a.scenario}`,
    `  ${c.b.label} — ${c.b.scenario}`,
    '',
    table(t.header, t.rows, (k) => k === 4 || k === 6),
    '',
    'log-rank: the whole distribution, censored values (no event by the horizon) at risk past every observed one; exact Poisson: the rates given events and simulated hours;',
    'quantile intervals: the results keep no raw values for this metric, so only disjoint 95% p99 intervals count as significant. Counts per trial are shown without a test.',
  ].join('\n');
}

function compareCsv(c: Comparison): string {
  return csvTable(compareCells(c));
}
