// Defaults for keys a scenario file leaves out (each is also stated in the
// schema description of its key). Profile-dependent defaults live in
// src/raft/profiles.ts; the stability window is derived from the timers.
import type { DistSpec } from '../sim/distributions.js';

export const DEFAULTS = Object.freeze({
  nodes: 5,
  profile: 'paper' as const,
  /** A LAN: median 500 µs one way, p99 ≈ 1 ms. */
  latency: { kind: 'lognormal', median: 500, sigma: 0.3 } as DistSpec,
  loss: 0,
  duplicate: 0,
  inFlightOnCut: 'drop' as const,
  skewUs: 0,
  driftPpm: 0,
  serviceTime: { kind: 'constant', value: 20 } as DistSpec,
  fsync: { kind: 'lognormal', median: 1_000, sigma: 0.5 } as DistSpec,
  writesPerSecond: 0,
  arrival: 'poisson' as const,
  clientLatency: { kind: 'constant', value: 500 } as DistSpec,
  clientTimeoutUs: 2_000_000,
  retryBackoffUs: 50_000,
  trials: 100,
  seed: '1',
  horizonUs: 60_000_000,
  alertThresholdsUs: [30_000_000, 60_000_000] as readonly number[],
  warmupUs: 0,
});
