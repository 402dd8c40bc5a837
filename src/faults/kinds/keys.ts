// Scenario-file keys shared by several fault kinds, with their checks.
import { targetSchema } from '../../format/schema-values.js';
import { checkNodeIds } from '../../format/node-ids.js';
import type { CheckContext } from '../kind.js';

export const targetKey = { target: targetSchema };
export const fromToKeys = { from: targetSchema, to: targetSchema };

/** A target given as node ids must name nodes that exist. */
/** The checks of a fault with `from` and `to` targets (cut, hold, latency, loss). */
export function checkFromTo(f: { readonly from: unknown; readonly to: unknown }, at: CheckContext): void {
  checkTarget('from', f.from, at);
  checkTarget('to', f.to, at);
}

export function checkTarget(key: string | number, t: unknown, at: CheckContext, under: readonly (string | number)[] = []): void {
  if (Array.isArray(t)) checkNodeIds(t as number[], [...at.path, ...under, key], at.n, at.report);
}
