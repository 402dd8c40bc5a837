// What one timer profile is: its native params and their defaults, the RaftConfig
// they build, its behaviour rules, and — as data or pure functions the scenario and
// tune layers interpret — how the scenario file's `raft` knobs and `raftsim tune`'s
// tuned timers map onto it. One module per profile (paper.ts, etcd.ts, hashicorp.ts)
// fills this in; ../profiles.ts registers it. Nothing here imports outside raft/:
// durations are formatted by a function the caller passes in.
import type { RaftConfig } from '../types.js';

/** Flow-control and misc fields shared by every profile's params. */
export interface CommonParams {
  readonly maxInflightMsgs: number;
  readonly maxEntriesPerMsg: number;
  readonly timerSource: RaftConfig['timerSource'];
}

/**
 * The rules that differ between implementations (types.ts documents each field;
 * docs/model.md cites the source each default was checked against). Every profile
 * sets all of them; every one stays overridable per node.
 */
export type BehaviourRules = Pick<
  RaftConfig,
  | 'timerReset'
  | 'staleTermReplies'
  | 'preVoteLease'
  | 'voteLease'
  | 'refuseVotesWhileLeaderKnown'
  | 'followerTimer'
  | 'leaderSendsBeforePersist'
  | 'wakeOrder'
  | 'heartbeatPacing'
>;

/** Formats a duration in µs the way the caller's layer prints them ("150ms"). */
export type ShowUs = (us: number) => string;

/**
 * A scenario-file knob only this profile has (the file's `raft` section gains it; other
 * profiles reject it). kind: 'duration' (a positive duration, µs), 'count' (a positive
 * integer), 'version' (a release such as "1.7", numbers taken in decimal form).
 */
export interface OwnKnob<P> {
  readonly param: keyof P & string;
  readonly kind: 'duration' | 'count' | 'version';
  /** The JSON Schema description (starts with "<profile> profile only: "). */
  readonly doc: string;
  /** Which timer check blames this knob when no knob of the timer itself was set. */
  readonly blame?: 'heartbeat' | 'electionTimeout';
}

/**
 * How the scenario file's `raft` section maps onto the profile (read by
 * src/scenario/raft-config.ts). A knob listed in `params` sets that native param (so
 * derived fields follow); maxInflightMsgs, maxEntriesPerMsg, timerSource and preVote
 * always do; every other knob overrides the RaftConfig field as given. In ticks mode
 * an overriding duration must be a whole number of ticks.
 */
export interface ScenarioKnobs<P> {
  /** Shared knobs (a range's bound as "electionTimeout.min") that set a native param. */
  readonly params: Readonly<Record<string, keyof P & string>>;
  /** Knobs only this profile has. */
  readonly own: Readonly<Record<string, OwnKnob<P>>>;
  /** The rest of "only the etcd profile …" when another profile is given one of `own`. */
  readonly ownPhrase?: string;
  /** The knob descriptions' "Defaults:" entries (schema-raft.ts lists them per profile). */
  readonly defaultsDoc: {
    readonly electionTimeout: string;
    readonly candidateTimeout: string;
    readonly heartbeatInterval: string;
    readonly checkQuorumTimeout: string;
  };
  /** RaftConfig fields that follow an overridden one (hashicorp: the lease shrinks with HeartbeatTimeout). */
  readonly derive?: (overrides: Partial<RaftConfig>, base: RaftConfig) => Partial<RaftConfig>;
  /** Checks on the resolved config, each run only when its knob was set: a message, or null. */
  readonly checks?: Readonly<Record<string, (c: RaftConfig, show: ShowUs) => string | null>>;
}

/** A configuration `raftsim tune` tries (src/tune/types.ts Knobs): µs. */
export interface TunedTimers {
  readonly electionTimeoutUs: number;
  /** null where the profile derives it (heartbeatFollowsElection). */
  readonly heartbeatUs: number | null;
  readonly preVote: boolean;
  readonly checkQuorum: boolean;
}

/** How `raftsim tune`'s timers map onto the profile (read by src/tune/knobs.ts, load.ts, snippet.ts). */
export interface TuneMapping {
  /** Set when the heartbeat follows the election timeout and cannot be tuned: why ("sends heartbeats every …"). */
  readonly heartbeatFollowsElection?: string;
  /** Set when the election timeout must be a whole number of heartbeats: why. */
  readonly electionInHeartbeats?: string;
  /** The scenario `raft` keys (besides profile) that set a tuned configuration. */
  readonly keys: (k: TunedTimers, show: ShowUs) => Record<string, unknown>;
  /** The configuration, ready to paste into the profile's own implementation. */
  readonly snippet: (k: TunedTimers) => { readonly title: string; readonly language: string; readonly text: string };
}

export interface Profile<P extends CommonParams> {
  /** One line for docs and `--help`: what the profile follows. */
  readonly doc: string;
  readonly defaults: P;
  readonly rules: BehaviourRules;
  /** The RaftConfig from complete params (the profile's rules included, bug null). */
  readonly config: (p: P) => RaftConfig;
  readonly scenario: ScenarioKnobs<P>;
  readonly tune: TuneMapping;
}

/** Milliseconds, rounded, for snippets in an implementation's own units. */
export const ms = (us: number): number => Math.round(us / 1000);
