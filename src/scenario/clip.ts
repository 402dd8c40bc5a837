// Keeps user-supplied text short in messages: a 900 KB key or value is shown
// by its start and its length, never echoed whole.

/** `text` if at most `max` characters, else its start, an ellipsis and the full length. */
export function clipText(text: string, max = 80): string {
  if (text.length <= max) return text;
  const keep = Math.max(8, max - 24);
  return `${text.slice(0, keep)}… (${text.length.toLocaleString('en-US')} characters)`;
}

/** Every line clipped to `maxLine` characters and at most `maxLines` lines. */
export function clipLines(text: string, maxLine = 300, maxLines = 12): string {
  const lines = text.split('\n');
  const shown = lines.slice(0, maxLines).map((l) => clipText(l, maxLine));
  if (lines.length > maxLines) shown.push(`… (${lines.length - maxLines} more lines)`);
  return shown.join('\n');
}
