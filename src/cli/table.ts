// Plain-text tables for the terminal.
import { wrapWords } from './width.js';

export function table(header: readonly string[], rows: readonly (readonly string[])[], alignRight: (col: number) => boolean = (c) => c > 0): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (alignRight(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export interface FitOptions {
  /** The widest a line may be. */
  readonly width: number;
  /** Columns that may be left out when the table is too wide, least important first. */
  readonly dropFirst?: readonly number[];
  /** A left-aligned column whose cells may be clipped (with "…") when dropping is not enough. */
  readonly clip?: number;
  /**
   * The last resort when still too wide: one block per row (asRecords) with this many cells
   * as its heading, every column shown. Without it the table is returned as it came out.
   */
  readonly records?: number;
}

/**
 * A table that fits `width` columns: leaves out the droppable columns, least important first,
 * until it fits, then clips the clippable column, then (when asked) becomes one block per row.
 * Returns the headers it left out, so the caller can say so (the numbers are all in --json).
 */
export function fitTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  alignRight: (col: number) => boolean,
  o: FitOptions,
): { text: string; dropped: string[] } {
  let cols = header.map((_, i) => i);
  const render = () => {
    const h = cols.map((c) => header[c]);
    const r = rows.map((row) => cols.map((c) => row[c] ?? ''));
    return table(h, r, (i) => alignRight(cols[i]));
  };
  let text = render();
  for (const d of o.dropFirst ?? []) {
    if (widest(text) <= o.width) break;
    cols = cols.filter((c) => c !== d);
    text = render();
  }
  if (widest(text) > o.width && o.clip !== undefined && cols.includes(o.clip)) {
    const over = widest(text) - o.width;
    const current = Math.max(header[o.clip].length, ...rows.map((r) => (r[o.clip!] ?? '').length));
    const room = Math.max(header[o.clip].length, 8, current - over);
    const clipped = rows.map((r) => r.map((cell, c) => (c === o.clip && cell.length > room ? `${cell.slice(0, room - 1)}…` : cell)));
    const h = cols.map((c) => header[c]);
    text = table(h, clipped.map((row) => cols.map((c) => row[c] ?? '')), (i) => alignRight(cols[i]));
  }
  if (widest(text) > o.width && o.records !== undefined) return { text: asRecords(header, rows, o.width, o.records), dropped: [] };
  const dropped = header.filter((_, i) => !cols.includes(i));
  return { text, dropped };
}

/** The widest line of a block of text. */
export function widest(text: string): number {
  return Math.max(...text.split('\n').map((l) => l.length));
}

/**
 * A table too wide for any trimming, as one block per row: its first `headingCells` cells as a
 * heading, then "header: cell" pairs wrapped to `width` under it.
 */
function asRecords(header: readonly string[], rows: readonly (readonly string[])[], width: number, headingCells = 2): string {
  return rows
    .map((row) => {
      const head = row.slice(0, headingCells).filter((c) => c !== '').join(' — ');
      const pairs = header.slice(headingCells).map((h, i) => `${h}: ${row[i + headingCells] ?? ''}`);
      return `${wrapWords(head, width, '  ')}\n${wrapWords(pairs.join('; '), width, '    ', '    ')}`;
    })
    .join('\n');
}

/** A number for people: fixed decimals, "—" for null, "> horizon" where censored. */
export function num(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined) return '—';
  return x.toFixed(digits);
}

export function pct(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`;
}
