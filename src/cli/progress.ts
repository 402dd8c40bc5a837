// A progress bar on stderr for long work, only when stderr is a terminal.
import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';
import { clipEnd, terminalColumns } from './width.js';
import { io } from './io.js';

export interface Progress {
  update(done: number, total: number): void;
  /** Names the configuration now running (sweeps and checks), shown after the bar. */
  running(label: string): void;
  /** How many threads run the trials, shown after the count. */
  threads(n: number): void;
  stop(): void;
}

export function progressBar(label: string): Progress {
  const stderr = io().stderr;
  if (!stderr.isTTY) return { update() {}, running() {}, threads() {}, stop() {} };
  // Loaded only for a terminal: piped and CI runs never pay for it.
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  const cols = terminalColumns(stderr);
  const bar = new cliProgress.SingleBar(
    { stream: stderr as NodeJS.WritableStream, format: `${label} [{bar}] {value}/{total} trials{threads} · {eta_formatted} left{running}`, hideCursor: true, clearOnComplete: true, barsize: cols < 100 ? 20 : 40, linewrap: false },
    cliProgress.Presets.shades_classic,
  );
  // What is left of the line after the bar goes to the running configuration's name.
  const room = Math.max(0, cols - label.length - (cols < 100 ? 20 : 40) - 40);
  let started = false;
  let runningText = '';
  let threadsText = '';
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0, { running: runningText, threads: threadsText });
        started = true;
      }
      bar.update(done, { running: runningText, threads: threadsText });
    },
    running(text) {
      runningText = room < 12 ? '' : ` · ${clipEnd(text, room - 3)}`;
      if (started) bar.update({ running: runningText });
    },
    threads(n) {
      threadsText = ` on ${n} thread${n === 1 ? '' : 's'}`;
      if (started) bar.update({ threads: threadsText });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
