// Every problem with a scenario — syntax, schema, cross-field, missing file —
// surfaces as one ScenarioError that names the file, line, column and key, never
// as a stack trace. Its `stack` is the formatted message on purpose, so even a
// careless `console.error(err)` shows the user something they can act on.
// Keys and values from the file are clipped (clip.ts): a huge key never makes a huge message.
import type { KeyPath } from '../format/issue.js';
import { clipText } from './clip.js';

export type { KeyPath };

export interface ScenarioErrorInit {
  /** The file as shown to the user (relative to the working directory when inside it), or "--set". */
  readonly file: string;
  /** 1-based; 0 when the problem has no position (e.g. the file itself is missing). */
  readonly line: number;
  readonly column: number;
  /** Dotted key path ("raft.electionTimeout.min", "faults[2].target"); "" for syntax errors. */
  readonly keyPath: string;
  readonly message: string;
  /** What would have been accepted, e.g. 'one of "paper", "etcd", "hashicorp"'. */
  readonly expected?: string;
  /** A replacement the user probably meant (printed as: Did you mean "…"?). */
  readonly suggestion?: string;
  /** A free-form fix, e.g. 'write "150ms"'. */
  readonly hint?: string;
  /** The source line the position points into, for the excerpt. */
  readonly sourceLine?: string;
  /** How many further problems were found (only the first is reported in full). */
  readonly more?: number;
  /** Set when the loader itself failed unexpectedly: a bug to report, not a bad file. */
  readonly internal?: boolean;
}

export class ScenarioError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly keyPath: string;
  readonly expected: string | undefined;
  readonly suggestion: string | undefined;
  readonly hint: string | undefined;
  readonly sourceLine: string | undefined;
  readonly more: number;
  readonly internal: boolean;
  /** What is wrong, without where (`message` may carry the place too: the library API adds it). */
  readonly reason: string;

  constructor(init: ScenarioErrorInit) {
    super(init.message);
    this.reason = init.message;
    this.name = 'ScenarioError';
    this.file = init.file;
    this.line = init.line;
    this.column = init.column;
    this.keyPath = init.keyPath;
    this.expected = init.expected;
    this.suggestion = init.suggestion;
    this.hint = init.hint;
    this.sourceLine = init.sourceLine;
    this.more = init.more ?? 0;
    this.internal = init.internal ?? false;
    this.stack = formatScenarioError(this);
  }

  /** The same error with a different count of further problems. */
  withMore(more: number): ScenarioError {
    return new ScenarioError({ ...this.init(), more });
  }

  init(): ScenarioErrorInit {
    const { file, line, column, keyPath, reason: message, expected, suggestion, hint, sourceLine, more, internal } = this;
    return { file, line, column, keyPath, message, expected, suggestion, hint, sourceLine, more, internal };
  }
}

export function isScenarioError(x: unknown): x is ScenarioError {
  return x instanceof ScenarioError;
}

/**
 * One screen at most:
 *   scenarios/x.json5:12:5: raft.electonTimeout: unknown key. Did you mean "electionTimeout"?
 *      12 |     electonTimeout: { min: "150ms", max: "300ms" },
 *         |     ^
 *     expected: one of "profile", "electionTimeout", …
 */
export function formatScenarioError(e: ScenarioError): string {
  const file = clipText(e.file, 300);
  const where = e.line > 0 ? `${file}:${e.line}:${e.column}` : file;
  let head = `${where}: ${e.keyPath === '' ? '' : `${clipText(e.keyPath, 160)}: `}${clipText(e.reason, 400)}`;
  if (e.hint !== undefined) head += `; ${clipText(e.hint, 200)}`;
  if (e.suggestion !== undefined) head += `. Did you mean ${JSON.stringify(clipText(e.suggestion, 80))}?`;
  const lines = [head];
  if (e.sourceLine !== undefined && e.line > 0) {
    const num = String(e.line);
    const text = e.sourceLine.length > 160 ? `${e.sourceLine.slice(0, 157)}...` : e.sourceLine;
    lines.push(`  ${num} | ${text}`);
    if (e.column <= 160) lines.push(`  ${' '.repeat(num.length)} | ${caretPad(text, e.column)}^`);
  }
  if (e.expected !== undefined) lines.push(`  expected: ${clipText(e.expected, 400)}`);
  if (e.more > 0) lines.push(`  (and ${e.more} more problem${e.more === 1 ? '' : 's'})`);
  if (e.internal) lines.push('  This is a bug in raftsim\'s scenario loader; please report it with the file.');
  return lines.join('\n');
}

/** Spaces under the source line up to the column, keeping tabs so the caret lines up. */
function caretPad(text: string, column: number): string {
  let pad = '';
  for (let i = 0; i < column - 1; i++) pad += text[i] === '\t' ? '\t' : ' ';
  return pad;
}

const IDENT = /^[A-Za-z_$][\w$]*$|^[0-9]+$/;

/** ["raft", "nodes", "2", "preVote"] → "raft.nodes.2.preVote"; ["faults", 2] → "faults[2]"; odd keys are quoted. */
export function formatKeyPath(path: KeyPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (seg.length > 60) out += `[${JSON.stringify(seg.slice(0, 40))}… (${seg.length.toLocaleString('en-US')} characters)]`;
    else if (IDENT.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
