// `raftsim merge SHARD...`: combines the trial stores that `--shard I/N --out F`
// runs wrote (a CI matrix, a Kubernetes Indexed Job) into the result an
// unsharded run prints, byte for byte: the configurations are loaded again from
// the command and arguments the stores name, checked against their fingerprint,
// and summarised by the same code as `run`, `sweep` or `check`.
import type { TrialSummary } from '../metrics/aggregate.js';
import type { TrialStore } from '../run/trial-store.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { fingerprintOf } from '../run/trial-store.js';
import { checkSameWork, readStore } from './gather.js';
import { UsageError } from './exit.js';
import { checkOutputPath } from './files.js';
import { finishRun, finishSweep, loadFromArgs, preloadImplementation, sweepPoints, type RunArgs } from './run.js';
import { checkPoints } from '../verdict/check.js';
import { baselineFor, finishCheck, loadChecks, tolerancesFrom, type CheckArgs } from './check.js';
import { htmlPathFor } from './report-path.js';
import { checkHtmlDir, checkHtmlPaths } from './check-html.js';

export interface MergeArgs extends Omit<CheckArgs, 'paths' | 'set' | 'trials'> {
  files: string[];
  html?: string;
  timelines?: boolean;
}

export async function mergeCommand(a: MergeArgs): Promise<void> {
  if (a.files.length === 0) throw new UsageError('name the shard files to merge');
  const stores = a.files.map((f) => readStore(f, 'merge'));
  const first = stores[0];
  const id = first.identity;
  if (a.out !== undefined) checkOutputPath(a.out, '--out');
  if (a.junit !== undefined) checkOutputPath(a.junit, '--junit');
  if (id.command === 'check') {
    const c: CheckArgs = { ...a, paths: [...id.inputs], set: [...id.set], seed: id.seed ?? undefined, trials: id.trials ?? undefined };
    const tol = tolerancesFrom(c);
    const baseline = baselineFor(c);
    const { files, scenarios } = loadChecks(c);
    const points = checkPoints(scenarios);
    const configs = points.map((p) => p.scenario);
    const trials = union(stores, a.files, configs);
    if (c.updateBaseline) checkOutputPath(c.baseline!, '--baseline');
    // --html names a folder here, as for check: one report per scenario.
    const htmlDir = checkHtmlDir(a.html);
    await finishCheck(c, files.length, scenarios, points, trials, baseline, tol, { htmlPaths: htmlDir === null ? null : checkHtmlPaths(scenarios, htmlDir) });
    return;
  }
  const r: RunArgs = {
    scenario: id.inputs[0],
    set: [...id.set],
    seed: id.seed ?? undefined,
    trials: id.trials ?? undefined,
    json: a.json,
    out: a.out,
    html: a.html,
    timelines: a.timelines,
  };
  const s = loadFromArgs(r);
  await preloadImplementation(s);
  const html = htmlPathFor(a.html, s.name);
  if (html !== null) checkOutputPath(html, '--html');
  if (id.command === 'run') {
    await finishRun(r, s, union(stores, a.files, [s])[0]);
  } else {
    const points = sweepPoints(s);
    await finishSweep(r, s, points, union(stores, a.files, points.map((p) => p.scenario)));
  }
}

/**
 * Every trial of every configuration exactly once, from stores of the same work
 * (a trial held twice must be the same result: shards are deterministic).
 */
function union(stores: readonly TrialStore[], files: readonly string[], configs: readonly ResolvedScenario[]): TrialSummary[][] {
  const fingerprint = fingerprintOf(configs);
  // The same shard twice (the same file, or a copy) is a mistake worth naming: a shard is then missing.
  const seen = new Map<string, string>();
  stores.forEach((st, k) => {
    if (st.shard === null) return;
    const key = `${st.shard.index}/${st.shard.count}`;
    const other = seen.get(key);
    if (other !== undefined) throw new UsageError(`${files[k]} and ${other} are both shard ${key}: give each shard once`);
    seen.set(key, files[k]);
  });
  const have: Map<number, TrialSummary>[] = configs.map(() => new Map());
  stores.forEach((st, k) => {
    checkSameWork(st, files[k], stores[0].identity, fingerprint, configs);
    st.configs.forEach((c, i) => {
      for (const t of c.done) {
        const prev = have[i].get(t.trial);
        if (prev !== undefined && prev.hash !== t.hash) throw new UsageError(`${files[k]}: trial ${t.trial} of configuration ${i} differs from another file's (same trial, different result)`);
        have[i].set(t.trial, t);
      }
    });
  });
  const missing = configs.reduce((x, c, i) => x + (c.trials - have[i].size), 0);
  if (missing > 0) {
    const shards = new Set(stores.map((s) => (s.shard === null ? '' : `${s.shard.index}/${s.shard.count}`)));
    const count = stores.find((s) => s.shard !== null)?.shard?.count;
    const absent = count === undefined ? [] : Array.from({ length: count }, (_, i) => `${i}/${count}`).filter((x) => !shards.has(x));
    throw new UsageError(`${missing} trial(s) missing from the merged files${absent.length > 0 ? ` (shards not given: ${absent.join(', ')})` : ' (an interrupted shard? finish it with --resume FILE.partial)'}`);
  }
  return configs.map((c, i) => Array.from({ length: c.trials }, (_, t) => have[i].get(t)!));
}
