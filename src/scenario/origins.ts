// Where a key of the merged scenario came from — the file itself, a file it
// extends, a --set override or a sweep point — so a Problem can be reported at
// file:line:column with the source line beneath it.
import { isAbsolute, relative } from 'node:path';
import { ScenarioError, formatKeyPath, type KeyPath } from './errors.js';
import type { Problem } from './issues.js';
import { SourceIndex } from './locate.js';

export interface Doc {
  readonly abs: string;
  /** As shown in messages: relative to the working directory when inside it. */
  readonly display: string;
  readonly index: SourceIndex;
}

export function makeDoc(abs: string, text: string): Doc {
  return { abs, display: displayPath(abs), index: new SourceIndex(text) };
}

export function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

/** A --set override: its dotted key and the whole "key=value" text. */
export interface OverrideOrigin {
  readonly segments: readonly string[];
  readonly text: string;
}

/** One coordinate of a sweep point: key, which of its values, and the value. */
export interface SweepOrigin {
  readonly key: string;
  readonly segments: readonly string[];
  readonly valueIndex: number;
  readonly value: unknown;
}

const startsWith = (path: KeyPath, prefix: readonly string[]) => prefix.length <= path.length && prefix.every((s, i) => String(path[i]) === s);

export class Origins {
  constructor(
    readonly docs: readonly Doc[],
    readonly overrides: readonly OverrideOrigin[] = [],
    readonly sweep: readonly SweepOrigin[] = [],
  ) {}

  withSweepPoint(sweep: readonly SweepOrigin[]): Origins {
    return new Origins(this.docs, this.overrides, sweep);
  }

  /** The ScenarioError for a problem, placed where the user can fix it. */
  error(p: Problem, more = 0): ScenarioError {
    const where = this.place(p.path, p.at ?? 'value');
    const point = this.sweep.map((s) => `${s.key}=${JSON.stringify(s.value)}`).join(', ');
    return new ScenarioError({
      ...where,
      keyPath: p.path.length === 0 ? '(top level)' : formatKeyPath(p.path),
      message: point === '' ? p.message : `${p.message} (at sweep point ${point})`,
      expected: p.expected,
      suggestion: p.suggestion,
      hint: p.hint,
      more,
    });
  }

  /** A sort key for reporting the earliest problem first: [file order, line, column]. */
  order(p: Problem): [number, number, number] {
    const w = this.place(p.path, p.at ?? 'value');
    const docIndex = this.docs.findIndex((d) => d.display === w.file);
    return [docIndex < 0 ? -1 : docIndex, w.line, w.column];
  }

  private place(path: KeyPath, at: 'key' | 'value'): { file: string; line: number; column: number; sourceLine?: string } {
    for (let i = this.overrides.length - 1; i >= 0; i--) {
      const o = this.overrides[i];
      if (startsWith(path, o.segments)) return { file: '--set', line: 1, column: o.text.indexOf('=') + 2, sourceLine: o.text };
    }
    const s = this.sweepCoordinateFor(path);
    if (s !== undefined) return this.inDocs(['sweep', s.key, s.valueIndex], 'value');
    return this.inDocs(path, at);
  }

  /**
   * The swept key a problem is about: the one sharing the longest prefix with its
   * path, when they share the key itself or at least its object (sweeping
   * raft.electionTimeout.max can make raft.electionTimeout.min wrong).
   */
  private sweepCoordinateFor(path: KeyPath): SweepOrigin | undefined {
    let best: { s: SweepOrigin; n: number } | undefined;
    for (const s of this.sweep) {
      let n = 0;
      while (n < s.segments.length && n < path.length && String(path[n]) === s.segments[n]) n++;
      if (n >= Math.min(2, s.segments.length) && (best === undefined || n > best.n)) best = { s, n };
    }
    return best?.s;
  }

  /** The document that has the longest prefix of the path (ties: the file itself before its bases). */
  private inDocs(path: KeyPath, at: 'key' | 'value'): { file: string; line: number; column: number; sourceLine?: string } {
    let best: { doc: Doc; pos: { line: number; column: number }; depth: number } | null = null;
    for (const doc of this.docs) {
      const { pos, depth } = doc.index.locate(path, at);
      if (best === null || depth > best.depth) best = { doc, pos, depth };
    }
    if (best === null) return { file: '(scenario)', line: 0, column: 0 };
    return { file: best.doc.display, ...best.pos, sourceLine: best.doc.index.lineText(best.pos.line) };
  }
}
