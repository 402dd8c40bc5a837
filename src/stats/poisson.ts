// Exact (Garwood) confidence bounds for an event rate from events counted over
// a simulated exposure: with k events in T hours the rate λ satisfies
// P(Poisson(λT) ≤ k) = (1 − level) at the upper bound, i.e. λ_U = G⁻¹(level; k + 1)/T
// with G the unit gamma distribution. Zero events in T hours give the one-sided
// 95% upper bound −ln(0.05)/T ≈ 3/T (the "rule of three").
import { gammaQuantile } from './dists.js';

export interface RateEstimate {
  /** Events counted. */
  readonly events: number;
  /** Exposure the events were counted over, hours. */
  readonly hours: number;
  /** events / hours (0 with no exposure). */
  readonly perHour: number;
  /** Two-sided interval at `level`, per hour; the upper bound is null with no exposure. */
  readonly ci: readonly [number, number | null];
  /** One-sided upper bound at `level`, per hour (null with no exposure). */
  readonly upper: number | null;
  readonly level: number;
}

export function rateUpper(events: number, hours: number, level: number): number | null {
  if (!(hours > 0)) return null;
  return gammaQuantile(level, events + 1, 1) / hours;
}

export function rateLower(events: number, hours: number, level: number): number {
  if (!(hours > 0) || events === 0) return 0;
  return gammaQuantile(1 - level, events, 1) / hours;
}

export function rateEstimate(events: number, hours: number, level = 0.95): RateEstimate {
  const tail = (1 - level) / 2;
  return {
    events,
    hours,
    perHour: hours > 0 ? events / hours : 0,
    ci: [rateLower(events, hours, 1 - tail), rateUpper(events, hours, 1 - tail)],
    upper: rateUpper(events, hours, level),
    level,
  };
}

/** Hours of exposure with zero events needed for a one-sided upper bound ≤ perHour at `level` (1 per month at 95%: 2,157 h). */
export function hoursToBound(perHour: number, level: number): number {
  return -Math.log(1 - level) / perHour;
}

export const HOURS_PER_DAY = 24;
/** A cluster-month is 30 days. */
export const HOURS_PER_MONTH = 30 * 24;
