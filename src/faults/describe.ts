// One-line descriptions of faults, for traces, timelines and reports.
import { formatUs } from '../sim/time.js';
import type { NodeId } from '../raft/types.js';
import type { FaultAction, Target } from './types.js';

function t(target: Target): string {
  return Array.isArray(target) ? `[${target.join(',')}]` : String(target);
}

function who(nodes: readonly NodeId[]): string {
  return nodes.length === 0 ? '(nobody)' : `n${nodes.join(',n')}`;
}

/** How a clock step (the one fault that is instantaneous and never heals) is described; recovery.ts relies on it. */
export const CLOCK_STEP_PREFIX = 'clock step ';

export function describeFault(a: FaultAction, resolved: readonly NodeId[] = []): string {
  const r = resolved.length > 0 ? who(resolved) : '';
  switch (a.kind) {
    case 'isolate': return `isolate ${r || t(a.target)}`;
    case 'partition': return `partition ${a.groups.map((g) => `{${g.join(',')}}`).join(' | ')}`;
    case 'cut': return `cut ${t(a.from)} → ${t(a.to)}`;
    case 'hold': return `hold ${t(a.from)} → ${t(a.to)}`;
    // Resolved: [the leader, the target].
    case 'cut-leader-from': return resolved.length === 2 ? `cut leader n${resolved[0]} ↔ n${resolved[1]}` : `cut leader ↔ ${r || t(a.target)}`;
    case 'bridge': return `bridge n${a.bridge} between {${a.sides[0].join(',')}} and {${a.sides[1].join(',')}}`;
    case 'ring': return 'majorities ring';
    case 'loss': return `loss ${(a.probability * 100).toFixed(1)}% ${t(a.from)} → ${t(a.to)}`;
    case 'latency': return `latency +${formatUs(a.extraUs)} ${t(a.from)} → ${t(a.to)}`;
    case 'skew': return `skew ${r || t(a.target)} by ${formatUs(a.offsetUs)}`;
    case 'drift': return `drift ${r || t(a.target)} ${a.ppm} ppm`;
    case 'step': return `${CLOCK_STEP_PREFIX}${r || t(a.target)} by ${formatUs(a.deltaUs)}`;
    case 'crash': return `crash ${r || t(a.target)}`;
    case 'wipe': return `crash+wipe ${r || t(a.target)}`;
    case 'pause': return `pause ${r || t(a.target)}`;
    case 'slow-cpu': return `CPU ${r || t(a.target)} at ${(a.share * 100).toFixed(0)}%`;
    case 'disk-stall': return `disk stall ${r || t(a.target)}`;
    case 'slow-disk': return `slow disk ${r || t(a.target)} ×${a.factor}`;
  }
}
