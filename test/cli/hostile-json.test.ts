// Hostile JSON for every command that reads JSON (issue 13): `raftsim report`
// (a saved result) and `check --baseline`. Real results, mutated at a random
// place — a value replaced by any JSON value, a huge string or a huge key, or
// deleted — must either load and render/compare, or be refused as bad input:
// a UsageError (exit 2) of a few short lines naming the file. Never a TypeError
// (exit 70 with a stack trace). In-process: no CLI is spawned.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, loadScenarioText } from '../../src/scenario/load.js';
import { executeTrials } from '../../src/run/execute.js';
import { configResult, resultHeader, runResult, type RunResult, type SweepResult } from '../../src/verdict/result.js';
import { expandSweep } from '../../src/scenario/sweep.js';
import { collectTimelines } from '../../src/run/timelines.js';
import { parseResultText } from '../../src/cli/report.js';
import { UsageError } from '../../src/cli/exit.js';
import { renderReport } from '../../src/report/render.js';
import { runChecks, type CheckedConfig } from '../../src/verdict/check.js';
import { BaselineError, makeBaseline, parseBaseline, serializeBaseline, DEFAULT_TOLERANCES } from '../../src/verdict/baseline.js';
import { compareBaseline } from '../../src/verdict/baseline-compare.js';
import { formatScenarioError } from '../../src/scenario/errors.js';

const RUNS = Number(process.env.RAFTSIM_HOSTILE_RUNS ?? 150);
const SEED = Number(process.env.RAFTSIM_HOSTILE_SEED ?? 13);
const FILE = 'saved/result.json';

type Json = unknown;

/** Every path to a value in `v` (object keys and array indexes). */
function paths(v: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.slice(0, 6).forEach((x, i) => paths(x, [...prefix, i], out));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  return out;
}

type Mutation = { kind: 'replace'; value: Json } | { kind: 'delete' } | { kind: 'huge-key' };

function mutate(root: Json, path: (string | number)[], m: Mutation): Json {
  const copy = structuredClone(root);
  if (path.length === 0) return m.kind === 'replace' ? m.value : m.kind === 'huge-key' ? { ['k'.repeat(900_000)]: 1 } : null;
  let parent = copy as Record<string | number, Json>;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, Json>;
  const last = path.at(-1)!;
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (m.kind === 'huge-key') {
    if (typeof parent === 'object' && !Array.isArray(parent)) parent['x'.repeat(900_000)] = parent[last];
  } else parent[last] = m.value;
  return copy;
}

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant('s'.repeat(1_000_000)),
  fc.constant(-1e308),
  fc.constant(Array.from({ length: 10_000 }, (_, i) => i)),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: hostileValue.map((value) => ({ kind: 'replace' as const, value })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'delete' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'huge-key' as const }) },
);

/** A refusal is bad input: a UsageError of a few short lines naming the file. */
function expectBadInput(e: unknown, file: string): void {
  if (!(e instanceof UsageError || e instanceof BaselineError)) throw e;
  expect(e.message.split('\n').length).toBeLessThanOrEqual(10);
  expect(e.message.length).toBeLessThan(2000);
  if (e instanceof UsageError) expect(e.message).toContain(file);
}

let run: RunResult;
let sweep: SweepResult;
let configs: readonly CheckedConfig[];

beforeAll(async () => {
  const s = loadScenario('leader-crash', { overrides: ['trials=4', 'horizon="4s"'] });
  const r = (await executeTrials([s], { workers: 1 })).results[0]!;
  run = { ...runResult(s, r, []), timelines: await collectTimelines(s, r) };
  const sw = loadScenarioText('{ extends: "builtin:leader-crash", trials: 2, horizon: "3s", sweep: { "raft.preVote": [false, true] } }', 'sweep.json5');
  const points = expandSweep(sw);
  const res = (await executeTrials(points.map((p) => p.scenario), { workers: 1 })).results;
  sweep = { ...resultHeader(sw, sw.trials, []), results: points.map((p, i) => configResult(p.scenario, p.point, res[i]!, [])) };
  configs = (await runChecks([s], [], { workers: 1 })).configs;
});

describe('raftsim report on hostile JSON', () => {
  for (const [name, get] of [['a run result', () => run], ['a sweep result', () => sweep]] as const) {
    it(`${name}, mutated anywhere: renders, or is refused as bad input naming the file`, () => {
      const base = get();
      expect(renderReport(parseResultText(JSON.stringify(base), FILE), { generatedAt: '2025-01-02T03:04:05.000Z' })).toContain('<html');
      const all = paths(base);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: all.length - 1 }), mutation, (i, m) => {
          const text = JSON.stringify(mutate(base, all[i], m));
          let parsed;
          try {
            parsed = parseResultText(text, FILE);
          } catch (e) {
            expectBadInput(e, FILE);
            return;
          }
          expect(typeof renderReport(parsed, { generatedAt: '2025-01-02T03:04:05.000Z' })).toBe('string');
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });
  }
});

describe('check --baseline on hostile JSON', () => {
  it('a baseline mutated anywhere: compares, or is refused as bad input', () => {
    const base = JSON.parse(serializeBaseline(makeBaseline(configs))) as Json;
    const all = paths(base);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), mutation, (i, m) => {
        const text = JSON.stringify(mutate(base, all[i], m));
        let b;
        try {
          b = parseBaseline(text);
        } catch (e) {
          expectBadInput(e, FILE);
          return;
        }
        expect(compareBaseline(b, configs, DEFAULT_TOLERANCES).rows.length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe('scenario files with huge keys and strings', () => {
  it('any huge key or string value anywhere is one short message naming the file', async () => {
    const { ScenarioError } = await import('../../src/scenario/errors.js');
    const keys = ['description', 'cluster', 'raft', 'faults', 'workload', 'seed', 'horizon', 'expect', 'sweep', 'name'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.integer({ min: 10_000, max: 400_000 }), fc.boolean(), fc.constantFrom('k', '"', '\\u00e9', 'é'), (key, size, asKey, ch) => {
        const big = ch.repeat(Math.floor(size / ch.length));
        const text = asKey ? `{ "${big.replace(/"/g, 'q')}": 1, trials: 1 }` : `{ ${key}: "${big.replace(/"/g, 'q')}" }`;
        if (text.length > 1 << 20) return;
        try {
          loadScenarioText(text, 'huge.json5');
        } catch (e) {
          if (!(e instanceof ScenarioError)) throw e;
          const msg = formatScenarioError(e);
          expect(msg).toContain('huge.json5');
          expect(msg.split('\n').length).toBeLessThanOrEqual(10);
          expect(msg.length).toBeLessThan(1500);
          return;
        }
      }),
      { numRuns: 12, seed: 13 },
    );
  });
});
