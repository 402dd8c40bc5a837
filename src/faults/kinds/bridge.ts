// bridge: the two sides cannot talk to each other; the bridge node talks to both.
import * as z from 'zod';
import { checkNodeIds } from '../../format/node-ids.js';
import { nodeId, nodeList } from '../../format/schema-values.js';
import type { NodeId } from '../../raft/types.js';
import { defineFaultKind, sameKeys } from '../kind.js';
import { cutBoth, cutLinks, type Link } from './links.js';

export interface BridgeAction { readonly kind: 'bridge'; readonly bridge: NodeId; readonly sides: readonly [readonly NodeId[], readonly NodeId[]] }

export const bridge = defineFaultKind({
  kind: 'bridge',
  family: 'network',
  summary: 'The two sides cannot talk to each other; the bridge node talks to both.',
  shape: {
    bridge: nodeId,
    sides: z.tuple([nodeList, nodeList]).describe('The two sides: disjoint node lists, without the bridge.'),
  },
  check(f, at) {
    const { path, n, report } = at;
    if (f.bridge >= n) report({ path: [...path, 'bridge'], message: `node ${f.bridge} does not exist: the cluster has ${n} nodes` });
    const [a, b] = f.sides;
    checkNodeIds(a, [...path, 'sides', 0], n, report);
    checkNodeIds(b, [...path, 'sides', 1], n, report);
    f.sides.forEach((side, si) =>
      side.forEach((id, k) => {
        if (id === f.bridge) report({ path: [...path, 'sides', si, k], message: `the bridge node ${id} must not be on a side` });
        else if (si === 1 && a.includes(id)) report({ path: [...path, 'sides', 1, k], message: `node ${id} is on both sides` });
      }),
    );
  },
  resolve: (f): BridgeAction => ({ kind: 'bridge', bridge: f.bridge, sides: f.sides }),
  apply(a, ctx) {
    const links: Link[] = [];
    for (const x of a.sides[0]) for (const y of a.sides[1]) if (x !== a.bridge && y !== a.bridge) cutBoth(ctx, x, y, links);
    return cutLinks(ctx, [a.bridge, ...a.sides[0], ...a.sides[1]], links);
  },
  describe: (a) => `bridge n${a.bridge} between {${a.sides[0].join(',')}} and {${a.sides[1].join(',')}}`,
  arbitrary: (t) =>
    t.fc.integer({ min: 0, max: t.n - 1 }).map((b): BridgeAction => ({ kind: 'bridge', bridge: b, sides: [t.ids.filter((x) => x < b), t.ids.filter((x) => x > b)] as const })),
  fileKeys: sameKeys,
  instantaneous: null,
  losesAckedWrites: false,
});
