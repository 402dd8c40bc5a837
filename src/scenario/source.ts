// From files to one plain object: read (with a size cap), parse JSON5 (syntax
// errors keep json5's line and column), follow `extends` (objects merge, arrays
// are replaced, a distribution whose `dist` changes is replaced whole, cycles
// are errors), then apply --set overrides.
import { readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import JSON5 from 'json5';
import type * as z from 'zod';
import { sweepKeyProblem } from './checks.js';
import { ScenarioError } from './errors.js';
import { builtinScenarioDir } from './builtin.js';
import { clipText } from './clip.js';
import { nearest } from './suggest.js';
import { LIMITS } from '../format/limits.js';
import { readTextFile } from './read-file.js';
import { Origins, displayPath, makeDoc, type Doc, type OverrideOrigin } from './origins.js';
import { deepMerge, findUnsafe, isPlainObject, setPath, type PlainObject } from '../format/values.js';

/** Reads a text file (a regular file, at most capBytes), or throws what `missing` builds (so the caller decides where to point). */
export function readScenarioText(abs: string, missing: (message: string) => ScenarioError, capBytes = LIMITS.fileBytes): string {
  const r = readTextFile(abs, capBytes, displayPath(abs));
  if (!r.ok) throw missing(r.reason);
  return r.text;
}

/** Parses one document; the result is a plain object that is safe to merge and walk. */
export function parseDoc(doc: Doc): PlainObject {
  let data: unknown;
  try {
    data = JSON5.parse(doc.index.text);
  } catch (e) {
    const err = e as { message?: string; lineNumber?: number; columnNumber?: number };
    const line = err.lineNumber ?? 1;
    const message = String(err.message ?? e).replace(/^JSON5: /, '').replace(/ at \d+:\d+$/, '');
    // json5 reports column 0 for a bad line break; keep positions 1-based.
    const column = Math.max(1, err.columnNumber ?? 1);
    throw new ScenarioError({ file: doc.display, line: Math.max(1, line), column, keyPath: '', message: `syntax error: ${message}`, sourceLine: doc.index.lineText(line) });
  }
  const origins = new Origins([doc]);
  if (!isPlainObject(data)) throw origins.error({ path: [], message: 'a scenario file must be an object { … }' });
  const unsafe = findUnsafe(data, LIMITS.nesting);
  if (unsafe?.problem === 'nesting') throw origins.error({ path: unsafe.path, message: `nested more than ${LIMITS.nesting} levels deep` });
  if (unsafe?.problem === 'reserved') throw origins.error({ path: unsafe.path, at: 'key', message: `"${String(unsafe.path.at(-1))}" is a reserved name and cannot be a key` });
  return data;
}

export interface Chain {
  /** The file itself first, then the files it extends, nearest first. */
  readonly docs: Doc[];
  readonly merged: PlainObject;
}

/** Loads a file and everything it extends. `text` skips reading the file itself. */
export function loadChain(abs: string, text?: string): Chain {
  const docs: Doc[] = [];
  const fail = (message: string) => new ScenarioError({ file: displayPath(abs), line: 0, column: 0, keyPath: '', message });
  if (text !== undefined && text.length > LIMITS.fileBytes) throw fail(`the scenario is ${text.length} characters, over the cap of ${LIMITS.fileBytes}`);
  const body = text ?? readScenarioText(abs, fail);
  const merged = loadLayer(abs, body, [], docs, dirname(abs));
  return { docs, merged };
}

function loadLayer(abs: string, text: string, chain: readonly string[], docs: Doc[], mainDir: string): PlainObject {
  const doc = makeDoc(abs, text);
  docs.push(doc);
  const data = parseDoc(doc);
  const ext = data.extends;
  delete data.extends;
  if (chain.length > 0) {
    delete data.name; // a name belongs to its own file
    rebasePaths(data, dirname(abs), mainDir);
  }
  if (ext === undefined) return data;
  const here = new Origins([doc]);
  if (typeof ext !== 'string' || ext === '') throw here.error({ path: ['extends'], message: 'expected the path of a scenario file, relative to this one, or "builtin:<name>"' });
  const baseAbs = ext.startsWith(BUILTIN_PREFIX) ? builtinPath(ext, here) : resolve(dirname(abs), ext);
  const seen = [...chain, abs];
  if (seen.includes(baseAbs)) {
    throw here.error({ path: ['extends'], message: `extends cycle: ${[...seen, baseAbs].map(displayPath).join(' → ')}` });
  }
  if (seen.length > LIMITS.extendsDepth) throw here.error({ path: ['extends'], message: `extends chain deeper than ${LIMITS.extendsDepth}` });
  const baseText = readScenarioText(baseAbs, (message) => here.error({ path: ['extends'], message }));
  const base = loadLayer(baseAbs, baseText, seen, docs, mainDir);
  return deepMerge(base, data) as PlainObject;
}

const BUILTIN_PREFIX = 'builtin:';

/** `extends: "builtin:sweep-lan-5"`: the built-in scenario of that name (raftsim list). */
function builtinPath(ext: string, here: Origins): string {
  const name = ext.slice(BUILTIN_PREFIX.length).replace(/\.json5$/, '');
  const names = listBuiltinNames();
  if (!names.includes(name)) {
    const near = nearest(name, names);
    throw here.error({ path: ['extends'], message: `no built-in scenario named ${JSON.stringify(clipText(name, 60))}`, suggestion: near === undefined ? undefined : `${BUILTIN_PREFIX}${near}` });
  }
  return join(builtinScenarioDir(), `${name}.json5`);
}

function listBuiltinNames(): string[] {
  try {
    return readdirSync(builtinScenarioDir()).filter((f) => f.endsWith('.json5')).map((f) => f.slice(0, -'.json5'.length));
  } catch {
    return [];
  }
}

/** Paths in a base file are relative to it; the merged scenario resolves them from the main file's directory. */
function rebasePaths(v: unknown, fromDir: string, toDir: string): void {
  if (fromDir === toDir || typeof v !== 'object' || v === null) return;
  if (Array.isArray(v)) return v.forEach((x) => rebasePaths(x, fromDir, toDir));
  const o = v as PlainObject;
  const rebase = (key: string) => {
    const p = o[key];
    if (typeof p === 'string' && p !== '' && !isAbsolute(p)) o[key] = relative(toDir, resolve(fromDir, p)) || '.';
  };
  if (o.dist === 'empirical') rebase('file');
  if (typeof o.module === 'string') rebase('module');
  for (const x of Object.values(o)) rebasePaths(x, fromDir, toDir);
}

/** Applies "key=value" overrides (dotted keys of the format; values JSON5, or else a string). */
export function applyOverrides(data: PlainObject, overrides: readonly string[], shape: z.ZodType): { data: PlainObject; origins: OverrideOrigin[] } {
  const at = (text: string, message: string, extra: { expected?: string; suggestion?: string; hint?: string; column?: number } = {}) =>
    new ScenarioError({ file: '--set', line: 1, column: extra.column ?? 1, keyPath: '', message, sourceLine: text, ...extra });
  if (overrides.length > LIMITS.overrides) throw at('', `${overrides.length} overrides, over the cap of ${LIMITS.overrides}`);
  const origins: OverrideOrigin[] = [];
  for (const text of overrides) {
    const eq = text.indexOf('=');
    if (eq <= 0) throw at(text, `expected key=value, got ${JSON.stringify(text)}`, { hint: 'e.g. --set raft.preVote=true' });
    const key = text.slice(0, eq).trim();
    const bad = sweepKeyProblem(key, shape);
    if (bad !== null) throw new ScenarioError({ file: '--set', line: 1, column: 1, keyPath: key, sourceLine: text, message: bad.message, expected: bad.expected, suggestion: bad.suggestion });
    const value = overrideValue(text.slice(eq + 1));
    const unsafe = findUnsafe(value, LIMITS.nesting);
    if (unsafe !== null) throw at(text, unsafe.problem === 'nesting' ? 'value nested too deep' : 'value uses a reserved key', { column: eq + 2 });
    const segments = key.split('.');
    const problem = setPath(data, segments, value);
    if (problem !== null) throw new ScenarioError({ file: '--set', line: 1, column: 1, keyPath: key, sourceLine: text, message: problem });
    origins.push({ segments, text });
  }
  return { data, origins };
}

/** "true" → true, "[1,2]" → [1, 2], "150ms" → "150ms" (not JSON5, so a string). */
export function overrideValue(raw: string): unknown {
  try {
    return JSON5.parse(raw);
  } catch {
    return raw;
  }
}

