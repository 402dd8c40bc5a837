// Timer profiles: well-known ways to time Raft, each built from the knobs its source
// exposes (in that source's own terms) into a RaftConfig. One module per profile in
// profiles/ (its params type, defaults, config builder, behaviour rules, doc line, and
// how scenario-file knobs and tuned timers map onto it); PROFILES below registers them
// and everything else — ProfileName, the scenario schema's `profile` enum and knobs, the
// knob mapping, `raftsim tune`'s keys and snippets, describe text — derives from it.
//
//   resolveRaftConfig('etcd', { preVote: false }, { electionTicks: 20 })
//
// `params` are the profile's native knobs (derived fields follow them);
// `overrides` then replace any RaftConfig field directly. The result is validated.
// All durations are integer microseconds (…Us) or whole ticks (…Ticks).
//
// Adding a timer profile (2 files, plus tests and docs):
//   1. src/raft/profiles/<name>.ts: export a `Profile<NameParams>` (see profiles/profile.ts:
//      params interface extending CommonParams, defaults, BehaviourRules, config builder,
//      doc line, `scenario` knob map — shared knobs that set a native param, knobs only it
//      has with their kind and description, the "Defaults:" text of the timer knobs,
//      optional derived fields and checks — and `tune`: scenario keys for a tuned timer
//      and the ready-to-paste snippet for its implementation).
//   2. Here: one line in PROFILES. The compiler then requires every field of the module.
//   Then: a case in test/raft/profiles.test.ts, a line in docs/model.md's profile list.

import { BUGS } from './bugs.js';
import type { RaftConfig } from './types.js';
import type { CommonParams, Profile } from './profiles/profile.js';
import { PAPER } from './profiles/paper.js';
import { ETCD } from './profiles/etcd.js';
import { HASHICORP } from './profiles/hashicorp.js';

export type { BehaviourRules, CommonParams, Profile, TunedTimers, ShowUs } from './profiles/profile.js';
export { PAPER_DEFAULTS, PAPER_RULES, type PaperParams } from './profiles/paper.js';
export { ETCD_DEFAULTS, ETCD_RULES, type EtcdParams } from './profiles/etcd.js';
export { HASHICORP_DEFAULTS, HASHICORP_RULES, hashicorpHasPreVote, type HashicorpParams } from './profiles/hashicorp.js';

/** Every timer profile, in the order docs and `--help` list them. The first is the default. */
const PROFILE_TABLE = {
  paper: PAPER,
  etcd: ETCD,
  hashicorp: HASHICORP,
};

export type ProfileName = keyof typeof PROFILE_TABLE;

/** Each profile's native params. */
export type ProfileParams = { [P in ProfileName]: (typeof PROFILE_TABLE)[P]['defaults'] };

/** The table, typed for code that works on any profile (its params as CommonParams). */
export const PROFILES: { readonly [P in ProfileName]: Profile<ProfileParams[P]> } = Object.freeze(PROFILE_TABLE);

export const PROFILE_NAMES = Object.freeze(Object.keys(PROFILE_TABLE)) as readonly ProfileName[] as readonly [ProfileName, ...ProfileName[]];

/** The profile of a scenario that names none. */
export const DEFAULT_PROFILE: ProfileName = PROFILE_NAMES[0];

/** A profile's entry, its params widened to what every profile shares (for code generic over profiles). */
export function profileOf(name: ProfileName): Profile<CommonParams> {
  return PROFILES[name] as unknown as Profile<CommonParams>;
}

/** Each profile's implementation rules (the defaults a scenario may override). */
export const PROFILE_RULES = Object.freeze(Object.fromEntries(PROFILE_NAMES.map((n) => [n, PROFILES[n].rules]))) as { readonly [P in ProfileName]: Profile<CommonParams>['rules'] };

export const PROFILE_DEFAULTS = Object.freeze(Object.fromEntries(PROFILE_NAMES.map((n) => [n, PROFILES[n].defaults]))) as { readonly [P in ProfileName]: ProfileParams[P] };

/** The profile's RaftConfig from its native knobs (missing ones take the documented defaults). */
export function profileConfig<P extends ProfileName>(profile: P, params: Partial<ProfileParams[P]> = {}): RaftConfig {
  if (!Object.hasOwn(PROFILES, profile)) throw new Error(`unknown raft profile '${String(profile)}' (expected one of ${PROFILE_NAMES.join(', ')})`);
  const p = profileOf(profile);
  return p.config({ ...p.defaults, ...(params as Partial<CommonParams>) });
}

/** A profile's config with any RaftConfig field overridden, validated. */
export function resolveRaftConfig<P extends ProfileName>(
  profile: P,
  overrides: Partial<RaftConfig> = {},
  params: Partial<ProfileParams[P]> = {},
): RaftConfig {
  return validateRaftConfig({ ...profileConfig(profile, params), ...overrides });
}

/** The timer durations of a RaftConfig, in µs (in ticks mode each a whole number of ticks). */
export const TIMEOUT_FIELDS_US = [
  'electionTimeoutMinUs',
  'electionTimeoutMaxUs',
  'candidateTimeoutMinUs',
  'candidateTimeoutMaxUs',
  'heartbeatMinUs',
  'heartbeatMaxUs',
  'checkQuorumTimeoutUs',
] as const;

/** Throws an Error naming the first bad field; returns the config frozen. */
export function validateRaftConfig(c: RaftConfig): RaftConfig {
  const int = (name: keyof RaftConfig, min: number): void => {
    const v = c[name] as unknown;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
      throw new Error(`raft config: ${name} must be an integer >= ${min}, got ${String(v)}`);
    }
  };
  if (c.timerMode !== 'continuous' && c.timerMode !== 'ticks') {
    throw new Error(`raft config: timerMode must be 'continuous' or 'ticks', got ${String(c.timerMode)}`);
  }
  int('tickUs', c.timerMode === 'ticks' ? 1 : 0);
  for (const name of ['electionTimeoutMinUs', 'candidateTimeoutMinUs', 'heartbeatMinUs', 'checkQuorumTimeoutUs'] as const) {
    int(name, 1);
  }
  for (const [lo, hi] of [
    ['electionTimeoutMinUs', 'electionTimeoutMaxUs'],
    ['candidateTimeoutMinUs', 'candidateTimeoutMaxUs'],
    ['heartbeatMinUs', 'heartbeatMaxUs'],
  ] as const) {
    int(hi, 1);
    if (c[hi] < c[lo]) throw new Error(`raft config: ${hi} (${c[hi]}) must be >= ${lo} (${c[lo]})`);
  }
  if (c.timerMode === 'ticks') {
    for (const name of TIMEOUT_FIELDS_US) {
      if (c[name] % c.tickUs !== 0) throw new Error(`raft config: ${name} (${c[name]}) must be a whole number of ticks (tickUs ${c.tickUs})`);
    }
  }
  int('maxInflightMsgs', 1);
  int('maxEntriesPerMsg', 1);
  if (c.timerSource !== 'monotonic' && c.timerSource !== 'wall') {
    throw new Error(`raft config: timerSource must be 'monotonic' or 'wall', got ${String(c.timerSource)}`);
  }
  const oneOf = (name: keyof RaftConfig, allowed: readonly unknown[]): void => {
    if (!allowed.includes(c[name])) throw new Error(`raft config: ${name} must be one of ${allowed.join(', ')}, got ${String(c[name])}`);
  };
  oneOf('timerReset', ['on-term-change', 'on-contact']);
  oneOf('staleTermReplies', ['always', 'etcd']);
  oneOf('followerTimer', ['restart', 'poll']);
  oneOf('wakeOrder', ['arrival', 'timers-first', 'random']);
  oneOf('voteLease', ['with-check-quorum', 'always', 'never']);
  oneOf('heartbeatPacing', ['interval', 'after-reply']);
  for (const b of ['preVoteLease', 'refuseVotesWhileLeaderKnown', 'leaderSendsBeforePersist'] as const) oneOf(b, [true, false]);
  if (c.followerTimer === 'poll' && c.timerMode === 'ticks') throw new Error(`raft config: followerTimer 'poll' needs continuous timers`);
  if (c.bug !== null && !Object.hasOwn(BUGS, c.bug)) {
    throw new Error(`raft config: bug must be null or one of ${Object.keys(BUGS).join(', ')}, got ${String(c.bug)}`);
  }
  return Object.freeze({ ...c });
}
