// disk-stall: Stall the target's disk: no write completes until heal.
import { defineFaultKind, sameKeys } from '../kind.js';
import type { Target } from '../target.js';
import { whoText } from '../words.js';
import { checkTarget, targetKey } from './keys.js';
import { onNodes } from './links.js';

export interface DiskStallAction { readonly kind: 'disk-stall'; readonly target: Target }

export const diskStall = defineFaultKind({
  kind: 'disk-stall',
  family: 'disk',
  summary: 'Stall the target\'s disk: no write completes until heal.',
  shape: targetKey,
  check: (f, at) => checkTarget('target', f.target, at),
  resolve: (f): DiskStallAction => ({ kind: 'disk-stall', target: f.target }),
  apply: (a, ctx) => onNodes(ctx.resolve(a.target), (x) => ctx.stall(x), (x) => ctx.unstall(x)),
  describe: (a, resolved) => `disk stall ${whoText(a.target, resolved)}`,
  arbitrary: (t) => t.one.map((target): DiskStallAction => ({ kind: 'disk-stall', target })),
  fileKeys: sameKeys,
  instantaneous: null,
  losesAckedWrites: false,
});
