// The timer-profile table (src/raft/profiles.ts) seen from the scenario and tune
// layers: every profile's own knobs are in the schema and refused by the other
// profiles, and the keys `raftsim tune` writes for a profile load back into the timers
// it tuned.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, PROFILE_NAMES, profileConfig, profileOf } from '../../src/raft/profiles.js';
import { RAFT_KNOB_NAMES } from '../../src/scenario/schema-raft.js';
import { raftKeys } from '../../src/tune/knobs.js';
import { load, scenarioError } from './helpers.js';

describe('timer profile table', () => {
  it('lists paper first (the default), and every profile resolves with its own rules', () => {
    expect(PROFILE_NAMES).toEqual(['paper', 'etcd', 'hashicorp']);
    expect(DEFAULT_PROFILE).toBe('paper');
    expect(load('{}').raft.profile).toBe('paper');
    for (const p of PROFILE_NAMES) expect(load(`{ raft: { profile: "${p}" } }`).raft.nodes[0]).toEqual(profileConfig(p));
  });

  it("each profile-only knob is in the schema and refused, naming its owner, by every other profile", () => {
    for (const owner of PROFILE_NAMES) {
      for (const [knob, k] of Object.entries(profileOf(owner).scenario.own)) {
        expect(RAFT_KNOB_NAMES).toContain(knob);
        const value = k.kind === 'duration' ? '"10ms"' : k.kind === 'count' ? '3' : '"1.7"';
        for (const other of PROFILE_NAMES.filter((p) => p !== owner)) {
          const e = scenarioError(() => load(`{ raft: { profile: "${other}", ${knob}: ${value} } }`));
          expect(e.keyPath).toBe(`raft.${knob}`);
          expect(e.message).toBe(`only the ${owner} profile ${profileOf(owner).scenario.ownPhrase}`);
        }
      }
    }
  });

  it("tune's keys for a profile load back into the tuned election timeout, heartbeat, PreVote and CheckQuorum", () => {
    for (const p of PROFILE_NAMES) {
      for (const [preVote, checkQuorum] of [[false, true], [true, false]]) {
        const heartbeatUs = profileOf(p).tune.heartbeatFollowsElection === undefined ? 100_000 : null;
        const k = { electionTimeoutUs: 800_000, heartbeatUs, preVote, checkQuorum };
        const c = load(JSON.stringify({ raft: { profile: p, ...raftKeys(p, k) } })).raft.nodes[0];
        expect([c.electionTimeoutMinUs, c.preVote, c.checkQuorum], p).toEqual([800_000, preVote, checkQuorum]);
        if (heartbeatUs !== null) expect(c.heartbeatMinUs, p).toBe(heartbeatUs);
        else expect(c.heartbeatMinUs, p).toBe(80_000);
      }
    }
  });
});
