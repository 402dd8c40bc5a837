// Walks the zod schema by key path, to answer "which keys are allowed here?"
// (for "Did you mean …?") and "is this dotted key a real path of the format?"
// (for sweep keys and --set overrides). Reading zod's `def` records keeps this
// in step with the schema itself rather than with a hand-written copy of it.
import type * as z from 'zod';
import type { KeyPath } from './errors.js';
import { listChoices, nearest } from './suggest.js';
import { isPlainObject } from '../format/values.js';

/** The parts of zod's def records this walker reads. */
interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly discriminator?: string;
  readonly valueType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly items?: readonly z.ZodType[];
  readonly values?: readonly unknown[];
  readonly getter?: () => z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { def: Def }).def;

/**
 * The concrete alternatives a schema stands for, wrappers removed. With `value`,
 * a discriminated union keeps only the option the value's discriminator picks.
 */
function alternatives(s: z.ZodType, value?: unknown): z.ZodType[] {
  const d = defOf(s);
  switch (d.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return alternatives(d.innerType!, value);
    case 'pipe':
      return alternatives(d.in!, value);
    case 'lazy':
      return alternatives(d.getter!(), value);
    case 'union': {
      let opts = d.options!;
      if (d.discriminator !== undefined && isPlainObject(value)) {
        const picked = opts.filter((o) => literalValues(defOf(o).shape?.[d.discriminator!]).includes(value[d.discriminator!]));
        if (picked.length > 0) opts = picked;
      }
      return opts.flatMap((o) => alternatives(o, value));
    }
    default:
      return [s];
  }
}

function literalValues(s: z.ZodType | undefined): readonly unknown[] {
  return s === undefined ? [] : alternatives(s).flatMap((a) => defOf(a).values ?? []);
}

/** One step down: the schemas that a key (or index) of these schemas leads to. */
function step(schemas: readonly z.ZodType[], seg: string | number, value?: unknown): z.ZodType[] {
  const out: z.ZodType[] = [];
  for (const s of schemas.flatMap((x) => alternatives(x, value))) {
    const d = defOf(s);
    const isIndex = typeof seg === 'number' || /^(0|[1-9][0-9]*)$/.test(seg);
    if (d.type === 'object' && typeof seg === 'string' && d.shape !== undefined && Object.hasOwn(d.shape, seg)) out.push(d.shape[seg]);
    else if (d.type === 'record') out.push(d.valueType!);
    else if (d.type === 'array' && isIndex) out.push(d.element!);
    else if (d.type === 'tuple' && isIndex && Number(seg) < d.items!.length) out.push(d.items![Number(seg)]);
  }
  return out;
}

/** The object keys allowed at these schemas; null when any key is (a record), [] when none (a leaf). */
function keysOf(schemas: readonly z.ZodType[], value?: unknown): string[] | null {
  const keys = new Set<string>();
  for (const s of schemas.flatMap((x) => alternatives(x, value))) {
    const d = defOf(s);
    if (d.type === 'record') return null;
    if (d.type === 'object' && d.shape !== undefined) for (const k of Object.keys(d.shape)) keys.add(k);
  }
  return [...keys];
}

/** Keys allowed in the object at `path` of `data` (data picks discriminated-union options, e.g. a fault's kind). */
export function allowedKeysAt(root: z.ZodType, path: KeyPath, data: unknown): string[] | null {
  let schemas: z.ZodType[] = [root];
  let value = data;
  for (const seg of path) {
    schemas = step(schemas, seg, value);
    value = isPlainObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[String(seg)] : undefined;
  }
  return keysOf(schemas, value);
}

export type KeyCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly depth: number; readonly message: string; readonly expected?: string; readonly suggestion?: string };

/**
 * Is `segments` a real path of the format? Record keys (node ids, zone names)
 * and array indexes are accepted here; whether they exist is checked when the
 * value is resolved.
 */
export function checkKeyPath(root: z.ZodType, segments: readonly string[]): KeyCheck {
  let schemas: z.ZodType[] = [root];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const next = step(schemas, seg);
    if (next.length > 0) {
      schemas = next;
      continue;
    }
    const keys = keysOf(schemas);
    const here = segments.slice(0, i).join('.');
    const isList = schemas.flatMap((s) => alternatives(s)).some((s) => ['array', 'tuple'].includes(defOf(s).type));
    if (isList && (keys === null || keys.length === 0)) return { ok: false, depth: i, message: `${here} is a list; the key after it must be an index such as ${here}.0` };
    if (keys !== null && keys.length === 0) return { ok: false, depth: i, message: `${here} has no keys inside it, so "${seg}" cannot be set` };
    const choices = keys ?? [];
    return { ok: false, depth: i, message: `unknown key "${seg}"${here === '' ? '' : ` in ${here}`}`, expected: `one of ${listChoices(choices)}`, suggestion: nearest(seg, choices) };
  }
  return { ok: true };
}
