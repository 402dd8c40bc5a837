// The Figure 8 (c) setup, shared by the Figure 8 tests and the bug-zoo tests.

import type { BugName, Message } from '../../src/raft/types.js';
import { Cluster } from './harness.js';

export const S4 = 3;
export const S5 = 4;
export const awayFromS4 = (m: Message) => m.to !== S4 && m.from !== S4;
const carriesTerm4 = (m: Message) => m.type === 'AppendEntries' && m.entries.some((e) => e.term === 4);

/** Figure 8 (c): returns the cluster with S1 leading term 4 and (2, t2) on S1, S2, S3. */
export function figure8c(bug: BugName | null = null): Cluster {
  const c = new Cluster({
    n: 5,
    config: { maxEntriesPerMsg: 1, bug, voteLease: 'never' }, // §5.4 in isolation (Figure 2)
    durable: [
      { term: 3, log: [1, 2] },
      { term: 3, log: [1, 2] },
      { term: 3, votedFor: S5, log: [1] },
      { term: 3, votedFor: S5, log: [1] },
      { term: 3, votedFor: S5, log: [1, 3] },
    ],
  });
  c.crash(S5);
  c.timeout(0);
  c.drain((m) => m.type === 'RequestVote' || m.type === 'RequestVoteResponse');
  c.drop((m) => m.type === 'AppendEntries'); // the first probes carry the no-op (3, t4)
  c.heartbeat(0, false); // empty probes at prev=2: S2 matches, S3 asks for index 2
  c.drain((m) => awayFromS4(m) && !carriesTerm4(m));
  return c;
}
