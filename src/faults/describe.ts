// One-line descriptions of faults, for traces, timelines and reports: each
// kind's own `describe` (src/faults/kinds/), dispatched through the table.
// Descriptions are for people; code reads fault records (kind, nodes, times).
import type { NodeId } from '../raft/types.js';
import { faultKindModule } from './registry.js';
import type { FaultAction } from './types.js';

export function describeFault(a: FaultAction, resolved: readonly NodeId[] = []): string {
  return faultKindModule(a.kind).describe(a, resolved);
}

/** Instantaneous faults (a clock step) take effect once and have no duration or heal. */
export function isInstantaneous(a: FaultAction): boolean {
  return faultKindModule(a.kind).instantaneous !== null;
}
