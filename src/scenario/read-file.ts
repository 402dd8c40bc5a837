// Reading a file the user named, safely: only a regular file (a device such as
// /dev/zero would never end, a FIFO would block forever, a directory is a
// mistake), never more than a cap, and never trusting the size `stat` reports
// (the read itself stops at the cap). Every path the bench reads goes through
// here: scenarios and the files they extend, latency sample files, saved
// results, baselines.
import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** A path's stat (links followed), or null when there is nothing readable there. */
export function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** `what` names the file in messages (a display path). */
export function readTextFile(path: string, capBytes: number, what: string = path): ReadResult {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' || code === 'ENOTDIR' ? `cannot read ${what}: no such file` : `cannot read ${what}: ${(e as Error).message}` };
  }
  if (st.isDirectory()) return { ok: false, reason: `${what} is a directory, not a file` };
  if (!st.isFile()) return { ok: false, reason: `${what} is not a regular file (a device, FIFO or socket); give a file` };
  if (st.size > capBytes) return { ok: false, reason: `${what} is ${st.size} bytes, over the cap of ${capBytes}` };
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return { ok: false, reason: `cannot read ${what}: ${(e as Error).message}` };
  }
  try {
    if (!fstatSync(fd).isFile()) return { ok: false, reason: `${what} is not a regular file; give a file` };
    // Read to the end in chunks, whatever stat said (the file may grow, or lie), up to the cap.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 16, capBytes + 1 - total));
      const got = readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      chunks.push(got === chunk.length ? chunk : chunk.subarray(0, got));
      total += got;
      if (total > capBytes) return { ok: false, reason: `${what} is over the cap of ${capBytes} bytes` };
    }
    return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (e) {
    return { ok: false, reason: `cannot read ${what}: ${(e as Error).message}` };
  } finally {
    closeSync(fd);
  }
}
