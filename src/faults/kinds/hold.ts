// hold: buffer messages from `from` to `to`; release them on heal.
import { defineFaultKind, sameKeys } from '../kind.js';
import type { Target } from '../target.js';
import { targetText } from '../words.js';
import { checkFromTo, fromToKeys } from './keys.js';
import { onDirectedLinks } from './links.js';

export interface HoldAction { readonly kind: 'hold'; readonly from: Target; readonly to: Target }

export const hold = defineFaultKind({
  kind: 'hold',
  family: 'network',
  summary: 'Buffer messages from `from` to `to`; release them on heal.',
  shape: fromToKeys,
  check: checkFromTo,
  resolve: (f): HoldAction => ({ kind: 'hold', from: f.from, to: f.to }),
  apply: (a, ctx) => onDirectedLinks(ctx, a, (x, y) => ctx.hold(x, y), (x, y) => ctx.release(x, y)),
  describe: (a) => `hold ${targetText(a.from)} → ${targetText(a.to)}`,
  arbitrary: (t) => t.fc.record({ from: t.group, to: t.group }).map((r): HoldAction => ({ kind: 'hold', ...r })),
  fileKeys: sameKeys,
  instantaneous: null,
  losesAckedWrites: false,
});
