// wipe: Crash the target and lose its state; heal restarts it empty.
import { defineFaultKind, sameKeys } from '../kind.js';
import type { Target } from '../target.js';
import { whoText } from '../words.js';
import { checkTarget, targetKey } from './keys.js';
import { onNodes } from './links.js';

export interface WipeAction { readonly kind: 'wipe'; readonly target: Target }

export const wipe = defineFaultKind({
  kind: 'wipe',
  family: 'crash',
  summary: 'Crash the target and lose its state; heal restarts it empty.',
  shape: targetKey,
  check: (f, at) => checkTarget('target', f.target, at),
  resolve: (f): WipeAction => ({ kind: 'wipe', target: f.target }),
  apply: (a, ctx) => onNodes(ctx.resolve(a.target), (x) => ctx.crash(x, true), (x) => ctx.restart(x)),
  describe: (a, resolved) => `crash+wipe ${whoText(a.target, resolved)}`,
  arbitrary: (t) => t.one.map((target): WipeAction => ({ kind: 'wipe', target })),
  fileKeys: sameKeys,
  instantaneous: null,
  losesAckedWrites: true,
});
