// Shared by the scenario-loader tests: temp files and "this must be a ScenarioError".
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenarioText, type LoadOptions } from '../../src/scenario/load.js';
import type { ResolvedScenario } from '../../src/scenario/types.js';

export const FULL_EXAMPLE = join(import.meta.dirname, '../../scenarios/_examples/full.json5');

export function tmpDir(): string {
  return mkdtempSync(join(tmpdir(), 'raftsim-scenario-'));
}

/** Writes files (name → text) into a fresh directory and returns it. */
export function writeFiles(files: Record<string, string>): string {
  const dir = tmpDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Loads text as if it were <tmp>/<name>. */
export function load(text: string, opts: LoadOptions = {}, name = 'test.json5'): ResolvedScenario {
  return loadScenarioText(text, join(tmpDir(), name), opts);
}

/** Runs f and returns the ScenarioError it must throw (any other outcome fails the test). */
export function scenarioError(f: () => unknown): ScenarioError {
  try {
    f();
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw new Error(`expected a ScenarioError, got ${String((e as Error)?.stack ?? e)}`);
    expect(e.internal, e.stack).toBe(false);
    return e;
  }
  throw new Error('expected a ScenarioError, but the scenario loaded');
}

/** The 1-based line of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in text`);
  return i + 1;
}
