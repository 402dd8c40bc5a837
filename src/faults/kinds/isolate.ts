// isolate: cut the target off from everyone else, both ways.
import { defineFaultKind, sameKeys } from '../kind.js';
import type { Target } from '../target.js';
import { whoText } from '../words.js';
import { checkTarget, targetKey } from './keys.js';
import { cutBoth, cutLinks, type Link } from './links.js';

export interface IsolateAction { readonly kind: 'isolate'; readonly target: Target }

export const isolate = defineFaultKind({
  kind: 'isolate',
  family: 'network',
  summary: 'Cut the target off from everyone else, both ways.',
  shape: targetKey,
  check: (f, at) => checkTarget('target', f.target, at),
  resolve: (f): IsolateAction => ({ kind: 'isolate', target: f.target }),
  apply(a, ctx) {
    const nodes = ctx.resolve(a.target);
    const set = new Set(nodes);
    const links: Link[] = [];
    for (const x of nodes) for (let y = 0; y < ctx.n; y++) if (!set.has(y)) cutBoth(ctx, x, y, links);
    return cutLinks(ctx, nodes, links);
  },
  describe: (a, resolved) => `isolate ${whoText(a.target, resolved)}`,
  arbitrary: (t) => t.group.map((target): IsolateAction => ({ kind: 'isolate', target })),
  fileKeys: sameKeys,
  instantaneous: null,
  losesAckedWrites: false,
});
