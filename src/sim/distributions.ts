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

/** One value: the constant without touching the RNG, or a draw. */
export function draw(d: CompiledDist, rng: Rng): number {
  return d.constant !== undefined ? d.constant : d.sample(rng);
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
      // Integers in [min, max], each equally likely; a range below zero is clipped at 0.
      const min = Math.max(0, Math.round(spec.min));
      const span = Math.max(min, Math.round(spec.max)) - min + 1;
      return { sample: (r) => min + Math.floor(r.next() * span), constant: undefined, mean: min + (span - 1) / 2 };
    }
    case 'normal': {
      const { mean, stddev } = spec;
      return { sample: (r) => Math.round(truncatedNormal(r, mean, stddev)), constant: undefined, mean: truncatedNormalMean(mean, stddev) };
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
      const intCap = Math.floor(cap);
      return {
        sample: (r) => Math.min(intCap, Math.round(scale / Math.pow(1 - r.next(), 1 / shape))),
        constant: undefined,
        mean: paretoMean(scale, shape, cap),
      };
    }
    case 'empirical': {
      if (spec.samples.length === 0) throw new Error('an empirical distribution needs at least one sample');
      const s = spec.samples.map((x) => Math.max(0, Math.round(x)));
      const mean = s.reduce((a, b) => a + b, 0) / s.length;
      return { sample: (r) => s[Math.floor(r.next() * s.length)], constant: undefined, mean };
    }
  }
}

/** Mean of N(mean, stddev) truncated to [0, ∞): mean + stddev·φ(α)/(1 − Φ(α)), α = −mean/stddev. */
function truncatedNormalMean(mean: number, stddev: number): number {
  if (stddev <= 0) return Math.max(0, mean);
  const a = -mean / stddev;
  const tail = 1 - normalCdf(a);
  if (tail < 1e-12) return 0;
  return mean + (stddev * Math.exp(-(a * a) / 2)) / Math.sqrt(2 * Math.PI) / tail;
}

/** Φ via erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7: ample for a reported mean). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Mean of a Pareto(scale, shape) capped at `cap` (min(X, cap)). */
function paretoMean(scale: number, shape: number, cap: number): number {
  if (!Number.isFinite(cap)) return shape > 1 ? (shape * scale) / (shape - 1) : Infinity;
  if (cap <= scale) return cap;
  // E[min(X, c)] = scale + ∫_scale^c (scale/x)^shape dx
  if (shape === 1) return scale + scale * Math.log(cap / scale);
  return scale + (scale / (shape - 1)) * (1 - Math.pow(scale / cap, shape - 1));
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
