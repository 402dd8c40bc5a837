// A candidate's knobs as the scenario keys of its timer profile, and the
// profile's defaults for knobs the tune file does not vary.
//   etcd:      tick = heartbeat (--heartbeat-interval), electionTicks = ET / heartbeat, heartbeatTicks 1
//   hashicorp: HeartbeatTimeout = ElectionTimeout = ET (timers [ET, 2ET)), heartbeats every [ET/10, ET/5),
//              LeaderLeaseTimeout = ET / 2
//   paper:     election timeout [ET, 2ET], heartbeat as given
import { formatDuration } from '../format/duration.js';
import { profileConfig, type ProfileName } from '../raft/profiles.js';
import type { Knobs } from './types.js';

const d = formatDuration;

/** The `raft` keys (besides profile) that set these knobs. */
export function raftKeys(profile: ProfileName, k: Knobs): Record<string, unknown> {
  const flags = { preVote: k.preVote, checkQuorum: k.checkQuorum };
  switch (profile) {
    case 'etcd': {
      const tick = k.heartbeatUs ?? profileConfig('etcd').tickUs;
      return { tick: d(tick), electionTicks: Math.round(k.electionTimeoutUs / tick), heartbeatTicks: 1, ...flags };
    }
    case 'hashicorp': {
      const et = k.electionTimeoutUs;
      const range = { min: d(et), max: d(2 * et - 1) };
      return { electionTimeout: range, candidateTimeout: range, heartbeatInterval: { min: d(Math.round(et / 10)), max: d(Math.round(et / 5) - 1) }, checkQuorumTimeout: d(Math.round(et / 2)), ...flags };
    }
    case 'paper':
      return { electionTimeout: { min: d(k.electionTimeoutUs), max: d(2 * k.electionTimeoutUs) }, heartbeatInterval: d(k.heartbeatUs ?? profileConfig('paper').heartbeatMinUs), ...flags };
  }
}

/** The profile's own PreVote / CheckQuorum / heartbeat, for knobs the tune file leaves alone. */
export function profileDefaults(profile: ProfileName): { preVote: boolean; checkQuorum: boolean; heartbeatUs: number | null } {
  const c = profileConfig(profile);
  const heartbeatUs = profile === 'hashicorp' ? null : c.heartbeatMinUs;
  return { preVote: c.preVote, checkQuorum: c.checkQuorum, heartbeatUs };
}
