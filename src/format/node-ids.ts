// Node ids written in a scenario file: each must exist in a cluster of n nodes.
// Used by the cluster checks (src/scenario/checks-cluster.ts) and by the fault
// kinds (src/faults/kinds/), hence here at the bottom.
import type { KeyPath, Report } from './issue.js';

/** "nodes 0–4" (or "node 0 only"): the ids a cluster of n nodes has, for messages. */
export function nodeRange(n: number): string {
  return n === 1 ? 'node 0 only' : `nodes 0–${n - 1}`;
}

/** "node 7 does not exist: the cluster has 5 nodes (nodes 0–4)". */
export function noSuchNode(id: number | string, n: number): string {
  return `node ${id} does not exist: the cluster has ${n} node${n === 1 ? '' : 's'} (${nodeRange(n)})`;
}

/** Node ids in a list: each < n, no repeats. */
export function checkNodeIds(ids: readonly number[], path: KeyPath, n: number, report: Report): void {
  const seen = new Set<number>();
  ids.forEach((id, i) => {
    if (id >= n) report({ path: [...path, i], message: noSuchNode(id, n) });
    else if (seen.has(id)) report({ path: [...path, i], message: `node ${id} is listed twice` });
    seen.add(id);
  });
}
