// A user's node plugged in through `raft.implementation: { module: … }`
// (docs/plugin.md): examples/wrapped-reference/node.mjs wraps the reference node
// behind the bare RaftNodeApi, so every trial must be identical to the built-in
// reference run, and check and fuzz must accept it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { executeTrials } from '../../src/run/execute.js';
import { cli, ensureBuilt, ROOT, show } from '../cli/cli.js';

const EXAMPLE = join(ROOT, 'examples', 'wrapped-reference');
const SCENARIO = join(EXAMPLE, 'leader-crash.json5');

beforeAll(() => ensureBuilt()); // node.mjs imports the compiled reference node from dist/

describe('a node implementation from a user module', () => {
  it('runs the scenario through { module } and matches the reference node trial for trial', async () => {
    const plugged = loadScenario(SCENARIO, { overrides: ['trials=6'] });
    expect(plugged.raft.implementation).toEqual({ module: join(EXAMPLE, 'node.mjs') });
    const reference = loadScenario('leader-crash', { overrides: ['trials=6'] });
    const { results } = await executeTrials([plugged, reference], { workers: 1 });
    const [mine, ref] = results;
    expect(mine!.map((t) => t.hash)).toEqual(ref!.map((t) => t.hash));
    expect(mine!.every((t) => t.violation === null)).toBe(true);
  });

  it('raftsim check and raftsim fuzz accept it', async () => {
    const check = await cli(['check', EXAMPLE, '--trials', '8']);
    expect(check.code, show(check)).toBe(0);
    expect(check.stdout).toMatch(/leader-crash-wrapped-reference\s+safety\s+ok\s+ok\s+pass/);
    const fuzz = await cli(['fuzz', SCENARIO, '--seed', '5', '--budget', '20']);
    expect(fuzz.code, show(fuzz)).toBe(0);
    const byFlag = await cli(['fuzz', 'leader-crash', '--implementation', join(EXAMPLE, 'node.mjs'), '--seed', '5', '--budget', '20']);
    expect(byFlag.code, show(byFlag)).toBe(0);
    expect(byFlag.stdout).toMatch(/implementation node/);
  });

  // Each broken module, through every command that runs trials: exit 2, one line naming the
  // key and the file, no stack trace (they were internal errors with exit 70).
  it.each([
    ['throws when imported', 'throws.mjs', 'throw new Error("boom at import");\n', /importing .*throws\.mjs failed: boom at import/],
    ['exports no createNode', 'nocreate.mjs', 'export const x = 1;\n', /nocreate\.mjs must export a function createNode/],
    ['is a directory', 'dirmod', null, /dirmod is not a file/],
  ])('a plug-in module that %s is bad input for run, sweep, replay and check', async (_what, name, text, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'raftsim-plugin-'));
    try {
      if (text === null) mkdirSync(join(dir, name));
      else writeFileSync(join(dir, name), text);
      const file = join(dir, 'scenario.json5');
      writeFileSync(file, `{ raft: { implementation: { module: "./${name}" } }, trials: 2 }\n`);
      for (const args of [['run', file], ['sweep', file], ['replay', file, '--trial', '0'], ['check', file]]) {
        const r = await cli(args);
        expect(r.code, show(r)).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).toMatch(/^raftsim: raft\.implementation\.module: /);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a module without createNode is bad input', async () => {
    const r = await cli(['fuzz', 'leader-crash', '--implementation', join(ROOT, 'package.json')]);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(/cannot load the node implementation/);
  });
});
