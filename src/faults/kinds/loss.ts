// loss: drop messages from `from` to `to` with a probability.
import fc from 'fast-check';
import { probability } from '../../format/schema-values.js';
import { defineFaultKind, sameKeys } from '../kind.js';
import type { Target } from '../target.js';
import { targetText } from '../words.js';
import { checkTarget, fromToKeys } from './keys.js';
import type { Link } from './links.js';

export interface LossAction { readonly kind: 'loss'; readonly from: Target; readonly to: Target; readonly probability: number }

export const loss = defineFaultKind({
  kind: 'loss',
  family: 'network',
  summary: 'Drop messages from `from` to `to` with a probability.',
  shape: { ...fromToKeys, probability: probability('Drop probability.') },
  check(f, at) {
    checkTarget('from', f.from, at);
    checkTarget('to', f.to, at);
  },
  resolve: (f): LossAction => ({ kind: 'loss', from: f.from, to: f.to, probability: f.probability }),
  apply(a, ctx) {
    const from = ctx.resolve(a.from);
    const to = ctx.resolve(a.to);
    const links: Link[] = [];
    for (const x of from) for (const y of to) if (x !== y) { links.push([x, y]); ctx.host.network.setLoss(x, y, a.probability); }
    return { nodes: [...from, ...to], undo: () => { for (const [x, y] of links) ctx.host.network.resetLoss(x, y); } };
  },
  describe: (a) => `loss ${(a.probability * 100).toFixed(1)}% ${targetText(a.from)} → ${targetText(a.to)}`,
  arbitrary: (t) =>
    fc.record({ from: t.group, to: t.group, probability: fc.double({ min: 0.05, max: 1, noNaN: true }) }).map((r): LossAction => ({ kind: 'loss', ...r })),
  fileKeys: sameKeys,
  instantaneous: null,
  losesAckedWrites: false,
});
