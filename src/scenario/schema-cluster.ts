// The `cluster` section: size, zones, boot spread, and `initial`, a cluster that
// starts established (a leader in office, logs already written) instead of
// electing its first leader. Checks that span keys (node ids < n, behind ≤
// entries, commit on a majority…) are in checks-cluster.ts; the defaults and the
// logs themselves in resolve-initial.ts.
import * as z from 'zod';
import { LIMITS } from '../format/limits.js';
import { duration, nodeId, nodeList } from '../format/schema-values.js';

const count = (description: string, min = 0) => z.number().int().min(min).max(LIMITS.initialEntries).describe(description);

const initialSchema = z
  .strictObject({
    leader: nodeId.describe('The node in office at the start (default 0).').optional(),
    term: z
      .number()
      .int()
      .min(1)
      .max(LIMITS.initialTerm)
      .describe(`The leader's term (default 2); every node starts in it, having voted for the leader. 1..${LIMITS.initialTerm.toExponential(0)}.`)
      .optional(),
    entries: count(`Entries in the leader's log (default 100), 1..${LIMITS.initialEntries}; every node not listed in \`behind\` or \`diverged\` holds the same.`, 1).optional(),
    termStart: z
      .number()
      .int()
      .min(1)
      .max(LIMITS.initialEntries)
      .describe(
        "Index of the leader's first entry of its own term, its no-op; entries before it are from term 1. Default: the first index some node lacks or holds differently (a diverged node differs from its last entry on, unless termStart says more), at most `entries`.",
      )
      .optional(),
    behind: z
      .record(z.string(), count('How many of the leader\'s last entries the node lacks.'))
      .describe('Nodes that lag: node id → how many entries behind the leader it is, e.g. { "3": 2, "4": 2 }. Such a node holds a prefix of the leader\'s log.')
      .optional(),
    diverged: z
      .record(
        z.string(),
        z.strictObject({
          entries: count('Length of the node\'s log.', 1),
          lastTerm: z.number().int().min(1).max(LIMITS.initialTerm).describe('Term of its own entries, older than the leader\'s (default term − 1).').optional(),
        }),
      )
      .describe(
        "Nodes whose log took another branch, as an old leader's uncommitted writes do: node id → { entries, lastTerm }. The node holds the leader's entries before termStart, then entries of term lastTerm up to `entries`, which the leader will overwrite.",
      )
      .optional(),
    commit: z
      .number()
      .int()
      .min(0)
      .max(LIMITS.initialEntries)
      .describe(
        "Every node starts knowing entries up to here committed (up to its own log's end). Default and maximum: the highest index a majority holds, and with diverged nodes not past termStart − 1 (a node learns the commit index only for entries it shares with the leader).",
      )
      .optional(),
  })
  .describe(
    'Start from an established cluster instead of an election: node logs written and a leader in office at t = 0, e.g. { leader: 0, term: 2, entries: 100, behind: { "3": 2, "4": 2 } }. ' +
      'Initial entries carry negative data (a no-op is 0; client writes are positive). Nothing else changes: faults, timers and measuring run as usual, and restarted nodes boot from disk.',
  );

export const clusterSchema = z
  .strictObject({
    nodes: z.number().int().min(1).max(LIMITS.nodes).describe(`Cluster size, 1..${LIMITS.nodes} (default 5). Nodes are numbered 0 .. nodes−1.`).optional(),
    zones: z
      .record(z.string().min(1).max(LIMITS.zoneNameChars), nodeList)
      .describe(`Zone name (1..${LIMITS.zoneNameChars} characters, without "->") → node ids; every node in exactly one zone (default: no zones).`)
      .optional(),
    bootSpread: duration(
      'Nodes start at independent uniform times within this window, as real processes do. Default: one tick for tick-driven (etcd) timers, 0 otherwise; with identical fixed timeouts and a simultaneous start, no first election ever succeeds.',
    ).optional(),
    initial: initialSchema.optional(),
  })
  .describe('The cluster: its size, optionally its zones, and optionally the state it starts from.');

export type ClusterInput = z.output<typeof clusterSchema>;
export type InitialInput = NonNullable<ClusterInput['initial']>;
