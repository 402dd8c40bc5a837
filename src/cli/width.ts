// Terminal width for everything raftsim prints: one place that decides how
// wide a line may be, and the helpers that make text fit it.
//
// Width: $COLUMNS when set (a whole number; what a test or a CI log asks for),
// else the terminal's own width, else (output piped to a file or a program)
// PIPED_COLUMNS. Prose never runs wider than PROSE_MAX even on a wide terminal.

import { io } from './io.js';

/** Lines of output not going to a terminal, without $COLUMNS. */
export const PIPED_COLUMNS = 120;
/** The widest a paragraph of prose gets. */
export const PROSE_MAX = 100;
/** Never narrower than this, however small the window. */
const MIN_COLUMNS = 40;

/** The width output to `stream` may use (stdout by default). */
export function terminalColumns(stream: { isTTY?: boolean; columns?: number } = io().stdout, env: NodeJS.ProcessEnv = io().env): number {
  const fromEnv = env.COLUMNS !== undefined && /^\d{1,4}$/.test(env.COLUMNS.trim()) ? Number(env.COLUMNS) : 0;
  if (fromEnv > 0) return Math.max(MIN_COLUMNS, fromEnv);
  if (stream.isTTY && typeof stream.columns === 'number' && stream.columns > 0) return Math.max(MIN_COLUMNS, stream.columns);
  return PIPED_COLUMNS;
}

/** The width of a paragraph of prose on this terminal. */
export function proseColumns(columns = terminalColumns()): number {
  return Math.min(PROSE_MAX, columns);
}

/** `text` cut to `width` characters, with "…" when cut. */
export function clipEnd(text: string, width: number): string {
  if (text.length <= width) return text;
  if (width <= 1) return text.slice(0, Math.max(0, width));
  return `${text.slice(0, width - 1).trimEnd()}…`;
}

/**
 * Word-wraps `text` to `width` columns; continuation lines start with `indent`,
 * the first line with `firstIndent` (default none). A word longer than a
 * line (a path, a command) stays whole on its own line rather than being cut.
 */
export function wrapWords(text: string, width: number, indent = '', firstIndent = ''): string {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let cur = firstIndent;
  let empty = true;
  for (const w of words) {
    const next = empty ? cur + w : `${cur} ${w}`;
    if (!empty && next.length > width) {
      lines.push(cur);
      cur = indent + w;
    } else cur = next;
    empty = false;
  }
  lines.push(cur);
  return lines.join('\n');
}

/**
 * "label  value" with the value wrapped under itself when the line is too long:
 *   safety   ok (election safety, log matching,
 *            leader completeness, …)
 */
export function labelled(label: string, labelWidth: number, value: string, width: number): string {
  const pad = ' '.repeat(labelWidth + 2);
  return wrapWords(value, width, pad, `${label.padEnd(labelWidth)}  `);
}

/** Items joined by `sep`, broken into lines of at most `width` between items (never inside one). */
export function joinWrapped(items: readonly string[], sep: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let cur = '';
  for (const it of items) {
    if (cur === '') cur = it;
    else if (cur.length + sep.length + it.length > width) {
      lines.push(cur + sep.trimEnd());
      cur = indent + it;
    } else cur += sep + it;
  }
  if (cur !== '') lines.push(cur);
  return lines.join('\n');
}
