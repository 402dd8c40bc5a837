// The vocabulary of `raftsim tune`: the knobs a configuration sets, the goals
// it must meet, the evidence gathered for it and the evaluator that gathers it
// (the simulator in evaluate-sim.ts; a synthetic one in tests).

/** One configuration's settings, independent of the profile (knobs.ts maps them onto a profile's keys). */
export interface Knobs {
  /** The base election timeout (etcd --election-timeout, hashicorp HeartbeatTimeout/ElectionTimeout, paper min), µs. */
  readonly electionTimeoutUs: number;
  /** The heartbeat interval, µs; null where the profile derives it (hashicorp: HeartbeatTimeout/10). */
  readonly heartbeatUs: number | null;
  readonly preVote: boolean;
  readonly checkQuorum: boolean;
}

export interface Candidate {
  /** Index in the full grid (grid order: election timeout, heartbeat, PreVote, CheckQuorum; the last varies fastest). */
  readonly id: number;
  /** Index of each axis's value. */
  readonly coords: readonly number[];
  readonly knobs: Knobs;
  readonly label: string;
}

/** A fault the failover goal is checked after: a leader crash always, a partial partition when guarded against. */
export type Family = 'crash' | 'partial-partition';

export interface Goals {
  /** The quantile of time to a stable leader the failover goal bounds (0.99 or 0.999). */
  readonly quantile: number;
  /** The bound on it, ms. */
  readonly failoverMs: number;
  /** The bound on spurious elections, per hour (from "per cluster-day" or "per cluster-month"). */
  readonly spuriousPerHour: number;
  /** The goal as the user wrote it, for messages: { atMost: 1, per: "month" }. */
  readonly spurious: { readonly atMost: number; readonly per: 'day' | 'month' };
  /** Each goal is checked at this confidence (one-sided). */
  readonly confidence: number;
  /** Configurations whose failover quantiles cannot differ by more than this (ms) count as equally fast. */
  readonly indifferenceMs: number;
}

/** A batch of trials to run for one candidate. */
export interface Request {
  readonly candidate: number;
  /** Failover trials after a fault of a family, or quiet trials that measure spurious elections. */
  readonly kind: Family | 'quiet';
  /** Trial indexes (each request continues where the last one of its kind stopped). */
  readonly trials: readonly number[];
}

/** What a batch measured. */
export interface Observation {
  /** Time to a stable leader per measured fault occurrence, µs; null = censored (none by the horizon). Empty for quiet trials. */
  readonly failoverUs: readonly (number | null)[];
  readonly spurious: number;
  /** Simulated exposure after warm-up, hours. */
  readonly hours: number;
  /** Trials with a safety violation. */
  readonly violations: number;
}

/** Runs a round of requests; results in request order. Must be deterministic in its requests. */
export type Evaluator = (requests: readonly Request[]) => Promise<Observation[]>;

/** Everything known about one candidate. */
export interface Evidence {
  readonly failover: Partial<Record<Family, (number | null)[]>>;
  spurious: number;
  hours: number;
  violations: number;
  failoverTrials: Partial<Record<Family, number>>;
  quietTrials: number;
}
