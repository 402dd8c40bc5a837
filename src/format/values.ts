// Small helpers over plain JSON-like data (what json5 produces).
import type { KeyPath } from './issue.js';

export type PlainObject = Record<string, unknown>;

export function isPlainObject(v: unknown): v is PlainObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a path, or undefined. */
export function valueAt(data: unknown, path: KeyPath): unknown {
  let cur = data;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isPlainObject(cur) && Object.hasOwn(cur, String(seg))) cur = cur[String(seg)];
    else return undefined;
  }
  return cur;
}

/** For messages: `"abc"`, `42`, `true`, `null`, `an array`, `an object`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? 'an empty array' : 'an array';
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

/** A deep copy of JSON-like data (json5 output has no cycles, dates or functions). */
export function cloneData<T>(v: T): T {
  return structuredClone(v);
}

/**
 * Objects merge key by key; everything else (arrays included) is replaced by the
 * override. So is a distribution whose kind changes: an override object with a
 * `dist` other than the base's replaces the base object whole, since the base's
 * parameters (min/max of a uniform, say) mean nothing to the new kind.
 */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return cloneData(over);
  if (over.dist !== undefined && over.dist !== base.dist) return cloneData(over);
  const out: PlainObject = cloneData(base);
  for (const [k, v] of Object.entries(over)) out[k] = Object.hasOwn(out, k) ? deepMerge(out[k], v) : cloneData(v);
  return out;
}

/** Keys that could reach Object.prototype when data is merged or set by path. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The first problem that would make data unsafe to walk: nesting deeper than
 * `maxDepth`, or a reserved key. Iterative, so hostile nesting cannot overflow.
 */
export function findUnsafe(data: unknown, maxDepth: number): { path: (string | number)[]; problem: 'nesting' | 'reserved' } | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: data, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (path.length >= maxDepth) return { path, problem: 'nesting' };
    if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
      continue;
    }
    for (const k of Object.keys(v)) {
      if (RESERVED_KEYS.has(k)) return { path: [...path, k], problem: 'reserved' };
      stack.push({ v: (v as PlainObject)[k], path: [...path, k] });
    }
  }
  return null;
}

/**
 * Sets a dotted path ("raft.nodes.2.preVote", "faults.0.at") in place, creating
 * missing objects on the way. Returns why it cannot, or null. Array elements must
 * already exist: an index never silently grows a list.
 */
export function setPath(root: PlainObject, segments: readonly string[], value: unknown): string | null {
  let cur: unknown = root;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    const here = segments.slice(0, i).join('.');
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9][0-9]*)$/.test(seg) || Number(seg) >= cur.length) return `${here} has ${cur.length} element${cur.length === 1 ? '' : 's'}, so there is no ${here}.${seg}`;
      if (last) cur[Number(seg)] = value;
      else cur = cur[Number(seg)];
    } else if (isPlainObject(cur)) {
      if (last) cur[seg] = value;
      else if (!Object.hasOwn(cur, seg)) cur = cur[seg] = {};
      else cur = cur[seg];
    } else {
      return `${here} is ${describeValue(cur)}, not an object, so ${segments.join('.')} cannot be set`;
    }
  }
  return null;
}
