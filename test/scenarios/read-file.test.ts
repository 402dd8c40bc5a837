// The one reader for user-named files: regular files only, never past a cap, never
// trusting stat's size; a device or a FIFO is refused before it is opened.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTextFile } from '../../src/scenario/read-file.js';

const dir = mkdtempSync(join(tmpdir(), 'raftsim-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readTextFile', () => {
  it('reads a regular file', () => {
    const f = join(dir, 'a.json5');
    writeFileSync(f, '{ trials: 3 }');
    expect(readTextFile(f, 100)).toEqual({ ok: true, text: '{ trials: 3 }' });
  });

  it('refuses a file over the cap, a directory, and a missing file', () => {
    const f = join(dir, 'big.txt');
    writeFileSync(f, 'x'.repeat(101));
    expect(readTextFile(f, 100)).toEqual({ ok: false, reason: `${f} is 101 bytes, over the cap of 100` });
    expect(readTextFile(dir, 100)).toMatchObject({ ok: false, reason: expect.stringContaining('is a directory') });
    expect(readTextFile(join(dir, 'nope'), 100)).toMatchObject({ ok: false, reason: expect.stringContaining('no such file') });
  });

  it('refuses a device whose stat size is 0 (it would never end)', () => {
    expect(readTextFile('/dev/zero', 1 << 20)).toMatchObject({ ok: false, reason: expect.stringContaining('not a regular file') });
  });

  it('refuses a FIFO without opening it (opening would block until a writer came)', () => {
    const fifo = join(dir, 'fifo');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo on this machine: nothing to check
    expect(readTextFile(fifo, 1 << 20)).toMatchObject({ ok: false, reason: expect.stringContaining('not a regular file') });
  });
});
