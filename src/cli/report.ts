// `raftsim report <results.json> --out <file>` (-o, --output: the same), and the HTML writing shared with
// `run --html` / `sweep --html`.
import { readTextFile } from '../scenario/read-file.js';
import { LIMITS } from '../format/limits.js';
import { renderReport } from '../report/render.js';
import { resultShapeProblem } from '../report/result-shape.js';
import { checkOutputPath, writeFileAtomic } from './files.js';
import { UsageError } from './exit.js';
import { clipText } from '../scenario/clip.js';
import type { RunResult, SweepResult } from '../verdict/result.js';

export { REPORTS_DIR, defaultReportPath, htmlPathFor } from './report-path.js';
import { defaultReportPath } from './report-path.js';
import { io } from './io.js';

export function writeHtmlReport(result: RunResult | SweepResult, path: string): void {
  writeFileAtomic(path, renderReport(result, { generatedAt: new Date().toISOString() }));
  io().stderr.write(`report: ${path}\n`);
}

export function readResultFile(path: string): RunResult | SweepResult {
  const r = readTextFile(path, LIMITS.resultFileBytes, path);
  if (!r.ok) throw new UsageError(r.reason);
  return parseResultText(r.text, path);
}

/** A saved result's text → the result, or a UsageError naming the file and what is wrong. */
export function parseResultText(text: string, path: string): RunResult | SweepResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${path} is not valid JSON (${clipText((e as Error).message, 200)}); expected the output of \`raftsim run --json\` or \`raftsim sweep --json\``);
  }
  const problem = shapeProblem(data) ?? resultShapeProblem(data);
  if (problem) throw new UsageError(`${path} is not a raftsim result: ${problem}; expected the output of \`raftsim run --json\` or \`raftsim sweep --json\``);
  return data as RunResult | SweepResult;
}

/** What is missing for the file to be a run result (metrics at the top) or a sweep result (a `results` array). */
function shapeProblem(d: unknown): string | null {
  if (typeof d !== 'object' || d === null || Array.isArray(d)) return 'the top level is not an object';
  const r = d as Record<string, unknown>;
  if (typeof r.scenario !== 'string') return 'no "scenario" name';
  const configs = Array.isArray(r.results) ? r.results : [r];
  for (const [i, c] of configs.entries()) {
    const where = Array.isArray(r.results) ? `results[${i}]` : 'the result';
    if (typeof c !== 'object' || c === null) return `${where} is not an object`;
    const cr = c as Record<string, unknown>;
    if (typeof cr.metrics !== 'object' || cr.metrics === null) return `${where} has no "metrics"`;
    for (const k of ['timeToLeaderMs', 'leaderlessMs']) if (typeof (cr.metrics as Record<string, unknown>)[k] !== 'object') return `${where}.metrics has no "${k}"`;
    if (!Array.isArray(cr.violations) || !Array.isArray(cr.expectations)) return `${where} has no "violations"/"expectations" lists`;
  }
  return null;
}

export function reportCommand(a: { results: string; out?: string }): void {
  if (a.out === '') throw new UsageError('--out needs a file name, e.g. --out reports/run.html');
  const path = a.out;
  if (path !== undefined) checkOutputPath(path, '--out');
  const r = readResultFile(a.results);
  const target = path ?? defaultReportPath(r.scenario);
  if (path === undefined) checkOutputPath(target, '--out');
  writeHtmlReport(r, target);
  const configs = Array.isArray((r as SweepResult).results) ? (r as SweepResult).results : [r as RunResult];
  if (!configs.some((c) => c.timelines && c.timelines.length > 0)) {
    io().stderr.write('note: these results have no timelines; re-run with --timelines (or --html) to include them\n');
  }
}
