// Whom a fault hits. Symbolic targets are resolved when the fault starts, with
// the `faults` stream (src/faults/injector.ts).
import type { NodeId } from '../raft/types.js';

export type Target =
  | readonly NodeId[]
  | 'leader' // the current leader (no-op when there is none)
  | 'follower' // one node that is up and not the leader, chosen at random
  | 'random' // any one node, chosen at random
  | 'minority' // a random set of ⌊(n−1)/2⌋ nodes that includes the leader when there is one
  | 'majority' // the complement of a minority
  | 'all';
