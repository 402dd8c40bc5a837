// slow-disk: slow the target's disk by a factor.
import * as z from 'zod';
import { LIMITS } from '../../format/limits.js';
import { defineFaultKind, sameKeys } from '../kind.js';
import type { Target } from '../target.js';
import { whoText } from '../words.js';
import { checkTarget, targetKey } from './keys.js';
import { onNodes } from './links.js';

export interface SlowDiskAction { readonly kind: 'slow-disk'; readonly target: Target; readonly factor: number }

export const slowDisk = defineFaultKind({
  kind: 'slow-disk',
  family: 'disk',
  summary: 'Slow the target\'s disk by a factor.',
  shape: { ...targetKey, factor: z.number().min(1).max(LIMITS.scale).describe(`Slow-down factor, 1..${LIMITS.scale}.`) },
  check: (f, at) => checkTarget('target', f.target, at),
  resolve: (f): SlowDiskAction => ({ kind: 'slow-disk', target: f.target, factor: f.factor }),
  apply: (a, ctx) => onNodes(ctx.resolve(a.target), (x) => ctx.host.disks[x].setSlowFactor(a.factor), (x) => ctx.host.disks[x].setSlowFactor(1)),
  describe: (a, resolved) => `slow disk ${whoText(a.target, resolved)} ×${a.factor}`,
  arbitrary: (t) => t.fc.record({ target: t.one, factor: t.fc.integer({ min: 2, max: 100 }) }).map((r): SlowDiskAction => ({ kind: 'slow-disk', ...r })),
  fileKeys: sameKeys,
  instantaneous: null,
  losesAckedWrites: false,
});
