// A scenario after loading and validation: plain data, every default filled
// in, every duration an integer of µs ("partial in, resolved inside"). The
// runner turns it into one SimulationSpec per (sweep point, trial).
import type { DistSpec } from '../sim/distributions.js';
import type { FaultAction } from '../faults/types.js';
import type { BugName, RaftConfig } from '../raft/types.js';

export type TimerProfile = 'paper' | 'etcd' | 'hashicorp';

/** When a fault starts. */
export type FaultStart =
  /** At an absolute time from the start of the trial. */
  | { readonly kind: 'at'; readonly atUs: number }
  /**
   * After an event: 'stable-leader' (a leader has been leader for the stability
   * window), 'heartbeat' (the leader just broadcast a heartbeat); then after
   * `delayUs`, plus a uniform random extra in [0, windowUs).
   */
  | { readonly kind: 'after'; readonly event: 'stable-leader' | 'heartbeat'; readonly delayUs: number; readonly windowUs: number };

/** How a fault repeats (recurring faults such as GC pauses or flapping). */
export type FaultRepeat =
  | { readonly kind: 'once' }
  /** Every periodUs after the first start, at most `count` times in all (null: until the horizon). */
  | { readonly kind: 'every'; readonly periodUs: number; readonly count: number | null }
  /** As a Poisson process with this mean rate per second, at most `count` times. */
  | { readonly kind: 'rate'; readonly perSecond: number; readonly count: number | null };

export interface ScenarioFault {
  readonly start: FaultStart;
  readonly repeat: FaultRepeat;
  /** How long each occurrence lasts; null = until `healAtUs` or forever. A distribution allows e.g. GC pause lengths. */
  readonly duration: DistSpec | null;
  /** Heal at an absolute time instead of after a duration. */
  readonly healAtUs: number | null;
  readonly action: FaultAction;
  /** Where it came from in the file, for messages: e.g. "faults[2]". */
  readonly path: string;
}

export interface NodePlacement {
  /** zone name per node (length = cluster size); empty when no zones. */
  readonly zoneOf: readonly string[];
  readonly zones: readonly string[];
}

/** The Raft part as the user wrote it, resolved against the profile. */
export interface ScenarioRaft {
  readonly profile: TimerProfile;
  /** The node implementation: 'reference', a bug-zoo name, or a module path (resolved absolute). */
  readonly implementation: 'reference' | BugName | { readonly module: string };
  /** Fully resolved config for each node (per-node overrides applied). */
  readonly nodes: readonly RaftConfig[];
}

export interface ResolvedScenario {
  /** Absolute path of the file, or "builtin:<name>". */
  readonly file: string;
  readonly name: string;
  readonly description: string;
  readonly nodes: number;
  readonly placement: NodePlacement;
  /** Nodes boot at independent uniform times in [0, bootSpreadUs). */
  readonly bootSpreadUs: number;
  readonly raft: ScenarioRaft;
  readonly network: {
    readonly latency: DistSpec;
    /** [fromZone][toZone], indexes into placement.zones; null without zones. */
    readonly zoneLatency: readonly (readonly DistSpec[])[] | null;
    readonly lossProbability: number;
    readonly duplicateProbability: number;
    readonly inFlightOnCut: 'drop' | 'deliver';
  };
  /** Per node. */
  readonly clocks: readonly { readonly skewUs: number; readonly driftPpm: number }[];
  readonly cpu: readonly { readonly serviceTime: DistSpec }[];
  readonly disk: readonly { readonly fsyncLatency: DistSpec }[];
  readonly workload: {
    readonly writesPerSecond: number;
    readonly arrival: 'poisson' | 'fixed';
    readonly clientLatency: DistSpec;
    readonly clientTimeoutUs: number;
    readonly retryBackoffUs: number;
  };
  readonly faults: readonly ScenarioFault[];
  readonly trials: number;
  readonly seed: string;
  readonly horizonUs: number;
  readonly measure: {
    /** A leader is stable once it has led this long (default: the largest election timeout). */
    readonly stableUs: number;
    /** Alert thresholds for "no leader for ≥ X" (default 30 s and 1 min). */
    readonly alertThresholdsUs: readonly number[];
    /** Healthy warm-up before which nothing is measured (default: until the first stable leader). */
    readonly warmupUs: number;
  };
  /** Grid over config keys (dotted paths into the scenario file's own keys); empty when no sweep. */
  readonly sweep: readonly { readonly key: string; readonly values: readonly unknown[] }[];
  /** Expectations: metric path → comparison (validated against the metric names). */
  readonly expect: readonly { readonly metric: string; readonly op: '<' | '<=' | '>' | '>=' | '==' | '!='; readonly value: number | string }[];
  /** The file's own contents after `extends` and overrides, before resolution (reports print it; sweeps re-resolve from it). */
  readonly source: unknown;
}
