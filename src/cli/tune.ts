// `raftsim tune TUNEFILE`: an election-timeout recommendation with stated
// confidence, found by an adaptive search over the tune file's grid.
// Exit 0 with a recommendation, 1 without one (not separated, or nothing meets
// the goals), 2 for bad input, 130 when interrupted.
import { appendFileSync } from 'node:fs';
import { loadTuneFile } from '../tune/load.js';
import { search } from '../tune/search.js';
import { InterruptedError, simEvaluator } from '../tune/evaluate-sim.js';
import { tuneResult } from '../tune/result.js';
import { parseDuration } from '../format/duration.js';
import { checkOutputPath, writeFileAtomic } from './files.js';
import { EXIT, UsageError } from './exit.js';
import { checkWorkers } from './run.js';
import { formatTune, csvOf } from './tune-format.js';
import { markdownOf } from './tune-markdown.js';
import { renderTuneReport } from '../report/tune-report.js';
import { defaultReportPath } from './report-path.js';
import { exitNow, io, ownsSignals, setExitCode } from './io.js';

export interface TuneArgs {
  file: string;
  seed?: string;
  budget?: number;
  maxTime?: string;
  workers?: number;
  json: boolean;
  markdown: boolean;
  csv: boolean;
  out?: string;
  html?: string;
}

export async function tuneCommand(a: TuneArgs): Promise<void> {
  checkWorkers(a.workers);
  if (a.budget !== undefined && !(Number.isInteger(a.budget) && a.budget >= 1)) throw new UsageError(`--budget must be a whole number of trials >= 1, got ${String(a.budget)}`);
  let maxTimeMs: number | null = null;
  if (a.maxTime !== undefined) {
    const d = parseDuration(a.maxTime);
    if (!d.ok || d.us <= 0) throw new UsageError(`--max-time must be a duration such as "10min", got ${JSON.stringify(a.maxTime)}`);
    maxTimeMs = d.us / 1000;
  }
  if ([a.json, a.markdown, a.csv].filter(Boolean).length > 1) throw new UsageError('give at most one of --json, --markdown and --csv');
  if (a.out) checkOutputPath(a.out, '--out');
  const spec = loadTuneFile(a.file, { seed: a.seed, budgetTrials: a.budget });
  const html = a.html === undefined ? null : a.html === '' ? defaultReportPath(`${spec.name}-tune`) : a.html;
  if (html !== null) checkOutputPath(html, '--html');
  const summaryFile = io().env.GITHUB_STEP_SUMMARY;
  const started = Date.now();
  const ac = new AbortController();
  const stderr = io().stderr;
  const onInt = () => {
    if (ac.signal.aborted) process.exit(130);
    stderr.write('\ninterrupted: finishing the trials that are running (Ctrl-C again to quit now)\n');
    ac.abort();
  };
  // Only the raftsim process's own run listens for Ctrl-C (an in-process run leaves signals alone).
  const signals = ownsSignals();
  if (signals) process.on('SIGINT', onInt);
  const tty = io().stderr.isTTY === true;
  let stoppedByTime = false;
  let outcome;
  try {
    outcome = await search({ grid: spec.grid, axes: spec.axes, families: spec.families, goals: spec.goals }, simEvaluator(spec, { workers: a.workers, signal: ac.signal }), {
      budgetTrials: spec.budgetTrials,
      ...spec.search,
      shouldStop: () => (stoppedByTime = maxTimeMs !== null && Date.now() - started >= maxTimeMs),
      onRound: (r) => tty && io().stderr.write(`round ${r.round}: ${r.trials} trials, ${r.configurations} configurations evaluated, ${r.open} still open\n`),
    });
  } catch (e) {
    if (e instanceof InterruptedError) {
      io().stderr.write('interrupted: no result\n');
      exitNow(130);
    }
    throw e;
  } finally {
    if (signals) process.off('SIGINT', onInt);
  }
  const elapsed = Date.now() - started;
  const r = tuneResult(spec, outcome, stoppedByTime && outcome.reason === 'wall-time');
  const json = JSON.stringify(r, null, 2);
  if (a.out) writeFileAtomic(a.out, `${json}\n`);
  if (html !== null) {
    writeFileAtomic(html, renderTuneReport(r, { elapsedMs: elapsed }));
    io().stderr.write(`report: ${html}\n`);
  }
  const md = markdownOf(r, elapsed);
  if (summaryFile) appendFileSync(summaryFile, `${md}\n`);
  io().stdout.write(a.json ? `${json}\n` : a.markdown ? md : a.csv ? csvOf(r) : `${formatTune(r, elapsed)}\n`);
  setExitCode(r.recommendation ? EXIT.ok : EXIT.expectationFailed);
}
