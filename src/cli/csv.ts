// CSV for the terminal's tables (--csv): RFC 4180 quoting, one header row.

export function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvTable(t: { header: readonly string[]; rows: readonly (readonly string[])[] }): string {
  return [t.header, ...t.rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
