// How tune's outputs write a number (src/stats/format.ts), so a figure reads
// the same in the evidence table, the missed-goal text and the summaries; an
// unbounded value is "∞".
import { groupedNumber } from '../stats/format.js';

export function fmt(x: number): string {
  return Number.isFinite(x) ? groupedNumber(x) : '∞';
}
