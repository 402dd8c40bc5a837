// loss: drop messages from `from` to `to` with a probability.
import { probability } from '../../format/schema-values.js';
import { defineFaultKind, sameKeys } from '../kind.js';
import type { Target } from '../target.js';
import { targetText } from '../words.js';
import { checkFromTo, fromToKeys } from './keys.js';
import { onDirectedLinks } from './links.js';

export interface LossAction { readonly kind: 'loss'; readonly from: Target; readonly to: Target; readonly probability: number }

export const loss = defineFaultKind({
  kind: 'loss',
  family: 'network',
  summary: 'Drop messages from `from` to `to` with a probability.',
  shape: { ...fromToKeys, probability: probability('Drop probability.') },
  check: checkFromTo,
  resolve: (f): LossAction => ({ kind: 'loss', from: f.from, to: f.to, probability: f.probability }),
  apply: (a, ctx) => onDirectedLinks(ctx, a, (x, y) => ctx.host.network.setLoss(x, y, a.probability), (x, y) => ctx.host.network.resetLoss(x, y)),
  describe: (a) => `loss ${(a.probability * 100).toFixed(1)}% ${targetText(a.from)} → ${targetText(a.to)}`,
  arbitrary: (t) =>
    t.fc.record({ from: t.group, to: t.group, probability: t.fc.double({ min: 0.05, max: 1, noNaN: true }) }).map((r): LossAction => ({ kind: 'loss', ...r })),
  fileKeys: sameKeys,
  instantaneous: null,
  losesAckedWrites: false,
});
