// A scenario after loading and validation: plain data, every default filled
// in, every duration an integer of µs ("partial in, resolved inside"). The
// runner turns it into one SimulationSpec per (sweep point, trial).
import type { DistSpec } from '../sim/distributions.js';
import type { BugName, RaftConfig } from '../raft/types.js';
import type { ProfileName } from '../raft/profiles.js';

import type { ScenarioFault } from '../faults/plan.js';

export type { FaultRepeat, FaultStart, ScenarioFault, TriggerEvent } from '../faults/plan.js';

/**
 * cluster.initial, resolved (src/scenario/resolve-initial.ts): the cluster starts
 * established under `leader` in `term`. The leader's log has `entries` entries:
 * indexes below `termStart` are from term 1, the rest from `term` (the entry at
 * termStart is the leader's no-op). Every other node holds a prefix of it, or (with
 * `lastTerm`) the leader's entries below termStart and then entries of its own from
 * that older term up to its length. The logs themselves are built by initialLogs().
 */
export interface ResolvedInitial {
  readonly leader: number;
  readonly term: number;
  readonly entries: number;
  readonly termStart: number;
  /** Every node boots knowing entries up to here committed (at most its own log length). */
  readonly commit: number;
  /** Per node: its log length and, for a node whose tail diverged, the term of that tail (null: a prefix of the leader's log). */
  readonly nodes: readonly { readonly entries: number; readonly lastTerm: number | null }[];
}

export interface NodePlacement {
  /** zone name per node (length = cluster size); empty when no zones. */
  readonly zoneOf: readonly string[];
  readonly zones: readonly string[];
}

/** The Raft part as the user wrote it, resolved against the profile. */
export interface ScenarioRaft {
  /** One of the table in src/raft/profiles.ts. */
  readonly profile: ProfileName;
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
  /** cluster.initial: start from an established leader and these logs instead of an election (absent: boot empty). */
  readonly initial?: ResolvedInitial;
  readonly raft: ScenarioRaft;
  readonly network: {
    readonly latency: DistSpec;
    /** [fromZone][toZone], indexes into placement.zones; null without zones. */
    readonly zoneLatency: readonly (readonly DistSpec[])[] | null;
    readonly lossProbability: number;
    readonly duplicateProbability: number;
    readonly inFlightOnCut: 'drop' | 'deliver';
    readonly ordering: 'fifo' | 'independent';
  };
  /** Per node. */
  readonly clocks: readonly { readonly skewUs: number; readonly driftPpm: number }[];
  /** Per node; timerJitter: how late each timer firing is (absent, as in hand-built scenarios: exact). */
  readonly cpu: readonly { readonly serviceTime: DistSpec; readonly timerJitter?: DistSpec }[];
  readonly disk: readonly { readonly fsyncLatency: DistSpec }[];
  readonly workload: {
    readonly writesPerSecond: number;
    readonly arrival: 'poisson' | 'fixed';
    readonly clientLatency: DistSpec;
    readonly clientTimeoutUs: number;
    /** Base retry backoff, doubling per failed round of every node up to retryBackoffMaxUs (src/cluster/workload.ts). */
    readonly retryBackoffUs: number;
    readonly retryBackoffMaxUs: number;
    /** Each backoff is scaled by a uniform factor in [1 − retryJitter, 1 + retryJitter]. */
    readonly retryJitter: number;
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
    /**
     * When a trial ends: 'horizon' (default) runs every trial to the horizon; 'resolved' stops
     * once every per-fault measure is decided and no fault is still to come, plus `graceUs`
     * (trial.ts, docs/model.md). Rates are then over the shorter exposure they report.
     */
    readonly until: 'horizon' | 'resolved';
    readonly graceUs: number;
    /** until 'resolved': each fault occurrence is observed at least this long after its start, past the horizon if need be. */
    readonly observeUs: number;
  };
  /** Grid over config keys (dotted paths into the scenario file's own keys); empty when no sweep. */
  readonly sweep: readonly { readonly key: string; readonly values: readonly unknown[] }[];
  /** Expectations: metric path → comparison (validated against the metric names). */
  readonly expect: readonly { readonly metric: string; readonly op: '<' | '<=' | '>' | '>=' | '==' | '!='; readonly value: number | string }[];
  /** The file's own contents after `extends` and overrides, before resolution (reports print it; sweeps re-resolve from it). */
  readonly source: unknown;
}
