// Distributions for anything configured as a duration or a count.
// Parameters are in the unit of the quantity (µs for durations); samples are
// rounded to integers and never negative.
//
//   constant     { value }                    always `value`
//   uniform      { min, max }                 integers uniform in [min, max], inclusive
//   normal       { mean, stddev }             normal, truncated at zero (re-drawn while negative)
//   lognormal    { median, sigma }            exp(N(ln median, sigma)); sigma is the shape (0.5 ≈ p99/p50 of 3.2)
//   exponential  { mean }                     memoryless, e.g. gaps between independent events
//   pareto       { scale, shape, max? }       heavy tail: P(X > x) = (scale / x)^shape for x >= scale; optional cap
//   empirical    { samples: [...] }           one of the samples, each equally likely (e.g. measured RTTs / 2)
import type { Rng } from './rng.js';

export type DistSpec =
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly stddev: number }
  | { readonly kind: 'lognormal'; readonly median: number; readonly sigma: number }
  | { readonly kind: 'exponential'; readonly mean: number }
  | { readonly kind: 'pareto'; readonly scale: number; readonly shape: number; readonly max?: number }
  | { readonly kind: 'empirical'; readonly samples: readonly number[] };

export type Sampler = (rng: Rng) => number;

/** A sampler that never draws: the hot loop can skip the RNG for constants. */
export interface CompiledDist {
  readonly sample: Sampler;
  /** Defined when the distribution is a constant (no draw needed). */
  readonly constant: number | undefined;
  readonly mean: number;
}

export function constant(value: number): DistSpec {
  return { kind: 'constant', value };
}

export function compileDist(spec: DistSpec): CompiledDist {
  switch (spec.kind) {
    case 'constant': {
      const v = Math.max(0, Math.round(spec.value));
      return { sample: () => v, constant: v, mean: v };
    }
    case 'uniform': {
      // Integers in [min, max], each equally likely.
      const min = Math.round(spec.min);
      const span = Math.round(spec.max) - min + 1;
      return { sample: (r) => min + Math.floor(r.next() * span), constant: undefined, mean: min + (span - 1) / 2 };
    }
    case 'normal': {
      const { mean, stddev } = spec;
      return { sample: (r) => Math.round(truncatedNormal(r, mean, stddev)), constant: undefined, mean };
    }
    case 'lognormal': {
      const mu = Math.log(spec.median);
      const { sigma } = spec;
      return {
        sample: (r) => Math.round(Math.exp(mu + sigma * standardNormal(r))),
        constant: undefined,
        mean: Math.exp(mu + (sigma * sigma) / 2),
      };
    }
    case 'exponential': {
      const { mean } = spec;
      return { sample: (r) => Math.round(-mean * Math.log(1 - r.next())), constant: undefined, mean };
    }
    case 'pareto': {
      const { scale, shape } = spec;
      const cap = spec.max ?? Infinity;
      const mean = shape > 1 ? (shape * scale) / (shape - 1) : Infinity;
      return {
        sample: (r) => Math.round(Math.min(cap, scale / Math.pow(1 - r.next(), 1 / shape))),
        constant: undefined,
        mean: Math.min(mean, cap),
      };
    }
    case 'empirical': {
      const s = spec.samples.map((x) => Math.max(0, Math.round(x)));
      const mean = s.reduce((a, b) => a + b, 0) / s.length;
      return { sample: (r) => s[Math.floor(r.next() * s.length)], constant: undefined, mean };
    }
  }
}

/** Box–Muller with one uniform pair per draw (the second variate is discarded for simplicity). */
export function standardNormal(r: Rng): number {
  const u1 = 1 - r.next(); // (0, 1]: log is finite
  const u2 = r.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

function truncatedNormal(r: Rng, mean: number, stddev: number): number {
  // Re-draw while negative; a mean far below zero falls back to 0 rather than loop.
  for (let i = 0; i < 64; i++) {
    const x = mean + stddev * standardNormal(r);
    if (x >= 0) return x;
  }
  return 0;
}
