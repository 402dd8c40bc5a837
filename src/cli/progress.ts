// A progress bar on stderr for long work, only when stderr is a terminal.
import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';
import { clipEnd, terminalColumns } from './width.js';
import { io } from './io.js';

export interface Progress {
  update(done: number, total: number): void;
  /** Names the configuration now running (sweeps and checks), shown after the bar. */
  running(label: string): void;
  stop(): void;
}

export function progressBar(label: string): Progress {
  const stderr = io().stderr;
  if (!stderr.isTTY) return { update() {}, running() {}, stop() {} };
  // Loaded only for a terminal: piped and CI runs never pay for it.
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  const cols = terminalColumns(stderr);
  const bar = new cliProgress.SingleBar(
    { stream: stderr as NodeJS.WritableStream, format: `${label} [{bar}] {value}/{total} trials · {eta_formatted} left{running}`, hideCursor: true, clearOnComplete: true, barsize: cols < 100 ? 20 : 40, linewrap: false },
    cliProgress.Presets.shades_classic,
  );
  // What is left of the line after the bar goes to the running configuration's name.
  const room = Math.max(0, cols - label.length - (cols < 100 ? 20 : 40) - 40);
  let started = false;
  let runningText = '';
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0, { running: runningText });
        started = true;
      }
      bar.update(done, { running: runningText });
    },
    running(text) {
      runningText = room < 12 ? '' : ` · ${clipEnd(text, room - 3)}`;
      if (started) bar.update({ running: runningText });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
