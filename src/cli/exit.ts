// Exit codes and the last line of defence: bad input gets a clear message,
// never a stack trace.
import { ScenarioError, formatScenarioError } from '../scenario/errors.js';
import { clipLines } from '../scenario/clip.js';
import { io } from './io.js';

export const EXIT = { ok: 0, expectationFailed: 1, badInput: 2, safetyViolation: 3 } as const;

/** An error that is the user's to fix (bad flags, missing files): printed without a stack. */
export class UsageError extends Error {}

/** Prints what went wrong to this run's stderr and returns the exit code it ends with. */
export function failureCode(err: unknown): number {
  if (err instanceof ScenarioError) {
    io().stderr.write(`${formatScenarioError(err)}\n`);
    return EXIT.badInput;
  }
  // A plug-in module that cannot be loaded (also when the error crossed from a worker thread).
  if (err instanceof Error && err.name === 'PluginError') {
    io().stderr.write(`raftsim: ${clipLines(err.message)}\n`);
    return EXIT.badInput;
  }
  if (err instanceof UsageError) {
    io().stderr.write(`raftsim: ${clipLines(err.message)}\n`);
    return EXIT.badInput;
  }
  const e = err as NodeJS.ErrnoException;
  if (e && (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR')) {
    io().stderr.write(`raftsim: ${clipLines(e.message)}\n`);
    return EXIT.badInput;
  }
  // A bug in raftsim itself: say so, with the stack, so it can be reported.
  io().stderr.write(`raftsim: internal error (please report it with the command you ran):\n${e?.stack ?? String(err)}\n`);
  return 70;
}
