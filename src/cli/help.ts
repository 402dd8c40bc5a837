// Help examples as a list (the command on its own line, what it does under it),
// so that no terminal width breaks a command in the middle, as yargs's
// two-column layout did at 80 columns. Used as each command's epilogue.

export type Example = readonly [command: string, what: string];

export function examplesText(examples: readonly Example[]): string {
  const lines = ['Examples:'];
  for (const [cmd, what] of examples) {
    lines.push(`  ${cmd}`);
    if (what !== '') lines.push(`      ${what}`);
  }
  return lines.join('\n');
}
