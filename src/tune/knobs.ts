// A candidate's knobs as the scenario keys of its timer profile, and the
// profile's defaults for knobs the tune file does not vary. Each profile's mapping
// is its `tune` entry in src/raft/profiles/<name>.ts.
import { formatDuration } from '../format/duration.js';
import { profileConfig, profileOf, type ProfileName } from '../raft/profiles.js';
import type { Knobs } from './types.js';

/** The `raft` keys (besides profile) that set these knobs. */
export function raftKeys(profile: ProfileName, k: Knobs): Record<string, unknown> {
  return profileOf(profile).tune.keys(k, formatDuration);
}

/** The profile's own PreVote / CheckQuorum / heartbeat, for knobs the tune file leaves alone. */
export function profileDefaults(profile: ProfileName): { preVote: boolean; checkQuorum: boolean; heartbeatUs: number | null } {
  const c = profileConfig(profile);
  const heartbeatUs = profileOf(profile).tune.heartbeatFollowsElection !== undefined ? null : c.heartbeatMinUs;
  return { preVote: c.preVote, checkQuorum: c.checkQuorum, heartbeatUs };
}
