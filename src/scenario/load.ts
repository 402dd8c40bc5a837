// Loading a scenario: a file (or a built-in name) → ResolvedScenario.
//
//   loadScenario('scenarios/leader-crash.json5', { overrides: ['raft.preVote=true'] })
//
// Every bad input becomes a ScenarioError (file:line:column, key, message,
// suggestion); an unexpected failure inside the loader is still reported as a
// ScenarioError, marked `internal`, rather than as a stack trace.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { builtinScenarioDir } from './builtin.js';
import { ScenarioError } from './errors.js';
import { Origins, displayPath } from './origins.js';
import { resolveSource, type ResolveContext } from './resolve.js';
import { scenarioShape } from './schema.js';
import { applyOverrides, loadChain } from './source.js';
import { expandSweepWith } from './sweep.js';
import type { ResolvedScenario } from './types.js';
import { nearest } from './suggest.js';

export interface LoadOptions {
  /** "key=value" strings (--set): dotted keys of the file; values are JSON5, or else strings. */
  readonly overrides?: readonly string[];
}

/**
 * Loads, validates and resolves a scenario. `nameOrPath` is a file, or the name
 * of a built-in scenario (scenarios/<name>.json5 in the package). Every sweep
 * point is validated too, so a bad grid fails here rather than mid-run.
 */
export function loadScenario(nameOrPath: string, opts: LoadOptions = {}): ResolvedScenario {
  return guarded(nameOrPath, () => {
    const builtin = isFile(nameOrPath) ? null : builtinName(nameOrPath);
    const abs = builtin === null ? resolve(nameOrPath) : resolveScenarioPath(nameOrPath);
    const file = builtin === null ? abs : `builtin:${builtin}`;
    return loadResolved(abs, undefined, file, opts);
  });
}

/** Loads scenario text as if it were the file `file` (relative paths resolve from its directory). */
export function loadScenarioText(text: string, file: string, opts: LoadOptions = {}): ResolvedScenario {
  return guarded(file, () => loadResolved(resolve(file), text, resolve(file), opts));
}

function loadResolved(abs: string, text: string | undefined, file: string, opts: LoadOptions): ResolvedScenario {
  const chain = loadChain(abs, text);
  const { data, origins: overrides } = applyOverrides(chain.merged, opts.overrides ?? [], scenarioShape);
  const ctx: ResolveContext = {
    file,
    defaultName: basename(abs, extname(abs)),
    baseDir: dirname(abs),
    origins: new Origins(chain.docs, overrides),
    fileCache: new Map(),
  };
  const scenario = resolveSource(data, ctx);
  expandSweepWith(scenario, ctx);
  return scenario;
}

/**
 * The absolute path of a scenario: `nameOrPath` itself when it is an existing
 * file, else the built-in scenarios/<name>.json5 ("builtin:<name>" also works).
 */
export function resolveScenarioPath(nameOrPath: string): string {
  if (isFile(nameOrPath)) return resolve(nameOrPath);
  if (isDirectory(nameOrPath)) {
    throw new ScenarioError({ file: nameOrPath, line: 0, column: 0, keyPath: '', message: 'is a directory, not a scenario file', hint: 'name a .json5 file inside it' });
  }
  const name = builtinName(nameOrPath);
  const candidate = join(builtinScenarioDir(), `${name}.json5`);
  if (isFile(candidate)) return candidate;
  const names = listBuiltinScenarios();
  const looksLikePath = /[\\/]/.test(nameOrPath) || nameOrPath.endsWith('.json5');
  if (looksLikePath) {
    // A path: suggest a scenario file beside it with a near name, never the built-in list.
    const dir = dirname(nameOrPath);
    const siblings = isDirectory(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json5')) : [];
    const near = nearest(basename(nameOrPath), siblings);
    return throwNoFile(nameOrPath, 'no such file', isDirectory(dir) ? undefined : `no folder ${dir}`, near === undefined ? undefined : join(dir, near));
  }
  return throwNoFile(nameOrPath, `no such file, and no built-in scenario named "${name}"`, names.length > 0 ? 'raftsim list shows the built-in scenarios' : undefined, nearest(name, names));
}

function throwNoFile(file: string, message: string, hint: string | undefined, suggestion: string | undefined): never {
  throw new ScenarioError({ file, line: 0, column: 0, keyPath: '', message, hint, suggestion });
}

/** Names of the built-in scenarios (scenarios/*.json5 in the package). */
export function listBuiltinScenarios(): string[] {
  try {
    return readdirSync(builtinScenarioDir())
      .filter((f) => f.endsWith('.json5'))
      .map((f) => f.slice(0, -'.json5'.length))
      .sort();
  } catch {
    return [];
  }
}

function builtinName(nameOrPath: string): string {
  return nameOrPath.replace(/^builtin:/, '').replace(/\.json5$/, '');
}

function isFile(p: string): boolean {
  try {
    return existsSync(p) && statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The last line of defence: nothing but a ScenarioError leaves the loader. */
function guarded<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new ScenarioError({ file: displayPath(resolve(file)), line: 0, column: 0, keyPath: '', message: `internal error while loading: ${message}`, internal: true });
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
