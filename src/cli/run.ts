// `raftsim run` and `raftsim sweep`.
import { loadScenario } from '../scenario/load.js';
import { loadOverrides, recordedOverrides } from '../scenario/run-overrides.js';
import { expandSweep, type SweepPoint } from '../scenario/sweep.js';
import type { TrialSummary } from '../metrics/aggregate.js';
import { serializeStore, type StoreIdentity } from '../run/trial-store.js';
import { gatherTrials, type Gathered } from './gather.js';
import { runResult, sweepResult, type ConfigResult } from '../verdict/result.js';
import { runTrial } from '../run/trial.js';
import { isWorkerCount } from '../run/execute.js';
import { nodeFactoryFor } from '../run/implementation.js';
import { durationRows, formatRun, formatSweep, sweepRows } from './format-run.js';
import { csvTable } from './csv.js';
import { checkOutputPath, writeFileAtomic } from './files.js';
import { EXIT, UsageError } from './exit.js';
import { typedValue } from './usage.js';
import { JsonLinesFile } from './trace-file.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { runWithTimelines, sweepWithTimelines } from '../report/with-timelines.js';
import { pointLabel } from '../verdict/check.js';
import { htmlPathFor } from './report-path.js';
import { io, setExitCode } from './io.js';

// The report renderer and the terminal formatting are loaded when used: a run that stops at bad
// input (the CLI tests' commonest case) starts in a third of the time.
const writeHtmlReport = async (r: Parameters<typeof import('./report.js').writeHtmlReport>[0], path: string) => (await import('./report.js')).writeHtmlReport(r, path);

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
  /** Run only shard I of N ("I/N"); the trials go to --out for `raftsim merge`. */
  shard?: string;
  /** A partial store to resume from. */
  resume?: string;
}

/** --seed and --trials are overrides like any other, so they are validated the same way. */
export function overridesOf(a: { set: string[]; seed?: string; trials?: number }): string[] {
  // Checked here, so the message names the flag the user typed rather than a --set they did not.
  if (a.trials !== undefined && !(Number.isInteger(a.trials) && a.trials >= 1)) throw new UsageError(`--trials must be a whole number of trials >= 1, got ${Number.isNaN(a.trials) ? typedValue('--trials', a.trials) : String(a.trials)}`);
  return loadOverrides(a);
}

/** --workers must be a whole number of threads ≥ 1. */
export function checkWorkers(workers: number | undefined): void {
  if (workers !== undefined && !isWorkerCount(workers)) {
    throw new UsageError(`--workers must be a whole number from 1 to 256, got ${Number.isNaN(workers) ? typedValue('--workers', workers) : String(workers)}`);
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

export async function runCommand(a: RunArgs): Promise<void> {
  checkWorkers(a.workers);
  const s = loadFromArgs(a);
  await preloadImplementation(s);
  checkOutputs(a, s.name);
  if (s.sweep.length > 0 && !a.json) io().stderr.write(`note: ${s.name} has a sweep block; \`raftsim run\` runs its base configuration (use \`raftsim sweep\` for the grid)\n`);
  if (a.trace) await writeTrace(s, a.trial ?? 0, a.trace);
  const g = await gatherTrials([s], identityOf('run', a), s.name, a);
  if (g.shard !== null) return writeShard(a, g);
  await finishRun(a, s, g.trials[0]);
}

/** Summarises a run's trials and prints and writes the result (also `raftsim merge`). */
export async function finishRun(a: RunArgs, s: ResolvedScenario, trials: TrialSummary[]): Promise<void> {
  const base = runResult(s, trials, recordedOverrides(a));
  // Timelines re-run three chosen trials; they are added last and change nothing else in the JSON.
  const r = wantsTimelines(a) ? await runWithTimelines(s, trials, base) : base;
  const json = JSON.stringify(r, null, 2);
  if (a.out) writeFileAtomic(a.out, `${json}\n`);
  const html = htmlPathFor(a.html, s.name);
  if (html !== null) await writeHtmlReport(r, html);
  io().stdout.write(a.json ? `${json}\n` : a.csv ? csvTable(durationRows(r.metrics)) : `${formatRun(r, s)}\n`);
  setExitCode(exitCodeFor([r]));
}

export async function sweepCommand(a: RunArgs): Promise<void> {
  checkWorkers(a.workers);
  const s = loadFromArgs(a);
  await preloadImplementation(s);
  checkOutputs(a, s.name);
  const points = sweepPoints(s);
  const g = await gatherTrials(points.map((p) => p.scenario), identityOf('sweep', a), s.name, a, {
    label: `${s.name} (${points.length} configs)`,
    running: (c) => `${c + 1}/${points.length} ${pointLabel(points[c].point)}`,
  });
  if (g.shard !== null) return writeShard(a, g);
  await finishSweep(a, s, points, g.trials);
}

export function sweepPoints(s: ResolvedScenario): SweepPoint[] {
  if (s.sweep.length === 0) throw new UsageError(`${s.file}: no \`sweep\` block to run (add one, e.g. sweep: { "raft.electionTimeout.min": ["150ms", "300ms"] })`);
  return expandSweep(s);
}

/** Summarises a sweep's trials and prints and writes the result (also `raftsim merge`). */
export async function finishSweep(a: RunArgs, s: ResolvedScenario, points: readonly SweepPoint[], trials: readonly TrialSummary[][]): Promise<void> {
  const base = sweepResult(s, points, trials, recordedOverrides(a));
  // Timelines only for the recommended configuration (the rule is in report/recommend.ts).
  const r = wantsTimelines(a) ? await sweepWithTimelines(points, trials, base) : base;
  const json = JSON.stringify(r, null, 2);
  if (a.out) writeFileAtomic(a.out, `${json}\n`);
  const html = htmlPathFor(a.html, s.name);
  if (html !== null) await writeHtmlReport(r, html);
  io().stdout.write(a.json ? `${json}\n` : a.csv ? csvTable(sweepRows(r)) : `${formatSweep(r)}\n`);
  setExitCode(exitCodeFor(r.results));
}

/** What a run or sweep must be loaded from again to merge or resume its trials. */
export function identityOf(command: 'run' | 'sweep', a: RunArgs): StoreIdentity {
  return { command, inputs: [a.scenario], set: a.set, seed: a.seed === undefined ? null : String(a.seed), trials: a.trials ?? null };
}

/** A shard writes its trials, not a summary: `raftsim merge` summarises the union. */
export function writeShard(a: { out?: string }, g: Gathered): void {
  writeFileAtomic(a.out!, serializeStore(g.store));
  const n = g.trials.reduce((x, t) => x + t.length, 0);
  io().stderr.write(`shard ${g.shard!.index}/${g.shard!.count}: ${n} trials written to ${a.out}; combine the shards with: raftsim merge <shard files>\n`);
}

function wantsTimelines(a: RunArgs): boolean {
  return a.timelines === true || a.html !== undefined;
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
  io().stderr.write(`trace of trial ${trial}: ${path}\n`);
}
