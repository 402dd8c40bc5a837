// pause: Pause the target's CPU (a GC pause or VM stall); heal resumes it and the backlog runs.
import { defineFaultKind, sameKeys } from '../kind.js';
import type { Target } from '../target.js';
import { whoText } from '../words.js';
import { checkTarget, targetKey } from './keys.js';
import { onNodes } from './links.js';

export interface PauseAction { readonly kind: 'pause'; readonly target: Target }

export const pause = defineFaultKind({
  kind: 'pause',
  family: 'cpu',
  summary: 'Pause the target\'s CPU (a GC pause or VM stall); heal resumes it and the backlog runs.',
  shape: targetKey,
  check: (f, at) => checkTarget('target', f.target, at),
  resolve: (f): PauseAction => ({ kind: 'pause', target: f.target }),
  apply: (a, ctx) => onNodes(ctx.resolve(a.target), (x) => ctx.pause(x), (x) => ctx.resume(x)),
  describe: (a, resolved) => `pause ${whoText(a.target, resolved)}`,
  arbitrary: (t) => t.one.map((target): PauseAction => ({ kind: 'pause', target })),
  fileKeys: sameKeys,
  instantaneous: null,
  losesAckedWrites: false,
});
