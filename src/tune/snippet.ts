// The recommended configuration, ready to paste: etcd flags and config-file
// keys, hashicorp/raft Config fields, and a raftsim scenario that reproduces
// the failover measurement.
import { printJson5 } from '../scenario/json5-print.js';
import type { ProfileName } from '../raft/profiles.js';
import type { PlainObject } from '../format/values.js';
import type { Knobs } from './types.js';

export interface Snippets {
  /** For the profile's implementation: etcd flags/YAML, hashicorp Go, or the paper profile's raftsim keys. */
  readonly implementation: { readonly title: string; readonly language: string; readonly text: string };
  /** A raftsim scenario (JSON5) that measures this configuration's failover. */
  readonly scenario: string;
}

const ms = (us: number) => Math.round(us / 1000);

export function snippets(profile: ProfileName, k: Knobs, scenario: PlainObject): Snippets {
  return { implementation: implementationSnippet(profile, k), scenario: `${printJson5(scenario)}\n` };
}

function implementationSnippet(profile: ProfileName, k: Knobs): Snippets['implementation'] {
  switch (profile) {
    case 'etcd': {
      const hb = ms(k.heartbeatUs ?? 100_000);
      const et = ms(k.electionTimeoutUs);
      const lines = [
        `# etcd flags (milliseconds)`,
        `etcd --heartbeat-interval=${hb} --election-timeout=${et} --pre-vote=${k.preVote}`,
        ``,
        `# or in the etcd config file`,
        `heartbeat-interval: ${hb}`,
        `election-timeout: ${et}`,
        `pre-vote: ${k.preVote}`,
        ...(k.checkQuorum ? [] : ['# CheckQuorum off: only for etcd-io/raft used as a library (raft.Config{CheckQuorum: false}); the etcd server always enables it']),
      ];
      return { title: 'etcd', language: 'sh', text: `${lines.join('\n')}\n` };
    }
    case 'hashicorp': {
      const et = ms(k.electionTimeoutUs);
      const lines = [
        `// hashicorp/raft`,
        `config := raft.DefaultConfig()`,
        `config.HeartbeatTimeout = ${et} * time.Millisecond`,
        `config.ElectionTimeout = ${et} * time.Millisecond`,
        `config.LeaderLeaseTimeout = ${Math.round(et / 2)} * time.Millisecond`,
        `config.PreVoteDisabled = ${!k.preVote} // hashicorp/raft >= 1.7`,
        ...(k.checkQuorum ? [] : ['// CheckQuorum off: hashicorp/raft always checks its lease; this configuration is not reachable there']),
      ];
      return { title: 'hashicorp/raft Config', language: 'go', text: `${lines.join('\n')}\n` };
    }
    case 'paper': {
      const lines = [`// raftsim (paper profile) raft keys`, `raft: { profile: "paper", electionTimeout: { min: "${ms(k.electionTimeoutUs)}ms", max: "${2 * ms(k.electionTimeoutUs)}ms" }, heartbeatInterval: "${ms(k.heartbeatUs ?? 50_000)}ms", preVote: ${k.preVote}, checkQuorum: ${k.checkQuorum} }`];
      return { title: 'paper profile (LogCabin-style) timers', language: 'json5', text: `${lines.join('\n')}\n` };
    }
  }
}
