// The command that reproduces a report's results exactly (same scenario, seed,
// trials and overrides), printed in the report's summary.
import { shellQuote } from '../run/replay-command.js';
import type { ResultHeader } from '../verdict/result.js';

export function scenarioArg(file: string): string {
  return file.startsWith('builtin:') ? file.slice('builtin:'.length) : file;
}

/**
 * Overrides as flags: `trials=N` → `--trials N` (first, for readability: the CLI
 * applies --trials after every --set whatever the order), anything else → `--set k=v`.
 */
export function overrideFlags(overrides: readonly string[]): string[] {
  const trials: string[] = [];
  const sets: string[] = [];
  for (const o of overrides) {
    const m = /^trials=(\d+)$/.exec(o);
    if (m) trials.push('--trials', m[1]);
    else sets.push('--set', shellQuote(o));
  }
  return [...trials.slice(-2), ...sets];
}

export function reproduceCommand(kind: 'run' | 'sweep', h: ResultHeader, extra: readonly string[] = ['--html']): string {
  // Results saved before `overrides` was recorded: --trials at least pins the trial count.
  const flags = h.overrides === undefined ? ['--trials', String(h.trials)] : overrideFlags(h.overrides);
  const parts = ['raftsim', kind, shellQuote(scenarioArg(h.file)), '--seed', shellQuote(h.seed), ...flags, ...extra];
  return parts.join(' ');
}
