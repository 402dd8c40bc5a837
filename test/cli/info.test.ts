// `raftsim list`, `raftsim schema`, and --help for every command.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN, ROOT, STACK_LINE, builtinNames, cli, ensureBuilt, removeDir, show, tempDir } from './cli.js';

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir('info');
});
afterAll(() => removeDir(dir));

describe.concurrent('raftsim list', () => {
  it('lists every built-in scenario file (and nothing from _examples), each with a description', async () => {
    const r = await cli(['list']);
    expect(r.code, show(r)).toBe(0);
    const rows = r.stdout
      .split('\n')
      .filter((l) => /^ {2}\S/.test(l))
      .map((l) => /^ {2}(\S+)\s{2,}(.+)$/.exec(l));
    expect(rows.every((m) => m !== null), r.stdout).toBe(true);
    const names = rows.map((m) => m![1]);
    const expected = builtinNames();
    expect(expected.length).toBeGreaterThan(5);
    expect([...names].sort()).toEqual(expected);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain('full');
    expect(names.some((n) => n.startsWith('_'))).toBe(false);
    for (const m of rows) expect(m![2].trim().length, m![1]).toBeGreaterThan(10);
    expect(r.stderr).toBe('');
  });
});

describe.concurrent('raftsim schema', () => {
  it('prints a JSON Schema with properties for raft, network and faults', async () => {
    const r = await cli(['schema']);
    expect(r.code, show(r)).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.type).toBe('object');
    expect(s.properties).toBeTypeOf('object');
    for (const k of ['raft', 'network', 'faults', 'cluster', 'trials', 'horizon', 'expect']) expect(s.properties, k).toHaveProperty(k);
    expect(s.properties.raft.properties).toHaveProperty('electionTimeout');
  });

  it('--out writes the same schema to a file', async () => {
    const out = join(dir, 'raftsim.schema.json');
    const r = await cli(['schema', '--out', out]);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe((await cli(['schema'])).stdout);
  });

  // Bug: writing to a pipe whose reader has gone (EPIPE) is not handled: `raftsim schema | head -1`
  // (the schema is ~350 KB, more than a pipe buffer) prints Node's "Unhandled 'error' event ...
  // Error: write EPIPE ... at WriteWrap.onWriteComplete (node:internal/stream_base_commons...)" stack
  // on stderr. Expected: exit quietly, as Unix filters do. Reproduce:
  //   node dist/cli/main.js schema | head -1
  it('`raftsim schema | head -1` ends quietly, without a stack trace', async () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${MAIN}" schema | head -1`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('{\n');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).not.toMatch(/EPIPE|node:internal/);
  });
});

describe.concurrent('--help', () => {
  const top = () => cli(['--help']);

  it('the top-level help lists the commands and exits 0', async () => {
    const r = await top();
    expect(r.code, show(r)).toBe(0);
    for (const c of ['run', 'sweep', 'replay', 'list', 'schema']) expect(r.stdout).toMatch(new RegExp(`^\\s+raftsim ${c}\\b`, 'm'));
  });

  it('every command has --help with examples, exit 0, nothing on stderr', async () => {
    const commands = [...(await top()).stdout.matchAll(/^\s+raftsim (\w+)\b/gm)].map((m) => m[1]);
    expect(commands).toEqual(expect.arrayContaining(['run', 'sweep', 'replay', 'list', 'schema']));
    for (const c of commands) {
      for (const flag of c === 'run' ? ['--help', '-h'] : ['--help']) {
        const r = await cli([c, flag]);
        expect(r.code, show(r)).toBe(0);
        expect(r.stderr, show(r)).toBe('');
        expect(r.stdout, `${c} ${flag}`).toMatch(/^Examples:$/m);
        // Examples are real command lines of this command.
        expect(r.stdout, `${c} ${flag}`).toMatch(new RegExp(`^\\s+raftsim ${c}\\b`, 'm'));
      }
    }
  });

  it('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});
