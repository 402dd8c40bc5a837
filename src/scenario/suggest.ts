// "Did you mean …?" for misspelt keys, enum values and metric names.

/** Optimal-string-alignment distance: Levenshtein plus adjacent transpositions ("pasue" → "pause" is 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  // Long inputs cannot be near any key we know; bound the O(n·m) work.
  if (a.length > 200 || b.length > 200) return Math.max(a.length, b.length);
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}

/**
 * The candidate nearest to `word`, when it is near enough to be a plausible typo:
 * a case-insensitive match, or at most max(2, ⌊len/3⌋) edits away. Ties go to the
 * earlier candidate, so callers list the most common choices first.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const d = c.toLowerCase() === lower ? 0.5 : editDistance(lower, c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** "a, b, c, … (12 in all)": keeps one-screen messages short. */
export function listChoices(choices: readonly string[], max = 12): string {
  const shown = choices.slice(0, max).map((c) => JSON.stringify(c));
  return choices.length > max ? `${shown.join(', ')}, … (${choices.length} in all)` : shown.join(', ');
}
