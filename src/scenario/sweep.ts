// Sweeps: the grid (cartesian product) over a scenario's `sweep` keys. Each
// point is applied to the scenario's source and resolved again, exactly as if
// the file had said so, so a point is validated like a file.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { builtinScenarioDir } from './builtin.js';
import { ScenarioError } from './errors.js';
import { Origins, type SweepOrigin } from './origins.js';
import { resolveSource, type ResolveContext } from './resolve.js';
import { loadChain } from './source.js';
import type { ResolvedScenario } from './types.js';
import { cloneData, isPlainObject, setPath } from '../format/values.js';

export interface SweepPoint {
  /** The swept keys and their values at this point ({} without a sweep). */
  readonly point: Record<string, unknown>;
  /** The scenario at this point: its `sweep` is empty and its `source` has no `sweep` key. */
  readonly scenario: ResolvedScenario;
}

/** Expansions made while loading (every point is validated then), reused by expandSweep. */
const expanded = new WeakMap<ResolvedScenario, readonly SweepPoint[]>();

/** Every point of the grid, in order (the last key varies fastest). Throws a ScenarioError for a bad point. */
export function expandSweep(scenario: ResolvedScenario): SweepPoint[] {
  const done = expanded.get(scenario);
  if (done !== undefined) return [...done];
  return expandSweepWith(scenario, contextFor(scenario));
}

export function expandSweepWith(scenario: ResolvedScenario, ctx: ResolveContext): SweepPoint[] {
  if (scenario.sweep.length === 0) return [{ point: {}, scenario }];
  const points: SweepPoint[] = [];
  for (const indexes of grid(scenario.sweep.map((s) => s.values.length))) {
    const source = cloneData(scenario.source);
    if (isPlainObject(source)) delete source.sweep;
    const coords: SweepOrigin[] = scenario.sweep.map((s, k) => ({ key: s.key, segments: s.key.split('.'), valueIndex: indexes[k], value: s.values[indexes[k]] }));
    const origins = ctx.origins.withSweepPoint(coords);
    for (const c of coords) {
      const problem = isPlainObject(source) ? setPath(source, c.segments, cloneData(c.value)) : 'the scenario is not an object';
      if (problem !== null) throw origins.error({ path: ['sweep', c.key], message: problem, at: 'key' });
    }
    const resolved = resolveSource(source, { ...ctx, origins });
    points.push({ point: Object.fromEntries(coords.map((c) => [c.key, c.value])), scenario: resolved });
  }
  expanded.set(scenario, points);
  return [...points];
}

/** Index tuples of the grid; the caller has checked the size against LIMITS.sweepPoints. */
function* grid(sizes: readonly number[]): Generator<number[]> {
  const idx = sizes.map(() => 0);
  if (sizes.some((n) => n === 0)) return;
  for (;;) {
    yield [...idx];
    let k = sizes.length - 1;
    while (k >= 0 && ++idx[k] === sizes[k]) idx[k--] = 0;
    if (k < 0) return;
  }
}

/**
 * Re-resolving needs the scenario's directory (for relative paths) and, for
 * error positions, its text: read again from disk, best effort.
 */
function contextFor(s: ResolvedScenario): ResolveContext {
  const abs = s.file.startsWith('builtin:') ? join(builtinScenarioDir(), `${s.file.slice('builtin:'.length)}.json5`) : s.file;
  let origins = new Origins([]);
  try {
    if (existsSync(abs)) origins = new Origins(loadChain(abs).docs);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e; // the file changed since loading: report without positions
  }
  return { file: s.file, defaultName: s.name, baseDir: dirname(abs), origins, fileCache: new Map() };
}
