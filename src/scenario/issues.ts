// Turns zod issues into Problems: a key path, a one-line message in the user's
// terms, what was expected and a "Did you mean" where one is near. Messages
// follow "what is wrong; how to fix it" — the part after "; " is the hint.
import type * as z from 'zod';
import type { KeyPath } from './errors.js';
import { allowedKeysAt } from './schema-walk.js';
import { listChoices, nearest } from './suggest.js';
import { describeValue, valueAt } from '../format/values.js';

export interface Problem {
  readonly path: KeyPath;
  readonly message: string;
  readonly hint?: string;
  readonly expected?: string;
  readonly suggestion?: string;
  /** Point at the key (unknown keys) rather than the value. */
  readonly at?: 'key' | 'value';
}

type Issue = z.core.$ZodIssue;

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object { … }',
  array: 'a list [ … ]',
  tuple: 'a list [ … ]',
  record: 'an object { … }',
  null: 'null',
};

/** The per-parse error map: zod's default messages, reworded for scenario authors. */
export function errorMap(iss: z.core.$ZodRawIssue): string | undefined {
  const got = describeValue(iss.input);
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'missing; this key is required here';
      return `expected ${TYPE_WORDS[iss.expected] ?? iss.expected}, got ${got}`;
    case 'too_big':
      return sizeMessage(iss.origin, 'at most', iss.maximum, iss.inclusive !== false, iss.input);
    case 'too_small':
      return sizeMessage(iss.origin, 'at least', iss.minimum, iss.inclusive !== false, iss.input);
    case 'invalid_value':
      if (iss.input === undefined) return 'missing; this key is required here';
      return iss.values.length === 1 ? `expected ${JSON.stringify(iss.values[0])}, got ${got}` : `expected one of ${listChoices(iss.values.map(String))}, got ${got}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(iss.divisor)}, got ${got}`;
    case 'invalid_format':
      return `has the wrong format, got ${got}`;
    case 'unrecognized_keys':
      return 'unknown key';
    default:
      return undefined;
  }
}

function sizeMessage(origin: string, bound: string, limit: number | bigint, inclusive: boolean, input: unknown): string {
  const n = Number(limit);
  if (origin === 'array') return `${bound === 'at most' ? 'has too many items' : 'has too few items'}: ${bound} ${n}${Array.isArray(input) ? `, got ${input.length}` : ''}`;
  if (origin === 'string') return n === 1 && bound === 'at least' ? 'must not be empty' : `${bound} ${n} characters`;
  const word = inclusive ? bound : bound === 'at most' ? 'below' : 'above';
  return `must be ${word} ${n}, got ${describeValue(input)}`;
}

/** All problems in the issues, in zod's order. `data` is the input that was parsed. */
export function problemsOf(issues: readonly Issue[], data: unknown, root: z.ZodType): Problem[] {
  return issues.flatMap((i) => problemsOfIssue(i, [], data, root));
}

function problemsOfIssue(issue: Issue, base: KeyPath, data: unknown, root: z.ZodType): Problem[] {
  const path = [...base, ...(issue.path as (string | number)[])];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(root, path, data) ?? [];
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: 'unknown key',
        expected: allowed.length > 0 ? `one of ${listChoices(allowed)}` : undefined,
        suggestion: nearest(key, allowed),
        at: 'key' as const,
      }));
    }
    case 'invalid_union':
      return [unionProblem(issue, path, data, root)];
    case 'invalid_value': {
      const v = valueAt(data, path);
      const choices = issue.values.filter((x): x is string => typeof x === 'string');
      return [withHint({ path, message: issue.message, suggestion: typeof v === 'string' ? nearest(v, choices) : undefined })];
    }
    case 'custom': {
      const p = (issue.params ?? {}) as { expected?: string; suggestion?: string; at?: 'key' | 'value' };
      return [withHint({ path, message: issue.message, expected: p.expected, suggestion: p.suggestion, at: p.at })];
    }
    default:
      return [withHint({ path, message: issue.message })];
  }
}

/** Picks the branch of a failed union the user most likely meant, and reports its first issue. */
function unionProblem(issue: Extract<Issue, { code: 'invalid_union' }>, path: KeyPath, data: unknown, root: z.ZodType): Problem {
  const value = valueAt(data, path);
  if (issue.discriminator !== undefined && 'options' in issue && issue.errors.length === 0) {
    const options = (issue.options ?? []).map(String);
    const expected = `one of ${listChoices(options)}`;
    if (value === undefined) return withHint({ path, message: `missing; \`${issue.discriminator}\` is required`, expected });
    return { path, message: `unknown ${issue.discriminator} ${describeValue(value)}`, expected, suggestion: typeof value === 'string' ? nearest(value, options) : undefined };
  }
  if (value === undefined) return withHint({ path, message: 'missing; this key is required here' });
  const branches = issue.errors.filter((b) => b.length > 0);
  const typeMismatch = (b: readonly Issue[]) => b.length === 1 && b[0].code === 'invalid_type' && b[0].path.length === 0;
  const real = branches.filter((b) => !typeMismatch(b));
  if (real.length > 0) return problemsOfIssue(real[0][0], path, data, root)[0];
  // Every branch wanted another type: prefer a branch whose message carries a fix ("write \"150ms\"").
  const hinted = branches.find((b) => b[0].message.includes('; '));
  if (hinted !== undefined) return problemsOfIssue(hinted[0], path, data, root)[0];
  const wanted = [...new Set(branches.map((b) => (b[0] as { expected?: string }).expected ?? '?'))].map((t) => TYPE_WORDS[t] ?? t);
  return { path, message: `expected ${wanted.join(' or ')}, got ${describeValue(value)}` };
}

/** Splits "what is wrong; how to fix it". */
function withHint(p: Problem): Problem {
  const i = p.message.indexOf('; ');
  return i < 0 ? p : { ...p, message: p.message.slice(0, i), hint: p.message.slice(i + 2) };
}
