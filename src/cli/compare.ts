// `raftsim compare A.json B.json` (or one sweep file and --configs i,j): two
// results side by side with differences and significance, in the terminal,
// --json, --csv and an HTML page.
import { readResultFile } from './report.js';
import { isSweep } from '../report/model.js';
import { pointLabel } from '../report/format.js';
import { compareCells, compareResults, type Comparison, type Side } from '../verdict/compare.js';
import { checkOutputPath, writeFileAtomic } from './files.js';
import { UsageError } from './exit.js';
import { fitTable, widest } from './table.js';
import { proseColumns, terminalColumns, wrapWords } from './width.js';
import { csvTable } from './csv.js';
import { renderCompareReport } from '../report/compare-report.js';
import type { RunResult, SweepResult } from '../verdict/result.js';
import { io } from './io.js';

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
    io().stderr.write(`report: ${x.html}\n`);
  }
  io().stdout.write(x.json ? `${JSON.stringify(c, null, 2)}\n` : x.csv ? compareCsv(c) : `${formatCompare(c)}\n`);
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

export function formatCompare(c: Comparison, width = terminalColumns()): string {
  const prose = proseColumns(width);
  const lines = [`raftsim compare (significance at ${c.alpha})`, wrapWords(`${c.a.label} — ${c.a.scenario}`, width, '    ', '  '), wrapWords(`${c.b.label} — ${c.b.scenario}`, width, '    ', '  ')];
  lines.push(c.differences.length === 0 ? '  configurations: identical' : '  configurations differ in:');
  for (const d of c.differences) lines.push(wrapWords(`${d.key}: ${d.a} → ${d.b}`, width, '      ', '    '));
  // Too wide for the terminal: leave out the unit, then the test's name, then p (all in --json);
  // the figures of A and B, the difference and the verdict stay.
  // Still too wide: the p50s go too, and the metric's name is clipped as the last resort.
  const fitted = (p50: boolean) => {
    const t = compareCells(c, { p50 });
    return fitTable(t.header, t.rows, (k) => k === 4 || k === 6, { width, dropFirst: [1, 5, 6], clip: p50 ? undefined : 0 });
  };
  const full = fitted(true);
  const p50 = widest(full.text) <= width;
  const fit = p50 ? full : fitted(false);
  lines.push('', fit.text, '');
  const dropped = [...fit.dropped, ...(p50 ? [] : ['the p50s'])];
  if (dropped.length > 0) lines.push(wrapWords(`(${dropped.join(', ')}: left out to fit ${width} columns; all in --json)`, prose));
  lines.push(
    wrapWords(`A and B: ${p50 ? 'p50 · ' : ''}p99 [95% interval of the p99] (n, censored); B − A: of the p99 for durations (ms), of the value otherwise.`, prose),
    wrapWords('log-rank: the whole distribution, censored values (no event by the horizon) at risk past every observed one; exact Poisson: the rates given events and simulated hours; quantile intervals: the results keep no raw values for this metric, so only disjoint 95% p99 intervals count as significant. Counts per trial are shown without a test.', prose),
  );
  return lines.join('\n');
}

function compareCsv(c: Comparison): string {
  return csvTable(compareCells(c));
}
