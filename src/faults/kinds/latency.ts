// latency: add latency to messages from `from` to `to`.
import { duration } from '../../format/schema-values.js';
import { formatUs } from '../../sim/time.js';
import { exactDuration } from '../../format/duration.js';
import { defineFaultKind } from '../kind.js';
import type { Target } from '../target.js';
import { targetText } from '../words.js';
import { checkFromTo, fromToKeys } from './keys.js';
import { onDirectedLinks } from './links.js';

export interface LatencyAction { readonly kind: 'latency'; readonly from: Target; readonly to: Target; readonly extraUs: number }

export const latency = defineFaultKind({
  kind: 'latency',
  family: 'network',
  summary: 'Add latency to messages from `from` to `to`.',
  shape: { ...fromToKeys, extra: duration('Extra one-way latency.') },
  check: checkFromTo,
  resolve: (f): LatencyAction => ({ kind: 'latency', from: f.from, to: f.to, extraUs: f.extra }),
  apply: (a, ctx) => onDirectedLinks(ctx, a, (x, y) => ctx.host.network.setExtraLatency(x, y, a.extraUs), (x, y) => ctx.host.network.setExtraLatency(x, y, 0)),
  describe: (a) => `latency +${formatUs(a.extraUs)} ${targetText(a.from)} → ${targetText(a.to)}`,
  arbitrary: (t) =>
    t.fc.record({ from: t.group, to: t.group, extraUs: t.fc.integer({ min: 1_000, max: 500_000 }) }).map((r): LatencyAction => ({ kind: 'latency', ...r })),
  fileKeys: (a) => ({ kind: a.kind, from: a.from, to: a.to, extra: exactDuration(a.extraUs) }),
  instantaneous: null,
  losesAckedWrites: false,
});
