// Where a command writes and what it reads from its surroundings: stdout, stderr, the
// environment, the command line, the exit code. The `raftsim` process uses its own; an
// in-process run (runCli: tests, embedding) gets its own streams and exit code, isolated from
// other runs going on at the same time (an AsyncLocalStorage context follows each run's awaits).
import { AsyncLocalStorage } from 'node:async_hooks';

/** What a command writes to: process.stdout/stderr, or anything with write(). */
export interface OutStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface CliIo {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly env: NodeJS.ProcessEnv;
}

interface Context extends CliIo {
  /** The arguments as given (without node and the script). */
  readonly argv: readonly string[];
  /** Whether SIGINT/SIGTERM handlers may be installed: only the raftsim process's own run. */
  readonly signals: boolean;
  exitCode: number;
}

const store = new AsyncLocalStorage<Context>();
let processContext: Context | undefined;

/** The real process's context, for code that runs outside runCli (a library caller, a test). */
function fromProcess(): Context {
  processContext ??= {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    argv: process.argv.slice(2),
    signals: false,
    get exitCode() {
      return typeof process.exitCode === 'number' ? process.exitCode : 0;
    },
    set exitCode(c: number) {
      process.exitCode = c;
    },
  };
  return processContext;
}

function current(): Context {
  return store.getStore() ?? fromProcess();
}

/** The streams and environment of the run this code belongs to. */
export function io(): CliIo {
  return current();
}

/** The command line of the run this code belongs to (as typed, after `raftsim`). */
export function commandArgs(): readonly string[] {
  return current().argv;
}

/** Whether this run owns the process's signals (the raftsim binary, not an in-process run). */
export function ownsSignals(): boolean {
  return current().signals;
}

/** Sets the exit code this run ends with (what process.exitCode is for the binary). */
export function setExitCode(code: number): void {
  current().exitCode = code;
}

/** Thrown to end a run at once with `code` (what process.exit is for the binary). */
export class ExitNow {
  constructor(readonly code: number) {}
}

/** Ends the run at once with `code`; the binary exits without waiting for anything still pending. */
export function exitNow(code: number): never {
  throw new ExitNow(code);
}

/** Runs `body` with its own streams, environment, arguments and exit code; returns the exit code. */
export async function withIo(cli: CliIo & { argv: readonly string[]; signals: boolean }, body: () => Promise<void>): Promise<number> {
  const ctx: Context = { stdout: cli.stdout, stderr: cli.stderr, env: cli.env, argv: cli.argv, signals: cli.signals, exitCode: 0 };
  await store.run(ctx, body);
  return ctx.exitCode;
}
