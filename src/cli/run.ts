// `raftsim run` and `raftsim sweep`.
import { loadScenario } from '../scenarios/load.js';
import { expandSweep } from '../scenarios/sweep.js';
import { executeTrials } from '../scenarios/execute.js';
import { configResult, resultHeader, runResult, type ConfigResult, type SweepResult } from '../scenarios/result.js';
import { runTrial } from '../scenarios/trial.js';
import { nodeFactoryFor } from '../scenarios/implementation.js';
import { durationRows, formatRun, formatSweep, sweepRows } from './format-run.js';
import { csvTable } from './csv.js';
import { progressBar } from './progress.js';
import { checkOutputPath, writeFileAtomic } from './files.js';
import { EXIT, UsageError } from './exit.js';
import { JsonLinesFile } from './trace-file.js';
import type { ResolvedScenario } from '../scenarios/types.js';
import { collectTimelines } from '../scenarios/timelines.js';
import { recommend } from '../report/recommend.js';
import { htmlPathFor, writeHtmlReport } from './report.js';

export interface RunArgs {
  scenario: string;
  set: string[];
  seed?: string;
  trials?: number;
  json: boolean;
  /** Print the table as CSV instead of the terminal summary. */
  csv?: boolean;
  workers?: number;
  out?: string;
  trace?: string;
  trial?: number;
  /** Include best/median/worst trial timelines in the JSON (implied by --html). */
  timelines?: boolean;
  /** Write an HTML report: '' = reports/<scenario>.html. */
  html?: string;
}

/** --seed and --trials are overrides like any other, so they are validated the same way. */
export function overridesOf(a: { set: string[]; seed?: string; trials?: number }): string[] {
  const o = [...a.set];
  if (a.seed !== undefined) o.push(`seed=${JSON.stringify(String(a.seed))}`);
  if (a.trials !== undefined) {
    // Checked here, so the message names the flag the user typed rather than a --set they did not.
    if (!(Number.isInteger(a.trials) && a.trials >= 1)) throw new UsageError(`--trials must be a whole number of trials >= 1, got ${String(a.trials)}`);
    o.push(`trials=${a.trials}`);
  }
  return o;
}

/** --workers must be a whole number of threads ≥ 1. */
export function checkWorkers(workers: number | undefined): void {
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 256)) {
    throw new UsageError(`--workers must be a whole number from 1 to 256, got ${String(workers)}`);
  }
}

export function loadFromArgs(a: { scenario: string; set: string[]; seed?: string; trials?: number }): ResolvedScenario {
  // Built-in names load as "builtin:<name>", so results never carry this machine's paths.
  return loadScenario(a.scenario, { overrides: overridesOf(a) });
}

/** Every file the command will write is checked before any trial runs, so no work is lost at the end. */
function checkOutputs(a: RunArgs, name: string): void {
  if (a.out) checkOutputPath(a.out, '--out');
  if (a.trace) checkOutputPath(a.trace, '--trace');
  const html = htmlPathFor(a.html, name);
  if (html !== null) checkOutputPath(html, '--html');
}

/** Loads a plug-in node before any work starts, so a broken module is bad input (exit 2) at once. */
export async function preloadImplementation(s: ResolvedScenario): Promise<void> {
  await nodeFactoryFor(s.raft.implementation);
}

/** Aborts on Ctrl-C so finished work can be kept; a second Ctrl-C exits at once. */
function interruptible(): { signal: AbortSignal; dispose: () => void } {
  const ac = new AbortController();
  const onInt = () => {
    if (ac.signal.aborted) process.exit(130);
    process.stderr.write('\ninterrupted: finishing what is running, keeping what finished (Ctrl-C again to quit now)\n');
    ac.abort();
  };
  process.on('SIGINT', onInt);
  return { signal: ac.signal, dispose: () => process.off('SIGINT', onInt) };
}

export async function runCommand(a: RunArgs): Promise<void> {
  checkWorkers(a.workers);
  const s = loadFromArgs(a);
  await preloadImplementation(s);
  checkOutputs(a, s.name);
  if (s.sweep.length > 0 && !a.json) process.stderr.write(`note: ${s.name} has a sweep block; \`raftsim run\` runs its base configuration (use \`raftsim sweep\` for the grid)\n`);
  if (a.trace) await writeTrace(s, a.trial ?? 0, a.trace);
  const bar = progressBar(s.name);
  const stop = interruptible();
  const { results } = await executeTrials([s], { workers: a.workers, onProgress: (d, t) => bar.update(d, t), signal: stop.signal });
  bar.stop();
  stop.dispose();
  if (results[0] === null) {
    process.stderr.write('interrupted before all trials finished; nothing to summarise\n');
    process.exit(130);
  }
  const base = runResult(s, results[0], sets(a));
  // Timelines re-run three chosen trials; they are added last and change nothing else in the JSON.
  const r = wantsTimelines(a) ? { ...base, timelines: await collectTimelines(s, results[0]) } : base;
  const json = JSON.stringify(r, null, 2);
  if (a.out) writeFileAtomic(a.out, `${json}\n`);
  const html = htmlPathFor(a.html, s.name);
  if (html !== null) writeHtmlReport(r, html);
  process.stdout.write(a.json ? `${json}\n` : a.csv ? csvTable(durationRows(r.metrics)) : `${formatRun(r, s)}\n`);
  process.exitCode = exitCodeFor([r]);
}

export async function sweepCommand(a: RunArgs): Promise<void> {
  checkWorkers(a.workers);
  const s = loadFromArgs(a);
  await preloadImplementation(s);
  checkOutputs(a, s.name);
  if (s.sweep.length === 0) throw new UsageError(`${s.file}: no \`sweep\` block to run (add one, e.g. sweep: { "raft.electionTimeout.min": ["150ms", "300ms"] })`);
  const points = expandSweep(s);
  const bar = progressBar(`${s.name} (${points.length} configs)`);
  const stop = interruptible();
  const { results, interrupted } = await executeTrials(
    points.map((p) => p.scenario),
    { workers: a.workers, onProgress: (d, t) => bar.update(d, t), signal: stop.signal },
  );
  bar.stop();
  stop.dispose();
  const done: ConfigResult[] = [];
  const doneAt: number[] = [];
  points.forEach((p, i) => {
    const trials = results[i];
    if (trials !== null) {
      done.push(configResult(p.scenario, p.point, trials, sets(a)));
      doneAt.push(i);
    }
  });
  // Timelines only for the recommended configuration (the rule is in report/recommend.ts).
  const rec = wantsTimelines(a) ? recommend(done) : null;
  if (rec !== null) {
    const i = doneAt[rec.index];
    done[rec.index] = { ...done[rec.index], timelines: await collectTimelines(points[i].scenario, results[i]!) };
  }
  const r: SweepResult = { ...resultHeader(s, s.trials, sets(a)), results: done, ...(interrupted ? { interrupted: true } : {}) };
  const json = JSON.stringify(r, null, 2);
  if (a.out) writeFileAtomic(a.out, `${json}\n`);
  const html = htmlPathFor(a.html, s.name);
  if (html !== null) writeHtmlReport(r, html);
  process.stdout.write(a.json ? `${json}\n` : a.csv ? csvTable(sweepRows(r)) : `${formatSweep(r)}\n`);
  process.exitCode = interrupted ? 130 : exitCodeFor(done);
}

function wantsTimelines(a: RunArgs): boolean {
  return a.timelines === true || a.html !== undefined;
}

function sets(a: RunArgs): string[] {
  return [...a.set, ...(a.trials !== undefined ? [`trials=${a.trials}`] : [])];
}

export function exitCodeFor(results: readonly ConfigResult[]): number {
  if (results.some((r) => r.violations.length > 0)) return EXIT.safetyViolation;
  if (results.some((r) => r.expectations.some((e) => !e.pass))) return EXIT.expectationFailed;
  return EXIT.ok;
}

async function writeTrace(s: ResolvedScenario, trial: number, path: string): Promise<void> {
  if (!(trial >= 0 && trial < s.trials && Number.isInteger(trial))) throw new UsageError(`--trial must be an integer in [0, ${s.trials - 1}]`);
  const sink = new JsonLinesFile(path);
  try {
    await runTrial(s, trial, { trace: sink });
  } finally {
    sink.close();
  }
  process.stderr.write(`trace of trial ${trial}: ${path}\n`);
}
