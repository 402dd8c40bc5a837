// ring: each node reaches only its two ring neighbours (a "majorities ring" for n = 5).
import { range } from 'd3-array';
import { defineFaultKind, sameKeys } from '../kind.js';
import { cutBoth, cutLinks, type Link } from './links.js';

export interface RingAction { readonly kind: 'ring' }

export const ring = defineFaultKind({
  kind: 'ring',
  family: 'network',
  summary: 'Each node reaches only its two ring neighbours.',
  shape: {},
  check: () => {},
  resolve: (): RingAction => ({ kind: 'ring' }),
  apply(_a, ctx) {
    const n = ctx.n;
    const links: Link[] = [];
    for (let x = 0; x < n; x++) {
      for (let y = x + 1; y < n; y++) {
        const d = Math.min(y - x, n - (y - x));
        if (d > 1) cutBoth(ctx, x, y, links);
      }
    }
    return cutLinks(ctx, range(n), links);
  },
  describe: () => 'majorities ring',
  arbitrary: (t) => t.fc.constant<RingAction>({ kind: 'ring' }),
  fileKeys: sameKeys,
  instantaneous: null,
  losesAckedWrites: false,
});
