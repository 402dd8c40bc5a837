// `raftsim tune TUNEFILE`: an election-timeout recommendation with stated
// confidence, found by an adaptive search over the tune file's grid.
// Exit 0 with a recommendation, 1 without one (not separated, or nothing meets
// the goals), 2 for bad input, 130 / 143 when interrupted by SIGINT / SIGTERM:
// then every finished trial is in the partial file, and --resume FILE finishes
// the search to the result of an uninterrupted run (tune/trial-cache.ts).
import { appendFileSync } from 'node:fs';
import { loadTuneFile } from '../tune/load.js';
import { search } from '../tune/search.js';
import { InterruptedError, simEvaluator } from '../tune/evaluate-sim.js';
import { TrialCache } from '../tune/trial-cache.js';
import { partialPathFor, readWorkFile } from './gather.js';
import { tuneResult } from '../tune/result.js';
import { parseDuration } from '../format/duration.js';
import { checkOutputPath, writeFileAtomic } from './files.js';
import { EXIT, UsageError } from './exit.js';
import { checkWorkers } from './run.js';
import { typedValue } from './usage.js';
import { formatTune, csvOf } from './tune-format.js';
import { markdownOf } from './tune-markdown.js';
import { renderTuneReport } from '../report/tune-report.js';
import { defaultReportPath } from './report-path.js';
import { io, setExitCode } from './io.js';
import { checkpoints, interruptible } from './interrupt.js';

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
  resume?: string;
}

export async function tuneCommand(a: TuneArgs): Promise<void> {
  checkWorkers(a.workers);
  if (a.budget !== undefined && !(Number.isInteger(a.budget) && a.budget >= 1)) throw new UsageError(`--budget must be a whole number of trials >= 1, got ${Number.isNaN(a.budget) ? typedValue('--budget', a.budget) : String(a.budget)}`);
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
  // Finished trials are kept beside --out as the search goes, else only when it is interrupted.
  const partialPath = partialPathFor(a, `${spec.name}-tune`);
  if (a.out !== undefined) checkOutputPath(partialPath, 'the partial-results file (--out FILE.partial)');
  const cache = a.resume === undefined ? new TrialCache() : readWorkFile(a.resume, '--resume', TrialCache.parse);
  const kept = cache.size;
  if (a.resume !== undefined) io().stderr.write(`resuming: ${kept} finished trials in ${a.resume}\n`);
  const saves = checkpoints(partialPath, () => cache.serialize(a.file));
  const summaryFile = io().env.GITHUB_STEP_SUMMARY;
  const started = Date.now();
  const stop = interruptible();
  let stoppedByTime = false;
  let outcome;
  try {
    const evaluate = simEvaluator(spec, { workers: a.workers, signal: stop.signal, cache, onTrials: () => a.out !== undefined && saves.maybe() });
    outcome = await search({ grid: spec.grid, axes: spec.axes, families: spec.families, goals: spec.goals }, evaluate, {
      budgetTrials: spec.budgetTrials,
      ...spec.search,
      shouldStop: () => (stoppedByTime = maxTimeMs !== null && Date.now() - started >= maxTimeMs),
      // One line a round on stderr, terminal or not: a long search in a CI log shows it is alive.
      onRound: (r) => io().stderr.write(`round ${r.round}: ${r.trials} trials, ${r.configurations} configurations evaluated, ${r.open} still open\n`),
    });
  } catch (e) {
    if (e instanceof InterruptedError) saves.keepAndExit(() => `${cache.size} finished trials`, stop.exitCode());
    throw e;
  } finally {
    stop.dispose();
  }
  if (a.resume !== undefined) {
    io().stderr.write(
      cache.reusedFromFile > 0
        ? `resumed: ${cache.reusedFromFile} of the ${kept} trials in ${a.resume} were this search's and were not run again\n`
        : `warning: none of the ${kept} trials in ${a.resume} belong to this search (another tune file, --seed or raftsim version?): all were run\n`,
    );
  }
  saves.discard(a.resume);
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
