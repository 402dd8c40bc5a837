// Every failure is a replay command (design rule 7): the one line that
// reproduces a trial exactly, with the same overrides.
import { relative } from 'node:path';
import type { ResolvedScenario } from '../scenario/types.js';

export function replayCommand(s: ResolvedScenario, trial: number, sets: readonly string[] = []): string {
  const file = s.file.startsWith('builtin:') ? s.file.slice(8) : relative(process.cwd(), s.file) || s.file;
  const extra = sets.map((kv) => ` --set ${shellQuote(kv)}`).join('');
  return `raftsim replay ${shellQuote(file)} --seed ${shellQuote(s.seed)} --trial ${trial}${extra}`;
}

export function shellQuote(s: string): string {
  return /^[\w./:=@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
