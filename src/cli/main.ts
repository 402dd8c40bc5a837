#!/usr/bin/env node
// raftsim: the command line (the package's bin). Everything but the process itself (argv, the
// real streams, the exit) is runCli's (run-cli.ts), which tests and embedders call in-process.
import { runCliOutcome } from './run-cli.js';
import { failureCode } from './exit.js';

// A closed pipe (raftsim schema | head) is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

runCliOutcome(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }, true).then(
  ({ code, immediate }) => {
    if (immediate) process.exit(code);
    process.exitCode = code;
  },
  // runCli reports every failure itself; should anything escape it, the same last line of defence.
  (e: unknown) => process.exit(failureCode(e)),
);
