// Keeping interrupted work, for every command that runs many trials (gather.ts
// for run/sweep/check, tune.ts): SIGINT/SIGTERM handling, paced checkpoints of
// finished trials, and the command line that resumes from them.
import { rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { writeFileAtomic } from './files.js';
import { commandArgs, exitNow, io, ownsSignals } from './io.js';

/** How often finished trials are saved while a run goes (RAFTSIM_CHECKPOINT_MS overrides; 0 = after every batch). */
function checkpointEveryMs(): number {
  const v = Number(io().env.RAFTSIM_CHECKPOINT_MS);
  return Number.isFinite(v) && v >= 0 ? v : 2_000;
}

export interface Checkpoints {
  /** Saves if the pause since the last save has passed. */
  maybe(): void;
  /**
   * Interrupted: saves now and ends the run with `exitCode`, saying what was kept
   * (`kept()`, e.g. "1200 of 4000 trials") and the line that resumes it.
   */
  keepAndExit(kept: () => string, exitCode: number): never;
  /** Finished: removes the partial file if this run wrote it or resumed from it (a --resume file elsewhere is the user's). */
  discard(resumedFrom: string | undefined): void;
}

/**
 * Paced saves of `text()` to `path`. Each save rewrites every finished trial, so the
 * wait between saves grows with what one costs (at least ten times as long): saving
 * stays under ~10% of the run however long it gets.
 */
export function checkpoints(path: string, text: () => string): Checkpoints {
  const every = checkpointEveryMs();
  let last = Date.now();
  let gapMs = every;
  let wrote = false;
  const now = () => {
    const t0 = Date.now();
    writeFileAtomic(path, text());
    wrote = true;
    last = Date.now();
    gapMs = Math.max(every, 10 * (last - t0));
  };
  return {
    maybe: () => {
      if (Date.now() - last >= gapMs) now();
    },
    keepAndExit: (kept, exitCode) => {
      try {
        now();
      } catch (e) {
        io().stderr.write(`interrupted, and the finished trials could not be kept: ${(e as Error).message}\n`);
        exitNow(exitCode);
      }
      io().stderr.write(`interrupted: kept ${kept()} in ${path}\nresume with: ${resumeCommand(path)}\n`);
      exitNow(exitCode);
    },
    discard: (resumedFrom) => {
      if (wrote || (resumedFrom !== undefined && resolve(resumedFrom) === resolve(path))) rmSync(path, { force: true });
    },
  };
}

/**
 * How to start raftsim in a line the user pastes: `raftsim` when it ran as the installed
 * `raftsim` bin, else `npx raftsim` (through npx, or `node dist/cli/main.js` in a clone,
 * where no `raftsim` is on PATH).
 */
function invokedAs(): string[] {
  if (io().env.npm_command !== 'exec' && basename(process.argv[1] ?? '') === 'raftsim') return ['raftsim'];
  return ['npx', 'raftsim'];
}

/** The command line as typed, with --resume pointing at the partial file. */
function resumeCommand(partialPath: string): string {
  const args = commandArgs();
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--resume') i++;
    else if (!args[i].startsWith('--resume=')) kept.push(args[i]);
  }
  return [...invokedAs(), ...kept, '--resume', partialPath].map(shellQuote).join(' ');
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * SIGINT and SIGTERM abort: running batches finish and what finished is kept. A second signal exits
 * at once. Only the raftsim process's own run listens (an in-process run leaves signals alone).
 */
export function interruptible(): { signal: AbortSignal; dispose: () => void; exitCode: () => number } {
  const ac = new AbortController();
  let code = 130;
  if (!ownsSignals()) return { signal: ac.signal, exitCode: () => code, dispose: () => {} };
  const stderr = io().stderr;
  const on = (sig: NodeJS.Signals) => () => {
    if (ac.signal.aborted) {
      stderr.write(`\n${sig} again: quitting now; trials finished since the last checkpoint are lost\n`);
      process.exit(sig === 'SIGTERM' ? 143 : 130);
    }
    code = sig === 'SIGTERM' ? 143 : 130;
    stderr.write(`\n${sig}: finishing the trials in progress, then keeping every finished trial (again to quit now)\n`);
    ac.abort();
  };
  const onInt = on('SIGINT');
  const onTerm = on('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    signal: ac.signal,
    exitCode: () => code,
    dispose: () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}
