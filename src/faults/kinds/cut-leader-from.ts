// cut-leader-from: cut both ways between the current leader and the target only (a partial partition).
import { defineFaultKind, sameKeys } from '../kind.js';
import type { Target } from '../target.js';
import { nodesText, targetText } from '../words.js';
import { checkTarget, targetKey } from './keys.js';
import { cutBoth, cutLinks, type Link } from './links.js';

export interface CutLeaderFromAction { readonly kind: 'cut-leader-from'; readonly target: Target }

export const cutLeaderFrom = defineFaultKind({
  kind: 'cut-leader-from',
  family: 'network',
  summary: 'Cut both ways between the current leader and the target only (a partial partition).',
  shape: targetKey,
  check: (f, at) => checkTarget('target', f.target, at),
  resolve: (f): CutLeaderFromAction => ({ kind: 'cut-leader-from', target: f.target }),
  apply(a, ctx) {
    const leader = ctx.host.currentLeader();
    if (leader === null) return { nodes: [], undo: () => {} };
    const others = ctx.resolve(a.target).filter((x) => x !== leader);
    const links: Link[] = [];
    for (const y of others) cutBoth(ctx, leader, y, links);
    return cutLinks(ctx, [leader, ...others], links);
  },
  // Resolved: [the leader, the target].
  describe: (a, resolved) =>
    resolved.length === 2 ? `cut leader n${resolved[0]} ↔ n${resolved[1]}` : `cut leader ↔ ${resolved.length > 0 ? nodesText(resolved) : targetText(a.target)}`,
  arbitrary: (t) => t.group.map((target): CutLeaderFromAction => ({ kind: 'cut-leader-from', target })),
  fileKeys: sameKeys,
  instantaneous: null,
  losesAckedWrites: false,
});
