// Output files: checked before any work starts (checkOutputPath), written
// atomically (to a temporary file beside the target, then renamed, so an
// interrupted run never leaves half a file), and never replacing anything but a
// regular file: a device such as /dev/null, a FIFO or a directory is refused.
import { accessSync, constants, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { statOrNull } from '../scenario/read-file.js';
import { UsageError } from './exit.js';

/**
 * Throws a UsageError unless `path` can be written as a regular file: an existing
 * target must be a regular file, and its nearest existing ancestor a writable
 * directory. `flag` names the option in the message (e.g. "--out").
 */
export function checkOutputPath(path: string, flag: string): void {
  const abs = resolve(path);
  const st = statOrNull(abs);
  if (st !== null && !st.isFile()) {
    throw new UsageError(`${flag} ${path}: ${st.isDirectory() ? 'is a directory' : 'is not a regular file (a device, FIFO or socket)'}; give a file path`);
  }
  let dir = dirname(abs);
  for (;;) {
    const d = statOrNull(dir);
    if (d !== null) {
      if (!d.isDirectory()) throw new UsageError(`${flag} ${path}: ${dir} is not a directory`);
      try {
        accessSync(dir, constants.W_OK);
      } catch {
        throw new UsageError(`${flag} ${path}: cannot write in ${dir}`);
      }
      return;
    }
    const up = dirname(dir);
    if (up === dir) return;
    dir = up;
  }
}

export function writeFileAtomic(path: string, data: string): void {
  const st = statOrNull(path);
  if (st !== null && !st.isFile()) throw new UsageError(`${path}: not a regular file; raftsim replaces only regular files`);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
