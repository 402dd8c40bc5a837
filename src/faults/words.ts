// Words shared by the fault kinds' one-line descriptions (src/faults/kinds/).
import type { NodeId } from '../raft/types.js';
import type { Target } from './target.js';

/** A target as written: "[0,2]", "leader". */
export function targetText(target: Target): string {
  return Array.isArray(target) ? `[${target.join(',')}]` : String(target);
}

/** Resolved nodes: "n0,n2", or "(nobody)". */
export function nodesText(nodes: readonly NodeId[]): string {
  return nodes.length === 0 ? '(nobody)' : `n${nodes.join(',n')}`;
}

/** The resolved nodes when the fault started, else the target as written. */
export function whoText(target: Target, resolved: readonly NodeId[]): string {
  return resolved.length > 0 ? nodesText(resolved) : targetText(target);
}
