// Pure preparation of a trial timeline for drawing: per-node state segments,
// the window worth showing, and the family of each fault (for its shading).
import type { TrialTimeline } from '../run/timelines.js';
import type { FaultFamily } from '../faults/kind.js';
import { FAULT_KIND_NAMES, faultKindModule } from '../faults/registry.js';

type FaultKindName = (typeof FAULT_KIND_NAMES)[number];

export type LaneState = 'follower' | 'precandidate' | 'candidate' | 'leader' | 'paused' | 'down';

export interface Segment {
  readonly node: number;
  readonly fromUs: number;
  readonly toUs: number;
  readonly state: LaneState;
  readonly term: number;
}

export interface Window {
  readonly fromUs: number;
  readonly toUs: number;
}

/**
 * Each node's states as contiguous segments over [0, endUs]. A node that is
 * down or paused shows that condition whatever its role; consecutive events
 * with the same state and term merge into one segment.
 */
export function segmentsOf(t: TrialTimeline): Segment[] {
  const out: Segment[] = [];
  for (let node = 0; node < t.n; node++) {
    let role: LaneState = 'follower';
    let condition: 'up' | 'paused' | 'down' = 'up';
    let term = 0;
    let cur: { fromUs: number; state: LaneState; term: number } = { fromUs: 0, state: 'follower', term: 0 };
    for (const [atUs, who, state, evTerm] of t.events) {
      if (who !== node) continue;
      if (state === 'up' || state === 'paused' || state === 'down') condition = state;
      else role = state;
      // A down node reports no term (its host has none); it keeps the last one it had.
      if (state !== 'down') term = evTerm;
      const shown: LaneState = condition === 'up' ? role : condition;
      if (shown === cur.state && term === cur.term) continue;
      if (atUs > cur.fromUs) out.push({ node, fromUs: cur.fromUs, toUs: atUs, state: cur.state, term: cur.term });
      cur = { fromUs: atUs, state: shown, term };
    }
    if (t.endUs > cur.fromUs) out.push({ node, fromUs: cur.fromUs, toUs: t.endUs, state: cur.state, term: cur.term });
  }
  return out;
}

/**
 * The part of the trial worth zooming into: from a little before the first
 * fault to a little after the burst of state changes it set off (changes less
 * than `gap` apart, gap = max(1 s, the trial's own time to leader)), so a
 * 200 ms failover is not a sliver of a 30 s trial. Later bursts (a heal, a
 * second fault) show in the whole-trial overview. Without faults: all of it.
 */
export function windowOf(t: TrialTimeline): Window {
  if (t.faults.length === 0) return { fromUs: 0, toUs: t.endUs };
  const first = Math.min(...t.faults.map((f) => f.startUs));
  const gap = Math.max(1_000_000, (t.rankMs ?? 0) * 1000);
  const times = t.events.map((e) => e[0]).filter((at) => at >= first).sort((a, b) => a - b);
  let end = first;
  for (const at of times) {
    if (at - end > gap) break;
    end = at;
  }
  const pad = Math.max(30_000, (end - first) * 0.2);
  return { fromUs: Math.max(0, first - pad), toUs: Math.min(t.endUs, end + pad) };
}

export function clip(segs: readonly Segment[], w: Window): Segment[] {
  return segs.filter((s) => s.toUs > w.fromUs && s.fromUs < w.toUs).map((s) => ({ ...s, fromUs: Math.max(s.fromUs, w.fromUs), toUs: Math.min(s.toUs, w.toUs) }));
}

export type { FaultFamily };

/** A timeline's fault: its family comes from its kind's module (faults/registry.ts). */
export function faultFamily(f: { readonly kind?: string; readonly description: string }): FaultFamily {
  if (f.kind !== undefined) return (FAULT_KIND_NAMES as readonly string[]).includes(f.kind) ? faultKindModule(f.kind as FaultKindName).family : 'other';
  return familyOfOldDescription(f.description);
}

/** Results written before timelines recorded the kind: the family from the description's first words. */
function familyOfOldDescription(description: string): FaultFamily {
  if (/^(isolate|partition|cut|hold|bridge|majorities ring|loss|latency)\b/.test(description)) return 'network';
  if (/^(skew|drift|clock step)\b/.test(description)) return 'clock';
  if (/^crash/.test(description)) return 'crash';
  if (/^(pause|CPU)\b/.test(description)) return 'cpu';
  if (/^(disk stall|slow disk)\b/.test(description)) return 'disk';
  return 'other';
}

export const FAULT_KIND_LABEL: Record<FaultFamily, string> = {
  network: 'network fault',
  clock: 'clock fault',
  crash: 'crash',
  cpu: 'CPU pause / slowdown',
  disk: 'disk fault',
  other: 'other fault',
};
