// A Raft node plugged into raftsim as a user module: the reference node behind
// a wrapper that spells out the whole RaftNodeApi contract (src/raft/types.ts,
// docs/plugin.md). Replace the delegation with your own implementation.
//
// raftsim imports this file and calls createNode(init) once per node start
// (boot, and every restart after a crash). It must be plain JavaScript that
// Node can import: compile TypeScript first. Outside this repository, import
// the reference node from the installed package instead:
//   import { RaftNode } from 'raftsim';
import { RaftNode } from '../../dist/raft/node.js';

/**
 * @param {import('../../src/raft/types.js').NodeInit} init
 *   id, peers, the resolved RaftConfig, an Rng (draw every random number from it),
 *   and on restart `durable`: the hard state and log that survived on disk.
 * @returns {import('../../src/raft/types.js').RaftNodeApi}
 */
export function createNode(init) {
  const inner = new RaftNode(init);
  return {
    // Read-only view: the host, the metrics and the safety checkers read these after every input.
    get id() { return inner.id; },
    get role() { return inner.role; },
    get term() { return inner.term; },
    get votedFor() { return inner.votedFor; },
    get leaderId() { return inner.leaderId; },
    get commitIndex() { return inner.commitIndex; },
    get lastIndex() { return inner.lastIndex; },
    termAt: (index) => inner.termAt(index),
    entryAt: (index) => inner.entryAt(index),
    // Inputs: each returns one Ready (persist, then send, then arm timers, then apply commits).
    start: () => inner.start(),
    step: (msg) => inner.step(msg),
    timerFired: (name) => inner.timerFired(name),
    propose: (data) => inner.propose(data),
    persisted: (index, term) => inner.persisted(index, term),
    transferLeadership: (to) => inner.transferLeadership(to),
  };
}
