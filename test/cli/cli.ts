// Shared helpers for the end-to-end tests of the `raftsim` command line.
//
// cli() runs the compiled command line (dist/) in this process by default: runCli, the same code
// the binary runs, with its own stdout, stderr, environment and exit code. `spawn: true` runs the
// real binary (node dist/cli/main.js) in a child process instead, for what needs a process:
// signals, the binary's own exit, a terminal, another working directory.
//
// The CLI runs from compiled JS (dist/). `ensureBuilt()` compiles it
// once when dist is missing or older than the sources; several test files run
// in parallel, so the build happens under a lock directory in os.tmpdir().
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root (this file is test/cli/cli.ts). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
/** The in-process entry (runCli) the binary wraps. */
export const RUN_CLI = join(ROOT, 'dist', 'cli', 'run-cli.js');
export const SCENARIOS_DIR = join(ROOT, 'scenarios');


const key = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
const LOCK = join(tmpdir(), `raftsim-cli-test-build-${key}.lock`);
const STAMP = join(tmpdir(), `raftsim-cli-test-build-${key}.stamp`);

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function mtime(p: string): number {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

function isStale(): boolean {
  if (!existsSync(MAIN) || !existsSync(RUN_CLI) || !existsSync(join(ROOT, 'dist', 'run', 'worker.js'))) return true;
  const sources = Math.max(newestMtime(join(ROOT, 'src')), mtime(join(ROOT, 'tsconfig.json')));
  return sources > Math.max(mtime(MAIN), mtime(STAMP));
}

/** Whether the process that took the lock is gone (a killed run): its pid is written inside. */
function lockAbandoned(): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
  } catch {
    return false; // released meanwhile
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Compiles src/ into dist/ (what `npm run build` does) when dist is missing or stale. */
export function ensureBuilt(): void {
  if (!isStale()) return;
  // Waits for another test file's build however long it takes (a busy machine must not fail a
  // test); only a lock whose owner process no longer exists (a killed run) is broken. No clock.
  for (;;) {
    // The lock appears with its pid already inside (a directory renamed into place), so a lock
    // without one never exists.
    const mine = mkdtempSync(`${LOCK}-`);
    writeFileSync(join(mine, 'pid'), String(process.pid));
    try {
      renameSync(mine, LOCK);
      break;
    } catch (e) {
      rmSync(mine, { recursive: true, force: true });
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' && code !== 'ENOTEMPTY') throw e;
      if (lockAbandoned()) rmSync(LOCK, { recursive: true, force: true });
      sleep(100);
    }
  }
  try {
    if (!isStale()) return; // another test file built it while we waited
    // The stamp's mtime is when this build started (written before, renamed after success), so a
    // source saved during the build still counts as newer than dist.
    const pending = `${STAMP}.pending`;
    writeFileSync(pending, '');
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed (tsc -p tsconfig.json, exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    renameSync(pending, STAMP);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The command, for failure messages. */
  readonly command: string;
}

/**
 * No process is killed on a timer: a slow machine must not fail a test. A process that hangs
 * is caught by vitest's test timeout (vitest.config.ts), a guard far above any real run.
 */
export interface CliOptions {
  readonly cwd?: string;
  /** Extra environment variables (e.g. COLUMNS). */
  readonly env?: Readonly<Record<string, string>>;
  /** Run the real binary in a child process (default: in this process, through runCli). */
  readonly spawn?: boolean;
}

/**
 * Runs `raftsim ...args` with stdout and stderr captured (not terminals): in this process by
 * default, byte for byte what the binary prints and exits with; in a child process with
 * `spawn: true`, or when another working directory is asked for (paths in the output and in the
 * arguments are relative to the process's own). Asynchronous, so that tests declared concurrent
 * run side by side.
 */
export function cli(args: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  const cwd = resolve(opts.cwd ?? ROOT);
  return opts.spawn === true || cwd !== process.cwd() ? spawnCli(args, opts) : inProcessCli(args, opts);
}

function cliEnv(opts: CliOptions): NodeJS.ProcessEnv {
  const env = { ...process.env, ...opts.env };
  delete env.FORCE_COLOR;
  return env;
}

/** The real binary, `node dist/cli/main.js ...args`, with piped stdio. */
export function spawnCli(args: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  const command = commandText(args);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: opts.cwd ?? ROOT, env: cliEnv(opts), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => reject(e));
    child.on('close', (code, signal) => {
      resolvePromise({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), command });
    });
  });
}

type RunCli = (argv: readonly string[], io: { stdout: { write(t: string): unknown }; stderr: { write(t: string): unknown }; env: NodeJS.ProcessEnv }) => Promise<number>;
let runCliFn: Promise<RunCli> | undefined;

/**
 * dist/cli/run-cli.js, loaded by Node itself (vitest.config.ts externalises dist/: no transform),
 * so that the code is exactly what the binary runs, with its worker threads.
 */
function loadRunCli(): Promise<RunCli> {
  ensureBuilt();
  runCliFn ??= import(/* @vite-ignore */ pathToFileURL(RUN_CLI).href).then((m: { runCli: RunCli }) => m.runCli);
  return runCliFn;
}

/**
 * runCli in this process, with its own captured streams, environment and exit code. A Node
 * warning raised meanwhile (which the binary would print on its stderr) is added to stderr, so a
 * test that wants a clean stderr still sees it (with runs side by side, in each run's stderr).
 */
export async function inProcessCli(args: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  const runCli = await loadRunCli();
  const out: string[] = [];
  const err: string[] = [];
  if (runningErr.size === 0) process.on('warning', onWarning);
  runningErr.add(err);
  try {
    const code = await runCli([...args], { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, env: cliEnv(opts) });
    return { code, signal: null, stdout: out.join(''), stderr: err.join(''), command: commandText(args) };
  } finally {
    runningErr.delete(err);
    if (runningErr.size === 0) process.off('warning', onWarning);
  }
}

/** The stderr of every in-process run going on now; one 'warning' listener serves them all. */
const runningErr = new Set<string[]>();
function onWarning(w: Error): void {
  for (const err of runningErr) err.push(`(node) ${w.name}: ${w.message}\n`);
}

function commandText(args: readonly string[]): string {
  return `raftsim ${args.map(quoteForDisplay).join(' ')}`;
}

function quoteForDisplay(a: string): string {
  return /^[\w./:=@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

/** A short description of a result for assertion messages. */
export function show(r: CliResult): string {
  return `${r.command}\n  exit ${r.code}${r.signal ? ` (killed by ${r.signal})` : ''}\n  stderr: ${r.stderr.slice(0, 1500)}\n  stdout: ${r.stdout.slice(0, 500)}`;
}

/** A fresh temporary directory; remove it with `rmSync(dir, { recursive: true, force: true })`. */
export function tempDir(tag: string): string {
  return mkdtempSync(join(tmpdir(), `raftsim-cli-${tag}-`));
}

/** Writes a scenario file and returns its absolute path. */
export function writeScenario(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** Lines of a Node/V8 stack trace or of Node's internals. */
export const STACK_LINE = /^\s*at\s+(?:.*\(|)(?:file:\/\/|node:|\/|[A-Za-z]:\\|<anonymous>|new |async )/m;

/** Problems with a "bad input" result: exit 2, a short message on stderr, no stack trace, nothing on stdout. */
/**
 * `where.line`: the 1-based line the message must point at (`file:line:column`); 'any' (the default when a
 * file is given) for some `file:line:column`; 'none' when the problem has no position (a missing or oversized file).
 */
export function badInputProblems(r: CliResult, where?: { file?: string; line?: number | 'any' | 'none' }): string[] {
  const problems: string[] = [];
  if (r.signal !== null) problems.push(`killed by ${r.signal}`);
  if (r.code !== 2) problems.push(`exit code ${r.code}, expected 2`);
  const err = r.stderr.trimEnd();
  if (err.trim() === '') problems.push('stderr is empty');
  const lines = err.split('\n');
  if (lines.length > 25) problems.push(`stderr has ${lines.length} lines, more than one screen`);
  if (STACK_LINE.test(r.stderr)) problems.push('stderr contains a stack-trace line');
  if (/node:internal/.test(r.stderr)) problems.push('stderr mentions node:internal');
  if (/internal error|This is a bug in raftsim/.test(r.stderr)) problems.push('reported as an internal error');
  if (r.stdout !== '') problems.push('stdout is not empty');
  if (where?.file !== undefined) {
    const name = basename(where.file);
    if (!r.stderr.includes(name)) problems.push(`stderr does not name the file ${name}`);
    const line = where.line ?? 'any';
    if (typeof line === 'number') {
      const at = new RegExp(`${escapeRe(name)}:${line}:\\d+`);
      if (!at.test(r.stderr)) problems.push(`stderr does not point at ${name}:${line}:<column>`);
    } else if (line === 'any' && !new RegExp(`${escapeRe(name)}:\\d+:\\d+`).test(r.stderr)) {
      problems.push(`stderr has no ${name}:<line>:<column> location`);
    }
  }
  return problems;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits a command line printed by raftsim (words, single-quoted words as shellQuote writes them). */
export function shellSplit(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unbalanced quote in ${line}`);
      cur += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (c === ' ' || c === '\t') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/** The arguments of a printed `raftsim replay …` line, ready for cli(). */
export function replayArgs(line: string): string[] {
  const words = shellSplit(line.trim());
  if (words[0] !== 'raftsim' || words[1] !== 'replay') throw new Error(`not a raftsim replay command: ${line}`);
  return words.slice(1);
}

/** Names of the built-in scenarios: scenarios/*.json5, without subdirectories such as _examples. */
export function builtinNames(): string[] {
  return readdirSync(SCENARIOS_DIR, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json5'))
    .map((e) => e.name.slice(0, -'.json5'.length))
    .sort();
}

/** Removes a temporary directory (best effort). */
export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Runs the CLI and sends `signal` once `watch` exists; resolves with the exit code and stderr. */
export function interrupted(args: string[], watch: string, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, env: { ...process.env, RAFTSIM_CHECKPOINT_MS: '0' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    let sent = false;
    const poll = () => {
      if (sent || child.exitCode !== null) return;
      if (existsSync(watch)) {
        sent = true;
        child.kill(signal);
      } else setTimeout(poll, 5); // a short pause between looks, so polling does not take a core from the run
    };
    poll();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}
