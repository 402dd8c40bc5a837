// cut: one-way; messages from `from` to `to` are dropped.
import { defineFaultKind, sameKeys } from '../kind.js';
import type { Target } from '../target.js';
import { targetText } from '../words.js';
import { checkFromTo, fromToKeys } from './keys.js';
import { onDirectedLinks } from './links.js';

export interface CutAction { readonly kind: 'cut'; readonly from: Target; readonly to: Target }

export const cut = defineFaultKind({
  kind: 'cut',
  family: 'network',
  summary: 'One-way cut: messages from `from` to `to` are dropped.',
  shape: fromToKeys,
  check: checkFromTo,
  resolve: (f): CutAction => ({ kind: 'cut', from: f.from, to: f.to }),
  apply: (a, ctx) => onDirectedLinks(ctx, a, (x, y) => ctx.cut(x, y), (x, y) => ctx.heal(x, y)),
  describe: (a) => `cut ${targetText(a.from)} → ${targetText(a.to)}`,
  arbitrary: (t) => t.fc.record({ from: t.group, to: t.group }).map((r): CutAction => ({ kind: 'cut', ...r })),
  fileKeys: sameKeys,
  instantaneous: null,
  losesAckedWrites: false,
});
