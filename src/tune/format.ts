// How tune's outputs write a number: whole and grouped from 100 up ("1,591"),
// three significant digits below ("47.1"), so a figure reads the same in the
// evidence table, the missed-goal text and the summaries.
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return '∞';
  return x >= 100 ? Math.round(x).toLocaleString('en-US') : String(Number(x.toPrecision(3)));
}
