// drift: make the target's clock run fast or slow (healed back to 0 ppm).
import * as z from 'zod';
import { LIMITS } from '../../format/limits.js';
import { defineFaultKind, sameKeys } from '../kind.js';
import type { Target } from '../target.js';
import { whoText } from '../words.js';
import { checkTarget, targetKey } from './keys.js';
import { onNodes } from './links.js';

export interface DriftAction { readonly kind: 'drift'; readonly target: Target; readonly ppm: number }

export const drift = defineFaultKind({
  kind: 'drift',
  family: 'clock',
  summary: 'Make the target\'s clock run fast or slow (healed back to 0 ppm).',
  shape: { ...targetKey, ppm: z.number().gt(-LIMITS.driftPpm).lt(LIMITS.driftPpm).describe('Drift in parts per million, |ppm| < 1e6.') },
  check: (f, at) => checkTarget('target', f.target, at),
  resolve: (f): DriftAction => ({ kind: 'drift', target: f.target, ppm: f.ppm }),
  apply: (a, ctx) => onNodes(ctx.resolve(a.target), (x) => ctx.host.setClockDrift(x, a.ppm), (x) => ctx.host.setClockDrift(x, 0)),
  describe: (a, resolved) => `drift ${whoText(a.target, resolved)} ${a.ppm} ppm`,
  arbitrary: (t) => t.fc.record({ target: t.one, ppm: t.fc.integer({ min: -100_000, max: 100_000 }) }).map((r): DriftAction => ({ kind: 'drift', ...r })),
  fileKeys: sameKeys,
  instantaneous: null,
  losesAckedWrites: false,
});
