// skew: set the target's wall-clock offset (healed back to 0).
import { duration } from '../../format/schema-values.js';
import { formatUs } from '../../sim/time.js';
import { exactDuration } from '../../format/duration.js';
import { defineFaultKind } from '../kind.js';
import type { Target } from '../target.js';
import { whoText } from '../words.js';
import { checkTarget, targetKey } from './keys.js';
import { onNodes } from './links.js';

export interface SkewAction { readonly kind: 'skew'; readonly target: Target; readonly offsetUs: number }

export const skew = defineFaultKind({
  kind: 'skew',
  family: 'clock',
  summary: 'Set the wall-clock offset of the target (healed back to 0).',
  shape: { ...targetKey, offset: duration('The offset; may be negative.', { signed: true }) },
  check: (f, at) => checkTarget('target', f.target, at),
  resolve: (f): SkewAction => ({ kind: 'skew', target: f.target, offsetUs: f.offset }),
  apply: (a, ctx) => onNodes(ctx.resolve(a.target), (x) => ctx.host.setClockOffset(x, a.offsetUs), (x) => ctx.host.setClockOffset(x, 0)),
  describe: (a, resolved) => `skew ${whoText(a.target, resolved)} by ${formatUs(a.offsetUs)}`,
  arbitrary: (t) => t.fc.record({ target: t.one, offsetUs: t.fc.integer({ min: -2_000_000, max: 2_000_000 }) }).map((r): SkewAction => ({ kind: 'skew', ...r })),
  fileKeys: (a) => ({ kind: a.kind, target: a.target, offset: exactDuration(a.offsetUs) }),
  instantaneous: null,
  losesAckedWrites: false,
});
