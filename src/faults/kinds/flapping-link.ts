// flapping-link: a link that goes down and up repeatedly while the fault lasts,
// e.g. a follower's link to the leader flapping 300 ms down / 700 ms up. Both
// directions between every node of `between[0]` and every node of `between[1]`
// (targets resolved once, when the fault starts) are cut for `down`, healed for
// `up`, and so on, starting down; each phase is lengthened by a uniform extra in
// [0, jitter) drawn from the `faults` stream. While down, messages are dropped
// exactly as under `cut` (the same reference-counted link cut); the heal at the
// end of the fault leaves the link up.
import * as z from 'zod';
import { exactDuration, formatDuration } from '../../format/duration.js';
import { LIMITS } from '../../format/limits.js';
import { duration, targetSchema } from '../../format/schema-values.js';
import { formatUs } from '../../sim/time.js';
import { defineFaultKind } from '../kind.js';
import type { Target } from '../target.js';
import { nodesText, targetText } from '../words.js';
import { checkTarget } from './keys.js';
import { cutBoth, type Link } from './links.js';

export interface FlappingLinkAction {
  readonly kind: 'flapping-link';
  readonly between: readonly [Target, Target];
  readonly downUs: number;
  readonly upUs: number;
  /** Each phase lasts its length plus a uniform extra in [0, jitterUs). */
  readonly jitterUs: number;
}

export const flappingLink = defineFaultKind({
  kind: 'flapping-link',
  family: 'network',
  summary: 'A link that goes down for `down` and up for `up`, again and again, while the fault lasts (both ways between the two ends); starts down.',
  shape: {
    between: z
      .tuple([targetSchema, targetSchema])
      .describe('The two ends of the link, e.g. ["leader", "follower"] or [[0], [1, 2]]: every node of one end to every node of the other, both ways.'),
    down: duration('How long the link stays down each time (at least 1ms).', { positive: true }),
    up: duration('How long the link stays up in between (at least 1ms).', { positive: true }),
    jitter: duration('Lengthen each phase by a uniform random extra in [0, jitter) from the `faults` stream (default 0).').optional(),
  },
  check(f, at) {
    checkTarget(0, f.between[0], at, ['between']);
    checkTarget(1, f.between[1], at, ['between']);
    if (selfLink(f.between)) {
      const a = f.between[0] as readonly number[];
      at.report({ path: [...at.path, 'between'], message: `both ends are node ${a[0]}; a link needs two different nodes` });
    }
    for (const key of ['down', 'up'] as const) {
      if (f[key] < LIMITS.periodUsMin) at.report({ path: [...at.path, key], message: `${key} ${formatDuration(f[key])} is shorter than the 1ms minimum` });
    }
    const flaps = (2 * at.spanUs) / (f.down + f.up);
    if (flaps > LIMITS.occurrences) {
      at.report({ path: [...at.path, 'down'], message: `about ${Math.round(flaps)} link changes per occurrence, over the cap of ${LIMITS.occurrences}; lengthen down and up, or set a shorter duration` });
    }
  },
  resolve: (f): FlappingLinkAction => ({ kind: 'flapping-link', between: f.between, downUs: f.down, upUs: f.up, jitterUs: f.jitter ?? 0 }),
  apply(a, ctx) {
    const from = ctx.resolve(a.between[0]);
    const to = ctx.resolve(a.between[1]);
    const links: Link[] = [];
    const seen = new Set<number>();
    for (const x of from) {
      for (const y of to) {
        const key = Math.min(x, y) * ctx.n + Math.max(x, y);
        if (x === y || seen.has(key)) continue;
        seen.add(key);
        cutBoth(ctx, x, y, links); // starts down
      }
    }
    let down = true;
    const phase = (us: number) => us + (a.jitterUs > 0 ? Math.floor(ctx.rng.next() * a.jitterUs) : 0);
    const flip = (): void => {
      down = !down;
      for (const [x, y] of links) (down ? ctx.cut(x, y) : ctx.heal(x, y));
      cancel = ctx.after(phase(down ? a.downUs : a.upUs), flip);
    };
    let cancel = links.length > 0 ? ctx.after(phase(a.downUs), flip) : () => {};
    return {
      nodes: [...new Set([...from, ...to])].sort((x, y) => x - y),
      undo: () => {
        cancel();
        if (down) for (const [x, y] of links) ctx.heal(x, y);
      },
    };
  },
  describe(a, resolved) {
    const ends = `${targetText(a.between[0])} ↔ ${targetText(a.between[1])}`;
    const jitter = a.jitterUs > 0 ? ` (+0–${formatUs(a.jitterUs)})` : '';
    return `flapping link ${resolved.length > 0 ? `${nodesText(resolved)} (${ends})` : ends}: ${formatUs(a.downUs)} down / ${formatUs(a.upUs)} up${jitter}`;
  },
  arbitrary: (t) =>
    t.fc
      .record({
        between: t.fc.tuple(t.one, t.group).filter((b) => !selfLink(b)),
        downUs: t.fc.integer({ min: 1_000, max: 2_000_000 }),
        upUs: t.fc.integer({ min: 1_000, max: 2_000_000 }),
        jitterUs: t.fc.oneof(t.fc.constant(0), t.fc.integer({ min: 1, max: 500_000 })),
      })
      .map((r): FlappingLinkAction => ({ kind: 'flapping-link', ...r })),
  fileKeys: (a) => ({ kind: a.kind, between: a.between, down: exactDuration(a.downUs), up: exactDuration(a.upUs), ...(a.jitterUs > 0 ? { jitter: exactDuration(a.jitterUs) } : {}) }),
  instantaneous: null,
  losesAckedWrites: false,
});

/** Both ends the same single node: no link at all. */
function selfLink([a, b]: readonly [Target, Target]): boolean {
  return Array.isArray(a) && Array.isArray(b) && a.length === 1 && b.length === 1 && a[0] === b[0];
}
