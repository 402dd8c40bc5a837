// Runs the trials a command needs, keeping every finished one: the trials this
// shard owns (--shard I/N), minus those a partial store already holds
// (--resume FILE). While it runs, finished trials are checkpointed to the
// partial file every few seconds (so even a killed run loses little); on
// SIGINT or SIGTERM running batches finish, the partial file is written and the
// command exits (130 / 143) printing how to resume.
import { executeTrials } from '../run/execute.js';
import type { TrialSummary } from '../metrics/aggregate.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { ownedTrials, parseShard, type Shard } from '../run/shard.js';
import { fingerprintOf, makeStore, parseStore, serializeStore, type StoreIdentity, type TrialStore } from '../run/trial-store.js';
import { readTextFile } from '../scenario/read-file.js';
import { LIMITS } from '../format/limits.js';
import { checkOutputPath } from './files.js';
import { progressBar } from './progress.js';
import { UsageError } from './exit.js';
import { io } from './io.js';
import { checkpoints, interruptible } from './interrupt.js';

export interface GatherArgs {
  readonly shard?: string;
  readonly resume?: string;
  readonly out?: string;
  readonly workers?: number;
}

/** What the terminal shows and the CLI times while trials run. */
export interface GatherView {
  /** The progress bar's label (default: the name). */
  readonly label?: string;
  /** The configuration a starting batch belongs to, as shown after the bar. */
  readonly running?: (config: number) => string;
  readonly onBatchStart?: (config: number) => void;
  readonly onBatchDone?: (config: number) => void;
}

export interface Gathered {
  /** Per configuration, the trials this invocation owns, in trial order (all of them unless sharded). */
  readonly trials: TrialSummary[][];
  readonly shard: Shard | null;
  /** The store of those trials (what a shard writes to --out). */
  readonly store: TrialStore;
}

export function shardOf(a: GatherArgs): Shard | null {
  if (a.shard === undefined) return null;
  const s = parseShard(String(a.shard));
  if (typeof s === 'string') throw new UsageError(s);
  if (a.out === undefined) throw new UsageError('--shard needs --out FILE: a shard writes its trials there for `raftsim merge`');
  return s;
}

/** Where unfinished work is kept: beside --out, else under reports/. */
export function partialPathFor(a: GatherArgs, name: string): string {
  return a.out !== undefined ? `${a.out}.partial` : `reports/${name}.partial.json`;
}

export function readStore(file: string, flag: string): TrialStore {
  return readWorkFile(file, flag, parseStore);
}

/** A partial or shard file, read within the size limit and parsed; bad input (exit 2) names the flag and file. */
export function readWorkFile<T>(file: string, flag: string, parse: (text: string) => T | string): T {
  const r = readTextFile(file, LIMITS.resultFileBytes, file);
  if (!r.ok) throw new UsageError(`${flag}: ${r.reason}`);
  const s = parse(r.text);
  if (typeof s === 'string') throw new UsageError(`${flag} ${file}: ${s}`);
  return s;
}

/** Throws unless `store` was written for these configurations by the same command. */
export function checkSameWork(store: TrialStore, file: string, identity: StoreIdentity, fingerprint: string, configs: readonly ResolvedScenario[]): void {
  const a = JSON.stringify(store.identity);
  const b = JSON.stringify(identity);
  if (a !== b) throw new UsageError(`${file} holds trials of a different command (${describe(store.identity)}), not of ${describe(identity)}`);
  if (store.fingerprint !== fingerprint || store.configs.length !== configs.length || store.configs.some((c, i) => c.trials !== configs[i].trials)) {
    throw new UsageError(`${file}: the scenario resolves differently now (edited files, another raftsim version ${store.raftsimVersion}?); its trials cannot be combined with this run`);
  }
}

function describe(id: StoreIdentity): string {
  const flags = [...id.set.map((o) => `--set ${o}`), ...(id.seed !== null ? [`--seed ${id.seed}`] : []), ...(id.trials !== null ? [`--trials ${id.trials}`] : [])];
  return `raftsim ${[id.command, ...id.inputs, ...flags].join(' ')}`;
}

export async function gatherTrials(configs: readonly ResolvedScenario[], identity: StoreIdentity, name: string, a: GatherArgs, view: GatherView = {}): Promise<Gathered> {
  const shard = shardOf(a);
  const fingerprint = fingerprintOf(configs);
  const partialPath = partialPathFor(a, name);
  // With --out, checkpoints go beside it as the run goes; without, only an interrupted run writes one.
  if (a.out !== undefined) checkOutputPath(partialPath, 'the partial-results file (--out FILE.partial)');
  const have: Map<number, TrialSummary>[] = configs.map(() => new Map());
  if (a.resume !== undefined) {
    const prior = readStore(a.resume, '--resume');
    checkSameWork(prior, a.resume, identity, fingerprint, configs);
    prior.configs.forEach((c, i) => c.done.forEach((t) => have[i].set(t.trial, t)));
  }
  const owned = ownedTrials(configs.map((c) => c.trials), shard);
  const missing = owned.map((ts, c) => ts.filter((t) => !have[c].has(t)));
  const total = owned.reduce((x, ts) => x + ts.length, 0);
  const already = total - missing.reduce((x, ts) => x + ts.length, 0);
  if (a.resume !== undefined) io().stderr.write(`resuming: ${already} of ${total} trials from ${a.resume}; ${total - already} to run\n`);

  const snapshot = (): TrialStore => makeStore(identity, fingerprint, shard, configs, have.map((m) => [...m.values()]));
  const saves = checkpoints(partialPath, () => serializeStore(snapshot()));

  const bar = progressBar(`${view.label ?? name}${shard ? ` shard ${shard.index}/${shard.count}` : ''}`);
  const stop = interruptible();
  try {
    await executeTrials(configs, {
      workers: a.workers,
      trialsOf: (c) => missing[c],
      signal: stop.signal,
      onProgress: (d, _t, c) => {
        view.onBatchDone?.(c);
        bar.update(already + d, total);
      },
      onThreads: (n) => bar.threads(n),
      onBatchStart: (c) => {
        view.onBatchStart?.(c);
        if (view.running) bar.running(view.running(c));
      },
      onBatch: (c, summaries) => {
        for (const s of summaries) have[c].set(s.trial, s);
        if (a.out !== undefined) saves.maybe();
      },
    });
  } finally {
    bar.stop();
    stop.dispose();
  }
  if (stop.signal.aborted) saves.keepAndExit(() => `${have.reduce((x, m) => x + m.size, 0)} of ${total} trials`, stop.exitCode());
  saves.discard(a.resume);
  const trials = owned.map((ts, c) => ts.map((t) => have[c].get(t)!));
  return { trials, shard, store: snapshot() };
}
