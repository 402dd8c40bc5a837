// partition: split the cluster into groups; nodes not listed form one more group.
import * as z from 'zod';
import { LIMITS } from '../../format/limits.js';
import { checkNodeIds } from '../../format/node-ids.js';
import { nodeList } from '../../format/schema-values.js';
import type { NodeId } from '../../raft/types.js';
import { defineFaultKind, sameKeys } from '../kind.js';
import { cutBoth, cutLinks, type Link } from './links.js';

export interface PartitionAction { readonly kind: 'partition'; readonly groups: readonly (readonly NodeId[])[] }

export const partition = defineFaultKind({
  kind: 'partition',
  family: 'network',
  summary: 'Split the cluster into groups; nodes not listed form one more group.',
  shape: { groups: z.array(nodeList).min(1).max(LIMITS.nodes).describe('Disjoint groups of node ids.') },
  check(f, at) {
    const seen = new Map<number, number>();
    f.groups.forEach((g, gi) => {
      checkNodeIds(g, [...at.path, 'groups', gi], at.n, at.report);
      g.forEach((id, k) => {
        const other = seen.get(id);
        if (other !== undefined && other !== gi) at.report({ path: [...at.path, 'groups', gi, k], message: `node ${id} is also in group ${other}; groups must not overlap` });
        seen.set(id, gi);
      });
    });
  },
  resolve: (f): PartitionAction => ({ kind: 'partition', groups: f.groups }),
  apply(a, ctx) {
    const group = new Array(ctx.n).fill(-1);
    a.groups.forEach((g, gi) => g.forEach((x) => (group[x] = gi)));
    const links: Link[] = [];
    for (let x = 0; x < ctx.n; x++) for (let y = x + 1; y < ctx.n; y++) if (group[x] !== group[y]) cutBoth(ctx, x, y, links);
    return cutLinks(ctx, a.groups.flat(), links);
  },
  describe: (a) => `partition ${a.groups.map((g) => `{${g.join(',')}}`).join(' | ')}`,
  arbitrary: (t) =>
    t.fc.array(t.fc.integer({ min: 0, max: 2 }), { minLength: t.n, maxLength: t.n }).map((g): PartitionAction => ({ kind: 'partition', groups: toGroups(g) })),
  fileKeys: sameKeys,
  instantaneous: null,
  losesAckedWrites: false,
});

function toGroups(assignment: readonly number[]): NodeId[][] {
  const groups: NodeId[][] = [[], [], []];
  assignment.forEach((g, node) => groups[g].push(node));
  return groups.filter((g) => g.length > 0);
}
