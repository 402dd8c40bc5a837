// A parser for the small part of PromQL that alerting rules about Raft
// leadership use; anything else is refused with the position and a reason
// (never evaluated approximately):
//   selectors      name{label="v", label!="v", label=~"re", label!~"re"}, and [range] in function arguments
//   aggregations   sum, min, max, count, avg, with by (…) or without (…), before or after the argument
//   functions      absent(v), increase, rate, changes, resets, delta, avg_over_time, max_over_time,
//                  min_over_time, count_over_time (over a range selector)
//   operators      == != < > <= >= and + - * / between a vector and a number (either side);
//                  and, or, unless between vectors (matched on all labels but the name); unary minus
// Not supported (refused): vector-to-vector comparison or arithmetic, on/ignoring/group_*, bool,
// offset, @, subqueries, other functions, strings as values.

export type AggOp = 'sum' | 'min' | 'max' | 'count' | 'avg';
export type CompareOp = '==' | '!=' | '<' | '>' | '<=' | '>=';
export type ArithOp = '+' | '-' | '*' | '/';
export type SetOp = 'and' | 'or' | 'unless';
export type RangeFn = 'increase' | 'rate' | 'changes' | 'resets' | 'delta' | 'avg_over_time' | 'max_over_time' | 'min_over_time' | 'count_over_time';

export interface Matcher {
  readonly label: string;
  readonly op: '=' | '!=' | '=~' | '!~';
  readonly value: string;
}

export type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'selector'; readonly name: string | null; readonly matchers: readonly Matcher[] }
  | { readonly kind: 'range'; readonly selector: Extract<Expr, { kind: 'selector' }>; readonly rangeMs: number }
  | { readonly kind: 'aggregate'; readonly op: AggOp; readonly without: boolean; readonly labels: readonly string[] | null; readonly arg: Expr }
  | { readonly kind: 'absent'; readonly arg: Expr }
  | { readonly kind: 'rangeFn'; readonly fn: RangeFn; readonly arg: Extract<Expr, { kind: 'range' }> }
  | { readonly kind: 'binary'; readonly op: CompareOp | ArithOp | SetOp; readonly lhs: Expr; readonly rhs: Expr }
  | { readonly kind: 'neg'; readonly arg: Expr };

export type ValueType = 'scalar' | 'vector' | 'matrix';

export class PromqlError extends Error {
  /** 0-based offset into the expression. */
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'PromqlError';
  }
}

const AGGS = new Set<string>(['sum', 'min', 'max', 'count', 'avg']);
const RANGE_FNS = new Set<string>(['increase', 'rate', 'changes', 'resets', 'delta', 'avg_over_time', 'max_over_time', 'min_over_time', 'count_over_time']);
const KNOWN_UNSUPPORTED = new Set(['topk', 'bottomk', 'quantile', 'stddev', 'stdvar', 'count_values', 'group']);

type Tok = { readonly t: 'id' | 'num' | 'str' | 'op' | 'dur' | 'eof'; readonly s: string; readonly at: number; readonly value?: number };

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const ops = ['=~', '!~', '!=', '==', '<=', '>=', '(', ')', '{', '}', '[', ']', ',', '=', '<', '>', '+', '-', '*', '/', '%', '^', '@', ':'];
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const at = i;
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < src.length && /[A-Za-z0-9_:]/.test(src[j])) j++;
      out.push({ t: 'id', s: src.slice(i, j), at });
      i = j;
      continue;
    }
    if (/[0-9.]/.test(c)) {
      const m = /^(?:0[xX][0-9a-fA-F]+|(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)/.exec(src.slice(i));
      if (m === null) throw new PromqlError(`unexpected "${c}"`, at);
      const rest = src.slice(i + m[0].length);
      const dur = /^(?:ms|[smhdwy])/.exec(rest);
      if (dur !== null && /^[0-9]+$/.test(m[0])) {
        const d = /^(?:[0-9]+(?:ms|[smhdwy]))+/.exec(src.slice(i))!;
        out.push({ t: 'dur', s: d[0], at, value: parseDurationMs(d[0], at) });
        i += d[0].length;
        continue;
      }
      out.push({ t: 'num', s: m[0], at, value: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= src.length) throw new PromqlError('unterminated string', at);
        const d = src[j];
        if (d === c) break;
        if (d === '\\' && c !== '`') {
          const e = src[j + 1];
          const map: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', '"': '"', "'": "'", r: '\r' };
          if (!(e in map)) throw new PromqlError(`unsupported escape "\\${e ?? ''}" in a string`, j);
          text += map[e];
          j += 2;
          continue;
        }
        text += d;
        j++;
      }
      out.push({ t: 'str', s: text, at });
      i = j + 1;
      continue;
    }
    const op = ops.find((o) => src.startsWith(o, i));
    if (op === undefined) throw new PromqlError(`unexpected "${c}"`, at);
    out.push({ t: 'op', s: op, at });
    i += op.length;
  }
  out.push({ t: 'eof', s: '', at: src.length });
  return out;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };

/** "1h30m" → ms; units ms s m h d w y, each at most once, largest first (as Prometheus requires). */
export function parseDurationMs(text: string, at = 0): number {
  let ms = 0;
  let lastRank = Infinity;
  const order = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];
  const re = /([0-9]+)(ms|[smhdwy])/y;
  let pos = 0;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m === null) throw new PromqlError(`bad duration "${text}"`, at);
    const rank = order.indexOf(m[2]);
    if (rank <= lastRank && lastRank !== Infinity) throw new PromqlError(`bad duration "${text}": units must go from largest to smallest, each once`, at);
    lastRank = rank;
    ms += Number(m[1]) * UNIT_MS[m[2]];
    pos = re.lastIndex;
  }
  if (!(ms > 0)) throw new PromqlError(`duration "${text}" must be positive`, at);
  return ms;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.i];
  }
  private next(): Tok {
    return this.toks[this.i++];
  }
  private isOp(s: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.s === s;
  }
  private isId(s: string): boolean {
    const t = this.peek();
    return t.t === 'id' && t.s === s;
  }
  private expect(s: string): Tok {
    const t = this.next();
    if (t.t !== 'op' || t.s !== s) throw new PromqlError(`expected "${s}", found ${describe(t)}`, t.at);
    return t;
  }

  parseAll(): Expr {
    const e = this.binary(0);
    const t = this.peek();
    if (t.t !== 'eof') throw new PromqlError(`unexpected ${describe(t)}`, t.at);
    return e;
  }

  // Precedence, lowest first: or; and unless; comparisons; + -; * / %; ^.
  private static readonly LEVELS: readonly (readonly string[])[] = [['or'], ['and', 'unless'], ['==', '!=', '<=', '<', '>=', '>'], ['+', '-'], ['*', '/', '%', 'atan2'], ['^']];

  private binary(level: number): Expr {
    if (level >= Parser.LEVELS.length) return this.unary();
    let lhs = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      const op = (t.t === 'op' || t.t === 'id') && Parser.LEVELS[level].includes(t.s) ? t.s : null;
      if (op === null) return lhs;
      this.next();
      for (const mod of ['bool', 'on', 'ignoring', 'group_left', 'group_right']) {
        if (this.isId(mod)) throw new PromqlError(`the "${mod}" modifier is not supported`, this.peek().at);
      }
      if (op === '%' || op === '^' || op === 'atan2') throw new PromqlError(`the "${op}" operator is not supported`, t.at);
      const rhs = op === '^' ? this.binary(level) : this.binary(level + 1);
      lhs = this.combine(op as CompareOp | ArithOp | SetOp, lhs, rhs, t.at);
    }
  }

  private combine(op: CompareOp | ArithOp | SetOp, lhs: Expr, rhs: Expr, at: number): Expr {
    const a = typeOf(lhs);
    const b = typeOf(rhs);
    if (a === 'matrix' || b === 'matrix') throw new PromqlError(`"${op}" needs instant vectors or numbers, not a range vector (use a function such as increase())`, at);
    if (op === 'and' || op === 'or' || op === 'unless') {
      if (a !== 'vector' || b !== 'vector') throw new PromqlError(`"${op}" needs a vector on each side`, at);
    } else if (a === 'vector' && b === 'vector') {
      throw new PromqlError(`"${op}" between two vectors is not supported (only between a vector and a number)`, at);
    } else if (a === 'scalar' && b === 'scalar' && ['==', '!=', '<', '>', '<=', '>='].includes(op)) {
      throw new PromqlError(`comparisons between two numbers need the bool modifier, which is not supported`, at);
    }
    return { kind: 'binary', op, lhs, rhs };
  }

  private unary(): Expr {
    if (this.isOp('-') || this.isOp('+')) {
      const t = this.next();
      const arg = this.unary();
      if (typeOf(arg) === 'matrix') throw new PromqlError('unary minus needs a vector or a number', t.at);
      if (t.s === '+') return arg;
      return arg.kind === 'number' ? { kind: 'number', value: -arg.value } : { kind: 'neg', arg };
    }
    return this.postfix(this.primary());
  }

  private postfix(e: Expr): Expr {
    if (this.isOp('[')) {
      const open = this.next();
      if (e.kind !== 'selector') throw new PromqlError('a range [..] applies only to a plain selector (subqueries are not supported)', open.at);
      const d = this.next();
      if (d.t !== 'dur') throw new PromqlError(`expected a duration such as 5m inside [ ], found ${describe(d)}`, d.at);
      if (this.isOp(':')) throw new PromqlError('subqueries are not supported', this.peek().at);
      this.expect(']');
      e = { kind: 'range', selector: e, rangeMs: d.value! };
    }
    if (this.isId('offset')) throw new PromqlError('the "offset" modifier is not supported', this.peek().at);
    if (this.isOp('@')) throw new PromqlError('the "@" modifier is not supported', this.peek().at);
    return e;
  }

  private primary(): Expr {
    const t = this.peek();
    if (t.t === 'num') {
      this.next();
      return { kind: 'number', value: t.value! };
    }
    if (t.t === 'dur') throw new PromqlError(`a duration (${t.s}) is only allowed inside [ ]`, t.at);
    if (t.t === 'str') throw new PromqlError('a string is not a value in the supported subset', t.at);
    if (t.t === 'op' && t.s === '(') {
      this.next();
      const e = this.binary(0);
      this.expect(')');
      return e;
    }
    if (t.t === 'op' && t.s === '{') return this.selector(null, t.at);
    if (t.t === 'id') {
      const name = t.s;
      const lower = name.toLowerCase();
      if (lower === 'inf' || lower === 'nan') {
        this.next();
        return { kind: 'number', value: lower === 'inf' ? Infinity : NaN };
      }
      if (AGGS.has(name)) return this.aggregate();
      if (KNOWN_UNSUPPORTED.has(name)) throw new PromqlError(`the aggregation "${name}" is not supported (sum, min, max, count, avg are)`, t.at);
      const after = this.toks[this.i + 1];
      if (after.t === 'op' && after.s === '(') return this.call();
      this.next();
      return this.selector(name, t.at);
    }
    throw new PromqlError(`unexpected ${describe(t)}`, t.at);
  }

  private selector(name: string | null, at: number): Expr {
    const matchers: Matcher[] = [];
    if (this.isOp('{')) {
      this.next();
      while (!this.isOp('}')) {
        const l = this.next();
        if (l.t !== 'id') throw new PromqlError(`expected a label name, found ${describe(l)}`, l.at);
        const op = this.next();
        if (op.t !== 'op' || !['=', '!=', '=~', '!~'].includes(op.s)) throw new PromqlError(`expected =, !=, =~ or !~ after ${l.s}, found ${describe(op)}`, op.at);
        const v = this.next();
        if (v.t !== 'str') throw new PromqlError(`expected a quoted label value, found ${describe(v)}`, v.at);
        if (op.s === '=~' || op.s === '!~') checkRegex(v.s, v.at);
        matchers.push({ label: l.s, op: op.s as Matcher['op'], value: v.s });
        if (this.isOp(',')) this.next();
        else if (!this.isOp('}')) throw new PromqlError(`expected "," or "}", found ${describe(this.peek())}`, this.peek().at);
      }
      this.next();
    }
    const nameMatch = matchers.find((m) => m.label === '__name__' && m.op === '=');
    const effective = name ?? nameMatch?.value ?? null;
    if (effective === null && !matchers.some((m) => !matchesEmpty(m))) throw new PromqlError('a selector needs a metric name or a matcher that does not match the empty string', at);
    return { kind: 'selector', name: effective, matchers: matchers.filter((m) => !(name === null && m === nameMatch)) };
  }

  private grouping(): { without: boolean; labels: string[] } | null {
    if (!this.isId('by') && !this.isId('without')) return null;
    const without = this.next().s === 'without';
    this.expect('(');
    const labels: string[] = [];
    while (!this.isOp(')')) {
      const l = this.next();
      if (l.t !== 'id') throw new PromqlError(`expected a label name, found ${describe(l)}`, l.at);
      labels.push(l.s);
      if (this.isOp(',')) this.next();
      else if (!this.isOp(')')) throw new PromqlError(`expected "," or ")", found ${describe(this.peek())}`, this.peek().at);
    }
    this.next();
    return { without, labels };
  }

  private aggregate(): Expr {
    const opTok = this.next();
    let g = this.grouping();
    const open = this.expect('(');
    const arg = this.binary(0);
    if (this.isOp(',')) throw new PromqlError(`"${opTok.s}" takes one argument here`, this.peek().at);
    this.expect(')');
    const after = this.grouping();
    if (g !== null && after !== null) throw new PromqlError('by/without given twice', opTok.at);
    g = g ?? after;
    if (typeOf(arg) !== 'vector') throw new PromqlError(`"${opTok.s}" needs an instant vector`, open.at);
    return { kind: 'aggregate', op: opTok.s as AggOp, without: g?.without ?? false, labels: g === null ? null : g.labels, arg };
  }

  private call(): Expr {
    const f = this.next();
    const open = this.expect('(');
    const args: Expr[] = [];
    while (!this.isOp(')')) {
      args.push(this.binary(0));
      if (this.isOp(',')) this.next();
      else if (!this.isOp(')')) throw new PromqlError(`expected "," or ")", found ${describe(this.peek())}`, this.peek().at);
    }
    this.next();
    if (f.s === 'absent') {
      if (args.length !== 1 || typeOf(args[0]) !== 'vector') throw new PromqlError('absent() takes one instant vector', open.at);
      return { kind: 'absent', arg: args[0] };
    }
    if (RANGE_FNS.has(f.s)) {
      const a = args[0];
      if (args.length !== 1 || a.kind !== 'range') throw new PromqlError(`${f.s}() takes one range selector, e.g. ${f.s}(x[5m])`, open.at);
      return { kind: 'rangeFn', fn: f.s as RangeFn, arg: a };
    }
    throw new PromqlError(`the function "${f.s}" is not supported (absent, ${[...RANGE_FNS].join(', ')} are)`, f.at);
  }
}

function describe(t: Tok): string {
  return t.t === 'eof' ? 'the end of the expression' : t.t === 'str' ? `the string ${JSON.stringify(t.s)}` : `"${t.s}"`;
}

function checkRegex(re: string, at: number): void {
  try {
    new RegExp(`^(?:${re})$`, 'u');
  } catch (e) {
    throw new PromqlError(`bad regular expression ${JSON.stringify(re)}: ${(e as Error).message}`, at);
  }
}

export function matchesEmpty(m: Matcher): boolean {
  return matchValue(m, '');
}

const REGEX_CACHE = new Map<string, RegExp>();

/** Whether a label value (absent labels are "") satisfies the matcher; regexes are anchored as in Prometheus. */
export function matchValue(m: Matcher, value: string): boolean {
  switch (m.op) {
    case '=':
      return value === m.value;
    case '!=':
      return value !== m.value;
    default: {
      let re = REGEX_CACHE.get(m.value);
      if (re === undefined) {
        re = new RegExp(`^(?:${m.value})$`, 'su');
        REGEX_CACHE.set(m.value, re);
      }
      return re.test(value) === (m.op === '=~');
    }
  }
}

export function typeOf(e: Expr): ValueType {
  switch (e.kind) {
    case 'number':
      return 'scalar';
    case 'range':
      return 'matrix';
    case 'neg':
      return typeOf(e.arg);
    case 'binary':
      return typeOf(e.lhs) === 'scalar' && typeOf(e.rhs) === 'scalar' ? 'scalar' : 'vector';
    default:
      return 'vector';
  }
}

/** Parses an expression; a PromqlError carries the offset of the problem. */
export function parsePromql(src: string): Expr {
  return new Parser(lex(src)).parseAll();
}

/** The longest range any range selector in the expression looks back, ms (0 when none). */
export function longestRangeMs(e: Expr): number {
  switch (e.kind) {
    case 'range':
      return e.rangeMs;
    case 'rangeFn':
      return e.arg.rangeMs;
    case 'aggregate':
    case 'absent':
    case 'neg':
      return longestRangeMs(e.arg);
    case 'binary':
      return Math.max(longestRangeMs(e.lhs), longestRangeMs(e.rhs));
    default:
      return 0;
  }
}
