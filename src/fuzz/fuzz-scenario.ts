// The scenario a fuzz case runs as: the original scenario (after `extends` and
// --set) with its faults replaced by the generated schedule, one trial, its own
// seed, a horizon of "last heal + recovery bound", and the checks as `expect`.
// The fuzzer runs exactly this data through the scenario loader, and a shrunk
// counterexample is this data written out, so `raftsim run` of the file
// reproduces what the fuzzer saw by construction (docs/fuzz.md).
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { isInstantaneous } from '../faults/describe.js';
import { faultKindModule } from '../faults/registry.js';
import type { Fault } from '../faults/types.js';
import { exactDuration } from '../format/duration.js';
import { LIMITS } from '../format/limits.js';
import type { ScenarioRaft } from '../scenario/types.js';
import { cloneData, isPlainObject, type PlainObject } from '../format/values.js';

/** One generated case: a seed variant (picks every random stream) and a fault schedule. */
export interface FuzzCase {
  readonly variant: number;
  readonly faults: readonly Fault[];
}

export interface FuzzBase {
  /** The original scenario's source, with relative paths rebased to the output file's directory. */
  readonly source: PlainObject;
  readonly name: string;
  readonly seed: string;
  readonly implementation: ScenarioRaft['implementation'];
  /** Where the scenario is (to be) written: relative paths in it resolve from its directory. */
  readonly outFile: string;
  /** Client writes per second during the fuzz run (at least FUZZ_MIN_WRITES_PER_SECOND). */
  readonly writesPerSecond: number;
  /** How long after the last heal the cluster may take to be whole again (µs). */
  readonly boundUs: number;
}

/** Enough writes that one is submitted soon after the heal (the recovery check needs one). */
export const FUZZ_MIN_WRITES_PER_SECOND = 10;

/** The seed of one case: every random stream of trial 0 derives from it. */
export function caseSeed(baseSeed: string, variant: number): string {
  return `${baseSeed.slice(0, LIMITS.nameChars - 24)}/fuzz/${variant}`;
}

/** When the last fault of a schedule heals (a clock step is instantaneous). */
export function lastHealOf(faults: readonly Fault[]): number {
  return Math.max(0, ...faults.map((f) => f.atUs + (isInstantaneous(f.action) ? 0 : (f.durationUs ?? 0))));
}

/** The scenario data of one case; `description` says what it is. */
export function fuzzSource(base: FuzzBase, c: FuzzCase, description = ''): PlainObject {
  const { name: _n, description: _d, $schema: _s, sweep: _w, expect: _e, faults: _f, trials: _t, seed: _seed, horizon: _h, ...rest } = cloneData(base.source);
  const raft = isPlainObject(rest.raft) ? rest.raft : {};
  const workload = isPlainObject(rest.workload) ? rest.workload : {};
  return {
    name: `${base.name.slice(0, LIMITS.nameChars - 5)}-fuzz`,
    description,
    ...rest,
    raft: { ...raft, implementation: implementationData(base.implementation, base.outFile) },
    workload: { ...workload, writesPerSecond: base.writesPerSecond },
    faults: c.faults.map(faultData),
    trials: 1,
    seed: caseSeed(base.seed, c.variant),
    horizon: exactDuration(lastHealOf(c.faults) + base.boundUs),
    expect: { safety: 'ok', 'recoveryMs.max': `<= ${base.boundUs / 1000}` },
  };
}

function implementationData(impl: ScenarioRaft['implementation'], outFile: string): unknown {
  if (typeof impl === 'string') return impl;
  return { module: portablePath(relative(dirname(outFile), impl.module)) };
}

/** A fault record in the scenario format: absolute `at` and `duration`, action keys as written. */
export { exactDuration };

export function faultData(f: Fault): PlainObject {
  const a = f.action;
  const timing: PlainObject = { at: exactDuration(f.atUs) };
  if (!isInstantaneous(a) && f.durationUs !== null) timing.duration = exactDuration(f.durationUs);
  return { ...faultKindModule(a.kind).fileKeys(a), ...timing };
}

/**
 * Paths inside a scenario (a node module, an empirical samples file) are relative
 * to its file; moving the data from `fromDir` to `toDir` rewrites them.
 */
export function rebasePaths(v: unknown, fromDir: string, toDir: string): void {
  if (typeof v !== 'object' || v === null) return;
  if (Array.isArray(v)) return v.forEach((x) => rebasePaths(x, fromDir, toDir));
  const o = v as PlainObject;
  const rebase = (key: string) => {
    const p = o[key];
    if (typeof p === 'string' && p !== '' && !isAbsolute(p)) o[key] = portablePath(relative(toDir, resolve(fromDir, p)) || '.');
  };
  if (o.dist === 'empirical') rebase('file');
  if (typeof o.module === 'string') rebase('module');
  for (const x of Object.values(o)) rebasePaths(x, fromDir, toDir);
}

/** "./x" for a file beside the scenario (a bare "x" reads like a package name); forward slashes. */
function portablePath(p: string): string {
  const fwd = p.split('\\').join('/');
  return fwd.startsWith('.') || fwd.startsWith('/') || /^[A-Za-z]:/.test(fwd) ? fwd : `./${fwd}`;
}
