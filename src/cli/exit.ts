// Exit codes and the last line of defence: bad input gets a clear message,
// never a stack trace.
import { ScenarioError, formatScenarioError } from '../scenario/errors.js';
import { clipLines } from '../scenario/clip.js';

export const EXIT = { ok: 0, expectationFailed: 1, badInput: 2, safetyViolation: 3 } as const;

/** An error that is the user's to fix (bad flags, missing files): printed without a stack. */
export class UsageError extends Error {}

export function handleFailure(err: unknown): never {
  if (err instanceof ScenarioError) {
    process.stderr.write(`${formatScenarioError(err)}\n`);
    process.exit(EXIT.badInput);
  }
  // A plug-in module that cannot be loaded (also when the error crossed from a worker thread).
  if (err instanceof Error && err.name === 'PluginError') {
    process.stderr.write(`raftsim: ${clipLines(err.message)}\n`);
    process.exit(EXIT.badInput);
  }
  if (err instanceof UsageError) {
    process.stderr.write(`raftsim: ${clipLines(err.message)}\n`);
    process.exit(EXIT.badInput);
  }
  const e = err as NodeJS.ErrnoException;
  if (e && (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR')) {
    process.stderr.write(`raftsim: ${clipLines(e.message)}\n`);
    process.exit(EXIT.badInput);
  }
  // A bug in raftsim itself: say so, with the stack, so it can be reported.
  process.stderr.write(`raftsim: internal error (please report it with the command you ran):\n${e?.stack ?? String(err)}\n`);
  process.exit(70);
}
