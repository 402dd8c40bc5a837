// Plain-text tables for the terminal.

export function table(header: readonly string[], rows: readonly (readonly string[])[], alignRight: (col: number) => boolean = (c) => c > 0): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (alignRight(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A number for people: fixed decimals, "—" for null, "> horizon" where censored. */
export function num(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined) return '—';
  return x.toFixed(digits);
}

export function pct(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`;
}
