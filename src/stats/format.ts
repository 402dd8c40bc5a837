// How a figure is written everywhere a statistic is shown (reports, tune's
// tables and texts): whole and grouped from 100 up ("1,591"), `digits`
// significant digits below ("47.1").
export function groupedNumber(x: number, digits = 3): string {
  if (x === 0) return '0';
  if (Math.abs(x) >= 100) return Math.round(x).toLocaleString('en-US');
  return String(Number(x.toPrecision(digits)));
}
