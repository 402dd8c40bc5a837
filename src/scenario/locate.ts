// Maps key paths to line:column in JSON5 source. The json5 package gives no
// positions for values, so this is a small scanner over the text that tracks
// the key path of every value. It runs only on text json5 has already parsed,
// so it can be lenient; it is iterative (an explicit stack), so deep nesting
// cannot overflow the call stack, and linear in the text: a value is recorded as
// a child of its container in a trie of key paths (one map entry per value), so
// its path is never copied or stringified (30,000 nested brackets took 24 s and
// 4 GB when it was). Lines and columns count as json5 counts them
// (1-based, '\n' ends a line, columns in UTF-16 units) so syntax errors and
// schema errors point the same way.
import JSON5 from 'json5';
import type { KeyPath } from './errors.js';

export interface SourcePos {
  readonly line: number;
  readonly column: number;
}

/** Where a value is, and where its key is (null for array elements and the root). */
export interface ValuePositions {
  readonly key: SourcePos | null;
  readonly value: SourcePos;
}

export class SourceIndex {
  private readonly lineStarts: number[] = [0];
  private positions: PathTrie | null = null;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** The 1-based line and column of a character offset. */
  posAt(offset: number): SourcePos {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? this.text.length;
    const end = this.lineStarts[line] ?? this.text.length + 1;
    return this.text.slice(start, end - 1).replace(/\r$/, '');
  }

  /** Positions of exactly this path, if the text has it. */
  find(path: KeyPath): ValuePositions | undefined {
    this.positions ??= scanPositions(this.text, (o) => this.posAt(o));
    return this.positions.find(path);
  }

  /**
   * The position to report for a path: its key (for 'key') or its value, falling
   * back to the longest prefix of the path the text has (a missing key is reported
   * at the object that lacks it). `depth` says how much of the path was found.
   */
  locate(path: KeyPath, prefer: 'key' | 'value'): { pos: SourcePos; depth: number } {
    for (let n = path.length; n > 0; n--) {
      const p = this.find(path.slice(0, n));
      if (p !== undefined) return { pos: (n === path.length && prefer === 'key' ? p.key : null) ?? p.value, depth: n };
    }
    return { pos: this.find([])?.value ?? { line: 1, column: 1 }, depth: 0 };
  }
}

/** Values by key path: node 0 is the root value; a child is found by (parent, segment). */
class PathTrie {
  private readonly children = new Map<string, number>();
  private readonly positions: ValuePositions[] = [];

  /** The node of `segment` under `parent` (created on first use), with its positions. */
  set(parent: number, segment: string | number | null, pos: ValuePositions): number {
    let id = 0;
    if (segment !== null) {
      const k = childKey(parent, segment);
      const known = this.children.get(k);
      if (known !== undefined) id = known;
      else this.children.set(k, (id = this.positions.length === 0 ? 1 : this.positions.length));
    }
    this.positions[id] = pos; // last duplicate key wins, as in json5
    return id;
  }

  find(path: KeyPath): ValuePositions | undefined {
    let id = 0;
    for (const segment of path) {
      const next = this.children.get(childKey(id, segment));
      if (next === undefined) return undefined;
      id = next;
    }
    return this.positions[id];
  }
}

function childKey(parent: number, segment: string | number): string {
  return typeof segment === 'number' ? `${parent}#${segment}` : `${parent}.${segment}`;
}

type Frame =
  | { readonly kind: 'object'; readonly node: number; key: string | null; keyAt: number }
  | { readonly kind: 'array'; readonly node: number; index: number };

/** Scans the whole text once, recording each value's positions under its path. */
function scanPositions(text: string, posAt: (offset: number) => SourcePos): PathTrie {
  const out = new PathTrie();
  const stack: Frame[] = [];
  const lexer = new Lexer(text);
  for (let tok = lexer.next(); tok !== null; tok = lexer.next()) {
    const top = stack[stack.length - 1];
    if (tok.kind === '}' || tok.kind === ']') {
      stack.pop();
      continue;
    }
    if (tok.kind === ':') continue;
    if (tok.kind === ',') {
      if (top?.kind === 'array') top.index++;
      else if (top?.kind === 'object') top.key = null;
      continue;
    }
    // A key (object frame without a pending key) or a value.
    if (top?.kind === 'object' && top.key === null) {
      top.key = tok.kind === 'string' ? decodeString(tok.raw) : decodeIdentifier(tok.raw);
      top.keyAt = tok.start;
      continue;
    }
    const segment = top === undefined ? null : top.kind === 'object' ? (top.key as string) : top.index;
    const key = top?.kind === 'object' ? posAt(top.keyAt) : null;
    const node = out.set(top?.node ?? 0, segment, { key, value: posAt(tok.start) });
    if (tok.kind === '{') stack.push({ kind: 'object', node, key: null, keyAt: 0 });
    else if (tok.kind === '[') stack.push({ kind: 'array', node, index: 0 });
  }
  return out;
}

interface Token {
  readonly kind: '{' | '}' | '[' | ']' | ':' | ',' | 'string' | 'word';
  readonly start: number;
  readonly raw: string;
}

class Lexer {
  private i = 0;
  constructor(private readonly s: string) {}

  next(): Token | null {
    this.skipSpaceAndComments();
    const s = this.s;
    if (this.i >= s.length) return null;
    const start = this.i;
    const c = s[start];
    if ('{}[]:,'.includes(c)) {
      this.i++;
      return { kind: c as Token['kind'], start, raw: c };
    }
    if (c === '"' || c === "'") {
      this.i++;
      while (this.i < s.length && s[this.i] !== c) this.i += s[this.i] === '\\' ? 2 : 1;
      this.i++;
      return { kind: 'string', start, raw: s.slice(start, this.i) };
    }
    // Numbers, literals and unquoted keys run until a delimiter.
    while (this.i < s.length && !isDelimiter(s, this.i)) this.i += s[this.i] === '\\' ? 2 : 1;
    if (this.i === start) this.i++; // never stall on an unexpected character
    return { kind: 'word', start, raw: s.slice(start, this.i) };
  }

  private skipSpaceAndComments(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '/' && s[this.i + 1] === '/') {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
      } else if (c === '/' && s[this.i + 1] === '*') {
        const end = s.indexOf('*/', this.i + 2);
        this.i = end < 0 ? s.length : end + 2;
      } else if (isSpace(c)) {
        this.i++;
      } else {
        return;
      }
    }
  }
}

function isSpace(c: string): boolean {
  return /\s/.test(c) || c === '\uFEFF';
}

function isDelimiter(s: string, i: number): boolean {
  const c = s[i];
  return '{}[]:,"\''.includes(c) || isSpace(c) || (c === '/' && (s[i + 1] === '/' || s[i + 1] === '*'));
}

function decodeString(raw: string): string {
  try {
    return String(JSON5.parse(raw));
  } catch {
    return raw.slice(1, -1);
  }
}

/** Unquoted keys may contain \uXXXX escapes; json5 decodes them, so must we. */
function decodeIdentifier(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return Object.keys(JSON5.parse(`{${raw}:0}`) as object)[0] ?? raw;
  } catch {
    return raw;
  }
}
