// The recommended configuration, ready to paste: for the profile's own
// implementation (etcd flags and config-file keys, hashicorp/raft Config fields, …;
// each profile's `tune.snippet` in src/raft/profiles/<name>.ts), and a raftsim
// scenario that reproduces the failover measurement.
import { printJson5 } from '../scenario/json5-print.js';
import { profileOf, type ProfileName } from '../raft/profiles.js';
import type { PlainObject } from '../format/values.js';
import type { Knobs } from './types.js';

export interface Snippets {
  /** For the profile's implementation: etcd flags/YAML, hashicorp Go, or the paper profile's raftsim keys. */
  readonly implementation: { readonly title: string; readonly language: string; readonly text: string };
  /** A raftsim scenario (JSON5) that measures this configuration's failover. */
  readonly scenario: string;
}

export function snippets(profile: ProfileName, k: Knobs, scenario: PlainObject): Snippets {
  return { implementation: profileOf(profile).tune.snippet(k), scenario: `${printJson5(scenario)}\n` };
}
