// Output paths are checked before any trial runs (no work lost at the end), and
// nothing but a regular file is ever replaced: not a device, a FIFO or a directory.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badInputProblems, cli, ensureBuilt, removeDir, tempDir } from './cli.js';

let dir = '';
beforeAll(() => {
  ensureBuilt();
  dir = tempDir('outputs');
});
afterAll(() => removeDir(dir));

describe('output paths', () => {
  it('an --out under a file, a directory, or a device is bad input before any trial runs', async () => {
    const fifo = join(dir, 'fifo');
    spawnSync('mkfifo', [fifo]);
    const cases: [string[], RegExp][] = [
      [['run', 'leader-crash', '--out', '/etc/passwd/x.json'], /--out \/etc\/passwd\/x\.json: \/etc\/passwd is not a directory/],
      [['run', 'leader-crash', '--out', dir], /is a directory/],
      [['sweep', 'sweep-lan-5', '--out', '/dev/null'], /not a regular file/],
      [['run', 'leader-crash', '--html', '/dev/null'], /--html \/dev\/null: is not a regular file/],
      [['check', 'leader-crash', '--junit', '/dev/null'], /--junit/],
      [['replay', 'leader-crash', '--trial', '1', '--trace', '/dev/null'], /--trace/],
      [['schema', '--out', '/dev/null'], /not a regular file/],
    ];
    if (existsSync(fifo)) cases.push([['run', 'leader-crash', '--out', fifo], /not a regular file/]);
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect(badInputProblems(r), `${r.command}\n${r.stderr}`).toEqual([]);
      expect(r.stderr).toMatch(message);
      // Checked first: no trial ran, so no progress or summary was printed.
      expect(r.stderr.split('\n').filter((l) => l.trim() !== '')).toHaveLength(1);
    }
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('missing directories on the way to an --out file are created', async () => {
    const out = join(dir, 'a', 'b', 'result.json');
    const r = await cli(['run', 'leader-crash', '--trials', '2', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(out).isFile()).toBe(true);
  });
});
