// `raftsim fuzz` flags → fuzz options, with clear messages for bad values.
import { existsSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { FUZZABLE_FAULT_KINDS, type ScheduleOptions } from '../faults/arbitrary.js';
import type { FaultKind } from '../faults/types.js';
import { BUG_NAMES } from '../raft/bugs.js';
import type { BugName } from '../raft/types.js';
import { parseDuration } from '../format/duration.js';
import type { FuzzBudget } from '../fuzz/fuzz.js';
import { shellQuote } from '../run/replay-command.js';
import { listChoices, nearest } from '../scenario/suggest.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { UsageError } from './exit.js';

export interface FuzzArgs {
  scenario: string;
  set: string[];
  budget: string;
  /** fast-check's seed. */
  fuzzSeed?: number;
  /** Deprecated name of fuzzSeed (elsewhere --seed is the scenario's seed). */
  seed?: number;
  path?: string;
  implementation?: string;
  out?: string;
  json: boolean;
  maxFaults: number;
  window: string;
  minDuration: string;
  maxDuration: string;
  kinds?: string;
  churn: number;
}

import { FUZZ_DEFAULTS } from './command-defaults.js';
export { FUZZ_DEFAULTS };

/** "500" → 500 runs; "60s", "2min" → a time limit. */
export function parseBudget(text: string): FuzzBudget {
  const t = String(text).trim();
  if (/^[0-9]+$/.test(t)) {
    const runs = Number(t);
    if (runs < 1 || runs > 1e9) throw new UsageError(`--budget: ${t} runs is out of range (1 .. 1e9)`);
    return { runs };
  }
  const d = parseDuration(t);
  if (!d.ok || d.us <= 0) throw new UsageError(`--budget: "${t}" is neither a number of runs (e.g. 500) nor a positive duration (e.g. 60s, 5min)`);
  return { ms: Math.max(1, Math.round(d.us / 1000)) };
}

function durationFlag(flag: string, text: string): number {
  const d = parseDuration(String(text));
  if (!d.ok) throw new UsageError(`--${flag}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`);
  if (d.us < 0) throw new UsageError(`--${flag}: must not be negative, got ${text}`);
  return d.us;
}

export function scheduleFrom(a: FuzzArgs): Omit<ScheduleOptions, 'nodes'> {
  if (!Number.isInteger(a.maxFaults) || a.maxFaults < 1 || a.maxFaults > 200) throw new UsageError(`--max-faults must be a whole number in 1 .. 200, got ${a.maxFaults}`);
  const windowUs = durationFlag('window', a.window);
  const minDurationUs = durationFlag('min-duration', a.minDuration);
  const maxDurationUs = durationFlag('max-duration', a.maxDuration);
  if (windowUs < 1) throw new UsageError('--window must be longer than 0');
  if (minDurationUs > maxDurationUs) throw new UsageError(`--min-duration ${a.minDuration} is longer than --max-duration ${a.maxDuration}`);
  return { windowUs, maxFaults: a.maxFaults, minDurationUs, maxDurationUs, kinds: kindsFrom(a.kinds) };
}

function kindsFrom(text: string | undefined): readonly FaultKind[] | undefined {
  if (text === undefined) return undefined;
  const kinds = String(text).split(',').map((k) => k.trim()).filter((k) => k !== '');
  if (kinds.length === 0) throw new UsageError('--kinds: name at least one fault kind');
  for (const k of kinds) {
    if (!(FUZZABLE_FAULT_KINDS as readonly string[]).includes(k)) {
      const near = nearest(k, FUZZABLE_FAULT_KINDS);
      throw new UsageError(`--kinds: "${k}" is not a fault kind the fuzzer generates${near ? ` (did you mean "${near}"?)` : ''}; choose from ${listChoices(FUZZABLE_FAULT_KINDS, 20)}`);
    }
  }
  return kinds as FaultKind[];
}

export function churnFrom(x: number): number {
  if (!(typeof x === 'number' && x >= 0 && x <= 1)) throw new UsageError(`--churn must be a share between 0 and 1, got ${x}`);
  return x;
}

/** --fuzz-seed, or the deprecated --seed (with a note on stderr); undefined when neither was given. */
export function fuzzSeedArg(a: Pick<FuzzArgs, 'fuzzSeed' | 'seed'>, note: (text: string) => void): number | undefined {
  if (a.seed === undefined) return a.fuzzSeed;
  if (a.fuzzSeed !== undefined) throw new UsageError('give --fuzz-seed only (--seed is its deprecated name)');
  note('note: fuzz --seed is deprecated: it is fast-check\'s seed, now --fuzz-seed (the scenario\'s seed is --set seed=…)\n');
  return a.seed;
}

export function fcSeedFrom(seed: number | undefined): number {
  if (seed === undefined) return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  if (!Number.isSafeInteger(seed) || Math.abs(seed) > 0x7fffffff) throw new UsageError(`--fuzz-seed must be a whole number within ±2^31, got ${seed}`);
  return seed | 0;
}

/** `reference`, a bug-zoo name, or a module file (relative to the working directory). */
export function implementationFrom(arg: string | undefined, s: ResolvedScenario): ResolvedScenario['raft']['implementation'] {
  if (arg === undefined) return s.raft.implementation;
  if (arg === 'reference' || (BUG_NAMES as readonly string[]).includes(arg)) return arg as 'reference' | BugName;
  const abs = resolve(arg);
  if (existsSync(abs) && statSync(abs).isFile()) return { module: abs };
  const names = ['reference', ...BUG_NAMES];
  const near = nearest(arg, names);
  throw new UsageError(
    `--implementation: "${arg}" is not "reference", a bug-zoo variant or a module file${near ? ` (did you mean "${near}"?)` : ''}; variants: ${listChoices(BUG_NAMES, 20)}`,
  );
}

export function implementationLabel(impl: ResolvedScenario['raft']['implementation']): string {
  return typeof impl === 'string' ? impl : basename(impl.module, extname(impl.module));
}

export function defaultOutFile(s: ResolvedScenario, impl: ResolvedScenario['raft']['implementation']): string {
  return join('reports', `fuzz-${s.name}-${implementationLabel(impl)}.json5`.replace(/[^\w.@+-]+/g, '_'));
}

/** The command that runs the same search again (with --path: straight to the counterexample). */
export function searchCommand(a: FuzzArgs, seed: number, path: string | null): string {
  const parts = ['raftsim fuzz', shellQuote(a.scenario)];
  if (a.implementation !== undefined) parts.push('--implementation', shellQuote(a.implementation));
  for (const kv of a.set) parts.push('--set', shellQuote(kv));
  parts.push('--fuzz-seed', String(seed), '--budget', shellQuote(String(a.budget)));
  if (path !== null) parts.push('--path', shellQuote(path));
  const flags: [string, unknown, unknown][] = [
    ['max-faults', a.maxFaults, FUZZ_DEFAULTS.maxFaults], ['window', a.window, FUZZ_DEFAULTS.window],
    ['min-duration', a.minDuration, FUZZ_DEFAULTS.minDuration], ['max-duration', a.maxDuration, FUZZ_DEFAULTS.maxDuration],
    ['churn', a.churn, FUZZ_DEFAULTS.churn], ['kinds', a.kinds, undefined],
  ];
  for (const [flag, v, dflt] of flags) if (v !== undefined && String(v) !== String(dflt)) parts.push(`--${flag}`, shellQuote(String(v)));
  return parts.join(' ');
}
