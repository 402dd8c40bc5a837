// Distribution objects of the file (durations already in µs) → DistSpec.
// Empirical samples may come from a file of milliseconds, one per line.
import { resolve as resolvePath } from 'node:path';
import type { DistSpec } from '../sim/distributions.js';
import type { KeyPath } from './errors.js';
import { LIMITS } from '../format/limits.js';
import type { Origins } from './origins.js';
import type { DistInput } from '../format/schema-values.js';
import { readScenarioText } from './source.js';

export interface DistContext {
  readonly baseDir: string;
  readonly origins: Origins;
  /** Samples already read, by absolute path (a sweep re-resolves many times). */
  readonly fileCache: Map<string, readonly number[]>;
}

/** A constant (µs) or a distribution object, as the schema parsed it. */
export type DurationOrDist = number | DistInput;

export function toDistSpec(d: DurationOrDist, path: KeyPath, ctx: DistContext): DistSpec {
  if (typeof d === 'number') return { kind: 'constant', value: d };
  switch (d.dist) {
    case 'constant':
      return { kind: 'constant', value: d.value };
    case 'uniform':
      return { kind: 'uniform', min: d.min, max: d.max };
    case 'normal':
      return { kind: 'normal', mean: d.mean, stddev: d.stddev };
    case 'lognormal':
      return { kind: 'lognormal', median: d.median, sigma: d.sigma };
    case 'exponential':
      return { kind: 'exponential', mean: d.mean };
    case 'pareto':
      return d.max === undefined ? { kind: 'pareto', scale: d.scale, shape: d.shape } : { kind: 'pareto', scale: d.scale, shape: d.shape, max: d.max };
    case 'empirical':
      if (d.samples !== undefined) return { kind: 'empirical', samples: d.samples };
      return { kind: 'empirical', samples: fileSamples(d.file!, d.scale ?? 1, [...path, 'file'], ctx) };
  }
}

function fileSamples(file: string, scale: number, path: KeyPath, ctx: DistContext): readonly number[] {
  const abs = resolvePath(ctx.baseDir, file);
  const key = `${abs}\0${scale}`;
  const cached = ctx.fileCache.get(key);
  if (cached !== undefined) return cached;
  const fail = (message: string) => ctx.origins.error({ path, message });
  const text = readScenarioText(abs, fail, LIMITS.empiricalFileBytes);
  const samples: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/#.*$/, '').trim();
    if (line === '') continue;
    const ms = Number(line);
    if (!Number.isFinite(ms) || ms < 0) throw fail(`${file}:${i + 1}: ${JSON.stringify(line.slice(0, 40))} is not a number of milliseconds >= 0`);
    const us = Math.round(ms * scale * 1000);
    if (us > LIMITS.durationUs) throw fail(`${file}:${i + 1}: ${line} ms is over the 30-day cap`);
    samples.push(us);
    if (samples.length > LIMITS.empiricalSamples) throw fail(`${file} has more than ${LIMITS.empiricalSamples} samples`);
  }
  if (samples.length === 0) throw fail(`${file} has no samples`);
  ctx.fileCache.set(key, samples);
  return samples;
}
