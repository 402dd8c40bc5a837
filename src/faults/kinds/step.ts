// step: step the target's wall clock once (instantaneous: no duration or heal).
import { duration } from '../../format/schema-values.js';
import { formatUs } from '../../sim/time.js';
import { exactDuration } from '../../format/duration.js';
import { defineFaultKind } from '../kind.js';
import type { Target } from '../target.js';
import { whoText } from '../words.js';
import { checkTarget, targetKey } from './keys.js';

export interface StepAction { readonly kind: 'step'; readonly target: Target; readonly deltaUs: number }

export const step = defineFaultKind({
  kind: 'step',
  family: 'clock',
  summary: 'Step the target\'s wall clock once (instantaneous: no duration or heal).',
  shape: { ...targetKey, delta: duration('The step; may be negative.', { signed: true }) },
  check: (f, at) => checkTarget('target', f.target, at),
  resolve: (f): StepAction => ({ kind: 'step', target: f.target, deltaUs: f.delta }),
  apply(a, ctx) {
    const nodes = ctx.resolve(a.target);
    for (const x of nodes) ctx.host.stepClock(x, a.deltaUs);
    return { nodes, undo: () => {} }; // a step is never undone
  },
  describe: (a, resolved) => `clock step ${whoText(a.target, resolved)} by ${formatUs(a.deltaUs)}`,
  arbitrary: (t) => t.fc.record({ target: t.one, deltaUs: t.fc.integer({ min: -2_000_000, max: 2_000_000 }) }).map((r): StepAction => ({ kind: 'step', ...r })),
  fileKeys: (a) => ({ kind: a.kind, target: a.target, delta: exactDuration(a.deltaUs) }),
  instantaneous: 'a clock step',
  losesAckedWrites: false,
});
