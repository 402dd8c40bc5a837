// A user's node plugged in through `raft.implementation: { module: … }`
// (docs/plugin.md): examples/wrapped-reference/node.mjs wraps the reference node
// behind the bare RaftNodeApi, so every trial must be identical to the built-in
// reference run, and check and fuzz must accept it.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenarios/load.js';
import { executeTrials } from '../../src/scenarios/execute.js';
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

  it('a module without createNode is bad input', async () => {
    const r = await cli(['fuzz', 'leader-crash', '--implementation', join(ROOT, 'package.json')]);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(/cannot load the node implementation/);
  });
});
