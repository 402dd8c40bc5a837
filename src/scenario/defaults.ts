// Defaults for keys a scenario file leaves out (each is also stated in the
// schema description of its key). Profile-dependent defaults live in
// src/raft/profiles.ts; the stability window is derived from the timers.
import type { DistSpec } from '../sim/distributions.js';
import { DEFAULT_PROFILE } from '../raft/profiles.js';

export const DEFAULTS = Object.freeze({
  nodes: 5,
  profile: DEFAULT_PROFILE,
  /** A LAN: median 500 µs one way, p99 ≈ 1 ms. */
  latency: { kind: 'lognormal', median: 500, sigma: 0.3 } as DistSpec,
  loss: 0,
  duplicate: 0,
  inFlightOnCut: 'drop' as const,
  /** Per-link FIFO, like the TCP streams real implementations replicate over. */
  ordering: 'fifo' as const,
  skewUs: 0,
  driftPpm: 0,
  serviceTime: { kind: 'constant', value: 20 } as DistSpec,
  /**
   * Timer lateness of an idle Go process on Linux: the runtime's netpoll waits in
   * epoll_wait with a whole-millisecond timeout (truncated; below 1 ms, 1 ms), so a
   * timer fires up to ~1 ms late (runtime/netpoll_epoll.go, golang/go#44343).
   * C/C++ threads see the 50 µs default timer slack instead (prctl(2) PR_SET_TIMERSLACK).
   */
  timerJitter: { kind: 'uniform', min: 0, max: 1_000 } as DistSpec,
  fsync: { kind: 'lognormal', median: 1_000, sigma: 0.5 } as DistSpec,
  writesPerSecond: 0,
  arrival: 'poisson' as const,
  clientLatency: { kind: 'constant', value: 500 } as DistSpec,
  clientTimeoutUs: 2_000_000,
  /** etcd clientv3: 25 ms between rounds of endpoints, jitter 0.10 (client/v3/options.go). */
  retryBackoffUs: 25_000,
  retryBackoffMaxUs: 1_000_000,
  retryJitter: 0.1,
  trials: 100,
  seed: '1',
  horizonUs: 60_000_000,
  alertThresholdsUs: [30_000_000, 60_000_000] as readonly number[],
  warmupUs: 0,
});
