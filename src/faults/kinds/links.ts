// Link bookkeeping shared by the network fault kinds: cut links both ways and
// undo exactly what was cut, in the same order.
import type { NodeId } from '../../raft/types.js';
import type { AppliedFault, FaultContext } from '../kind.js';
import type { Target } from '../target.js';

export type Link = readonly [NodeId, NodeId];

/** Cuts x → y and y → x, remembering both in `links`. */
export function cutBoth(ctx: FaultContext, x: NodeId, y: NodeId, links: Link[]): void {
  ctx.cut(x, y);
  links.push([x, y]);
  ctx.cut(y, x);
  links.push([y, x]);
}

/** A fault that cut `links`: its undo heals them. */
export function cutLinks(ctx: FaultContext, nodes: readonly NodeId[], links: readonly Link[]): AppliedFault {
  return { nodes, undo: () => { for (const [x, y] of links) ctx.heal(x, y); } };
}

/**
 * A one-way fault on every link from `from` to `to` (a node's link to itself skipped): `set`
 * each now, and `reset` each on heal, in the same order.
 */
export function onDirectedLinks(
  ctx: FaultContext,
  a: { readonly from: Target; readonly to: Target },
  set: (x: NodeId, y: NodeId) => void,
  reset: (x: NodeId, y: NodeId) => void,
): AppliedFault {
  const from = ctx.resolve(a.from);
  const to = ctx.resolve(a.to);
  const links: Link[] = [];
  for (const x of from) for (const y of to) if (x !== y) { set(x, y); links.push([x, y]); }
  return { nodes: [...from, ...to], undo: () => { for (const [x, y] of links) reset(x, y); } };
}

/** A fault that changes each node and changes it back. */
export function onNodes(nodes: readonly NodeId[], apply: (x: NodeId) => void, undo: (x: NodeId) => void): AppliedFault {
  for (const x of nodes) apply(x);
  return { nodes, undo: () => { for (const x of nodes) undo(x); } };
}
