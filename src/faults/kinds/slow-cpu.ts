// slow-cpu: give the target only a share of its CPU.
import * as z from 'zod';
import { defineFaultKind, sameKeys } from '../kind.js';
import type { Target } from '../target.js';
import { whoText } from '../words.js';
import { checkTarget, targetKey } from './keys.js';
import { onNodes } from './links.js';

export interface SlowCpuAction { readonly kind: 'slow-cpu'; readonly target: Target; readonly share: number }

export const slowCpu = defineFaultKind({
  kind: 'slow-cpu',
  family: 'cpu',
  summary: 'Give the target only a share of its CPU.',
  shape: { ...targetKey, share: z.number().gt(0).max(1).describe('CPU share in (0, 1].') },
  check: (f, at) => checkTarget('target', f.target, at),
  resolve: (f): SlowCpuAction => ({ kind: 'slow-cpu', target: f.target, share: f.share }),
  apply: (a, ctx) => onNodes(ctx.resolve(a.target), (x) => ctx.host.cpus[x].setShare(a.share), (x) => ctx.host.cpus[x].setShare(1)),
  describe: (a, resolved) => `CPU ${whoText(a.target, resolved)} at ${(a.share * 100).toFixed(0)}%`,
  arbitrary: (t) => t.fc.record({ target: t.one, share: t.fc.double({ min: 0.02, max: 1, noNaN: true }) }).map((r): SlowCpuAction => ({ kind: 'slow-cpu', ...r })),
  fileKeys: sameKeys,
  instantaneous: null,
  losesAckedWrites: false,
});
