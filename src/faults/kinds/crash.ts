// crash: Crash the target; heal restarts it from its disk.
import { defineFaultKind, sameKeys } from '../kind.js';
import type { Target } from '../target.js';
import { whoText } from '../words.js';
import { checkTarget, targetKey } from './keys.js';
import { onNodes } from './links.js';

export interface CrashAction { readonly kind: 'crash'; readonly target: Target }

export const crash = defineFaultKind({
  kind: 'crash',
  family: 'crash',
  summary: 'Crash the target; heal restarts it from its disk.',
  shape: targetKey,
  check: (f, at) => checkTarget('target', f.target, at),
  resolve: (f): CrashAction => ({ kind: 'crash', target: f.target }),
  apply: (a, ctx) => onNodes(ctx.resolve(a.target), (x) => ctx.crash(x, false), (x) => ctx.restart(x)),
  describe: (a, resolved) => `crash ${whoText(a.target, resolved)}`,
  arbitrary: (t) => t.one.map((target): CrashAction => ({ kind: 'crash', target })),
  fileKeys: sameKeys,
  instantaneous: null,
  losesAckedWrites: false,
});
