// Baselines: the headline numbers of every checked configuration, saved as JSON
// (`raftsim check --update-baseline`) and compared on later checks. A change
// beyond its tolerance is a regression:
//   time to leader p99       slower by more than p99SlowerPct %
//                            (a p99 beyond the horizon is slower than any number);
//   spurious elections/hour  up by more than spuriousUpPct % of the old value plus spuriousUpAbs;
//   write availability       down by more than availabilityDownPts percentage points.
import { clipText } from '../scenario/clip.js';
import { RAFTSIM_VERSION } from '../version.js';
import { configName, type CheckedConfig } from './check.js';

export const BASELINE_FORMAT = 'raftsim-baseline/1';

export interface BaselineEntry {
  readonly scenario: string;
  readonly file: string;
  readonly point: Readonly<Record<string, unknown>>;
  readonly seed: string;
  readonly trials: number;
  /** ms; null when it lies beyond the horizon (censored trials). */
  readonly timeToLeaderP99Ms: number | null;
  readonly spuriousElectionsPerHour: number;
  /** 0–1; null without a workload. */
  readonly writeAvailability: number | null;
}

export interface Baseline {
  readonly format: typeof BASELINE_FORMAT;
  readonly raftsimVersion: string;
  /** Keyed by baselineKey(): the file and the sweep point. */
  readonly entries: Readonly<Record<string, BaselineEntry>>;
}

import type { Tolerances } from './tolerances.js';
export { DEFAULT_TOLERANCES, type Tolerances } from './tolerances.js';

/** A file names a scenario better than its `name` (two folders may reuse a name); a sweep point is part of the key. */
export function baselineKey(c: Pick<CheckedConfig, 'file' | 'point'>): string {
  return Object.keys(c.point).length === 0 ? c.file : `${c.file} ${JSON.stringify(c.point)}`;
}

export function entryOf(c: CheckedConfig): BaselineEntry {
  const m = c.result.metrics;
  return {
    scenario: configName(c),
    file: c.file,
    point: c.point,
    seed: c.seed,
    trials: c.trials,
    timeToLeaderP99Ms: m.timeToLeaderMs.p99,
    spuriousElectionsPerHour: m.spuriousElectionsPerHour,
    writeAvailability: m.writeAvailability,
  };
}

export function makeBaseline(configs: readonly CheckedConfig[]): Baseline {
  const entries = configs.map((c) => [baselineKey(c), entryOf(c)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { format: BASELINE_FORMAT, raftsimVersion: RAFTSIM_VERSION, entries: Object.fromEntries(entries) };
}

export function serializeBaseline(b: Baseline): string {
  return `${JSON.stringify(b, null, 2)}\n`;
}

export class BaselineError extends Error {}

/** Parses and checks a baseline file's text; a problem is a BaselineError naming what is wrong. */
export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`not JSON: ${(e as Error).message}`);
  }
  const d = data as Partial<Baseline> | null;
  if (typeof d !== 'object' || d === null || d.format !== BASELINE_FORMAT) throw new BaselineError(`not a raftsim baseline (expected "format": "${BASELINE_FORMAT}")`);
  if (typeof d.entries !== 'object' || d.entries === null) throw new BaselineError('"entries" must be an object');
  for (const [k, e] of Object.entries(d.entries)) {
    const ok =
      typeof e === 'object' && e !== null &&
      (e.timeToLeaderP99Ms === null || typeof e.timeToLeaderP99Ms === 'number') &&
      typeof e.spuriousElectionsPerHour === 'number' &&
      (e.writeAvailability === null || typeof e.writeAvailability === 'number');
    if (!ok) throw new BaselineError(`entry ${JSON.stringify(clipText(k, 80))} needs timeToLeaderP99Ms, spuriousElectionsPerHour and writeAvailability (numbers or null)`);
  }
  return d as Baseline;
}
