// Bad input, generated: every malformed, mistyped, misspelt, inverted, empty,
// impossible or enormous scenario must end in a ScenarioError with a position
// (and a key path when the syntax is fine) — never another exception, never a hang.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import JSON5 from 'json5';
import { describe, expect, it } from 'vitest';
import { ScenarioError, formatKeyPath } from '../../src/scenario/errors.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { scenarioShape } from '../../src/scenario/schema.js';
import { allowedKeysAt } from '../../src/scenario/schema-walk.js';
import { editDistance } from '../../src/scenario/suggest.js';
import { RESERVED_KEYS, setPath, type PlainObject } from '../../src/format/values.js';
import { FULL_EXAMPLE, tmpDir } from './helpers.js';

const FILE = join(tmpDir(), 'fuzz.json5');
const FULL_TEXT = readFileSync(FULL_EXAMPLE, 'utf8');
const FULL = JSON5.parse(FULL_TEXT) as PlainObject;
/** Loads text; returns the ScenarioError (checked for its position) or null when it loaded. No wall-clock bound: speed belongs in the bench. */
function outcome(text: string): ScenarioError | null {
  try {
    loadScenarioText(text, FILE);
    return null;
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    expect(e.internal, e.stack).toBe(false);
    expect(e.line, e.stack).toBeGreaterThanOrEqual(1);
    expect(e.column, e.stack).toBeGreaterThanOrEqual(1);
    if (!e.message.startsWith('syntax error')) expect(e.keyPath, e.stack).not.toBe('');
    return e;
  }
}

function mustFail(text: string): ScenarioError {
  const e = outcome(text);
  if (e === null) throw new Error(`expected a ScenarioError for:\n${text}`);
  return e;
}

const stringify = (v: unknown) => JSON5.stringify(v, null, 2);

type Path = (string | number)[];
function allPaths(v: unknown, at: Path = []): Path[] {
  const out: Path[] = at.length > 0 ? [at] : [];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...allPaths(x, [...at, i])));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) out.push(...allPaths(x, [...at, k]));
  return out;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as PlainObject;
  let cur = copy as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<string | number, unknown>;
  cur[path[path.length - 1]] = value;
  return copy;
}

function valueAtPath(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);
}

describe('bad input never escapes as anything but a ScenarioError', () => {
  it('malformed JSON5: random truncations and corruptions of a valid file', () => {
    const chars = [...'{}[]:,"\'/*\n\\ x0-.e+ \t'];
    const edit = fc.oneof(
      fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: fc.constantFrom(...chars) }),
      fc.record({ op: fc.constant('replace' as const), at: fc.nat(), s: fc.constantFrom(...chars) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = FULL_TEXT;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          if (e.op === 'truncate') text = text.slice(0, at);
          else if (e.op === 'delete') text = text.slice(0, at) + text.slice(at + e.len);
          else if (e.op === 'insert') text = text.slice(0, at) + e.s + text.slice(at);
          else text = text.slice(0, at) + e.s + text.slice(at + 1);
        }
        outcome(text);
      }),
      { numRuns: 300 },
    );
  });

  it('wrong types at random paths are reported at (or under) that path', () => {
    const wrong: Record<string, unknown[]> = {
      string: [7, true, null, []],
      number: ['zzz', true, null, [], {}],
      boolean: [7, 'zzz', null, []],
      array: [7, 'zzz', {}, null],
      object: [7, 'zzz', true, [], null],
    };
    const kind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
    const paths = allPaths(FULL).filter((p) => p[0] !== 'seed');
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.nat(), (path, pick) => {
        const options = wrong[kind(valueAtPath(FULL, path))];
        const e = mustFail(stringify(setAt(FULL, path, options[pick % options.length])));
        if (path[0] !== 'sweep') {
          const p = formatKeyPath(path);
          expect([p, `${p}.`, `${p}[`].some((x) => e.keyPath === p || e.keyPath.startsWith(x)), `${e.keyPath} vs ${p}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('unknown keys are reported at the key, with the nearest valid key', () => {
    const objects = allPaths({ root: FULL })
      .map((p) => p.slice(1))
      .filter((p) => {
        const v = valueAtPath(FULL, p);
        return typeof v === 'object' && v !== null && !Array.isArray(v) && (allowedKeysAt(scenarioShape, p, FULL)?.length ?? 0) > 0;
      });
    const letters = [...'abcdefghijklmnopqrstuvwxyzT'];
    fc.assert(
      fc.property(fc.constantFrom(...objects), fc.nat(), fc.constantFrom('delete', 'insert', 'substitute', 'transpose'), fc.nat(), fc.constantFrom(...letters), (path, k, op, at, c) => {
        const allowed = allowedKeysAt(scenarioShape, path, FULL)!;
        const original = allowed[k % allowed.length];
        const i = at % (original.length + 1);
        const typo =
          op === 'delete' ? original.slice(0, i) + original.slice(i + 1)
          : op === 'insert' ? original.slice(0, i) + c + original.slice(i)
          : op === 'substitute' ? original.slice(0, i) + c + original.slice(i + 1)
          : original.slice(0, i) + original.slice(i + 1, i + 2) + original.slice(i, i + 1) + original.slice(i + 2);
        const obj = valueAtPath(FULL, path) as PlainObject;
        fc.pre(typo !== '' && !allowed.includes(typo) && !RESERVED_KEYS.has(typo) && !(typo in obj));
        const e = mustFail(stringify(setAt(FULL, [...path, typo], 1)));
        expect(e.message).toBe('unknown key');
        expect(e.keyPath).toBe(formatKeyPath([...path, typo]));
        expect(e.sourceLine).toContain(typo);
        expect(e.suggestion).toBeDefined();
        expect(allowed).toContain(e.suggestion);
        expect(editDistance(typo.toLowerCase(), e.suggestion!.toLowerCase())).toBeLessThanOrEqual(editDistance(typo.toLowerCase(), original.toLowerCase()));
      }),
      { numRuns: 300 },
    );
  });

  it('min > max is reported at min or max', () => {
    const places: ((a: string, b: string) => unknown)[] = [
      (a, b) => ({ raft: { electionTimeout: { min: a, max: b } } }),
      (a, b) => ({ raft: { candidateTimeout: { min: a, max: b } } }),
      (a, b) => ({ raft: { heartbeatInterval: { min: a, max: b } } }),
      (a, b) => ({ raft: { nodes: { '1': { electionTimeout: { min: a, max: b } } } } }),
      (a, b) => ({ raft: { profile: 'hashicorp', nodes: { '1': { candidateTimeout: { min: a } } }, candidateTimeout: { max: b } } }),
      (a, b) => ({ network: { latency: { dist: 'uniform', min: a, max: b } } }),
      (a, b) => ({ disk: { fsync: { dist: 'uniform', min: a, max: b } } }),
      (a, b) => ({ cpu: { nodes: { '0': { serviceTime: { dist: 'uniform', min: a, max: b } } } } }),
      (a, b) => ({ faults: [{ kind: 'pause', target: 'all', at: '1s', duration: { dist: 'uniform', min: a, max: b } }] }),
      (a, b) => ({ faults: [{ kind: 'pause', target: 'all', at: '1s', duration: { dist: 'pareto', scale: a, shape: 2, max: b } }] }),
    ];
    const pair = fc.integer({ min: 2, max: 100_000 }).chain((a) => fc.tuple(fc.constant(a), fc.integer({ min: 1, max: a - 1 })));
    fc.assert(
      fc.property(fc.constantFrom(...places), pair, (place, [a, b]) => {
        const e = mustFail(stringify(place(`${a}ms`, `${b}ms`)));
        expect(e.keyPath).toMatch(/\.(min|max)$/);
        expect(e.message).toMatch(/greater than|smaller than/);
      }),
    );
  });

  it('zero or negative sizes are rejected at their key', () => {
    const places: [string, (k: number) => unknown][] = [
      ['cluster.nodes', (k) => ({ cluster: { nodes: k } })],
      ['trials', (k) => ({ trials: k })],
      ['horizon', (k) => ({ horizon: `${k}ms` })],
      ['raft.maxInflightMsgs', (k) => ({ raft: { maxInflightMsgs: k } })],
      ['raft.maxEntriesPerMsg', (k) => ({ raft: { maxEntriesPerMsg: k } })],
      ['raft.electionTicks', (k) => ({ raft: { profile: 'etcd', electionTicks: k } })],
      ['raft.heartbeatTicks', (k) => ({ raft: { profile: 'etcd', heartbeatTicks: k } })],
      ['raft.heartbeatInterval', (k) => ({ raft: { heartbeatInterval: `${k}ms` } })],
      ['raft.electionTimeout.min', (k) => ({ raft: { electionTimeout: { min: `${k}ms` } } })],
      ['raft.tick', (k) => ({ raft: { profile: 'etcd', tick: `${k}ms` } })],
      ['measure.alerts[0]', (k) => ({ measure: { alerts: [`${k}s`] } })],
      ['measure.stableFor', (k) => ({ measure: { stableFor: `${k}ms` } })],
      ['network.latency.median', (k) => ({ network: { latency: { dist: 'lognormal', median: `${k}ms`, sigma: 1 } } })],
      ['network.latency.mean', (k) => ({ network: { latency: { dist: 'exponential', mean: `${k}us` } } })],
      ['network.latency.scale', (k) => ({ network: { latency: { dist: 'pareto', scale: `${k}us`, shape: 1 } } })],
      ['network.latency.shape', (k) => ({ network: { latency: { dist: 'pareto', scale: '1ms', shape: k } } })],
      ['network.latency.samples', () => ({ network: { latency: { dist: 'empirical', samples: [] } } })],
      ['workload.writesPerSecond', (k) => ({ workload: { writesPerSecond: k - 1 } })],
      ['workload.clientTimeout', (k) => ({ workload: { clientTimeout: `${k}ms` } })],
      ['faults[0].target', () => ({ faults: [{ kind: 'crash', target: [], at: '1s' }] })],
      ['faults[0].groups', () => ({ faults: [{ kind: 'partition', groups: [], at: '1s' }] })],
      ['faults[0].groups[0]', () => ({ faults: [{ kind: 'partition', groups: [[]], at: '1s' }] })],
      ['faults[0].count', (k) => ({ faults: [{ kind: 'pause', target: 'all', at: '1s', every: '1s', count: k }] })],
      ['faults[0].every', (k) => ({ faults: [{ kind: 'pause', target: 'all', at: '1s', every: `${k}ms` }] })],
      ['faults[0].rate', (k) => ({ faults: [{ kind: 'pause', target: 'all', at: '1s', rate: k }] })],
      ['faults[0].share', (k) => ({ faults: [{ kind: 'slow-cpu', target: 'all', at: '1s', share: k }] })],
      ['faults[0].factor', (k) => ({ faults: [{ kind: 'slow-disk', target: 'all', at: '1s', factor: k }] })],
      ['cluster.zones.a', () => ({ cluster: { nodes: 1, zones: { a: [] } } })],
      ['sweep.trials', () => ({ sweep: { trials: [] } })],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...places), fc.integer({ min: -1_000, max: 0 }), ([key, place], k) => {
        const e = mustFail(stringify(place(k)));
        expect(e.keyPath === key || e.keyPath.startsWith(`${key}[`) || e.keyPath.startsWith(`${key}.`), `${e.keyPath} vs ${key}: ${e.message}`).toBe(true);
      }),
    );
  });

  it('node ids that do not exist are rejected wherever they appear', () => {
    const places: [string, (n: number, id: number) => unknown][] = [
      ['faults[0].target[0]', (n, id) => ({ cluster: { nodes: n }, faults: [{ kind: 'crash', target: [id], at: '1s' }] })],
      ['faults[0].to[0]', (n, id) => ({ cluster: { nodes: n }, faults: [{ kind: 'cut', from: 'leader', to: [id], at: '1s' }] })],
      ['faults[0].groups[0][0]', (n, id) => ({ cluster: { nodes: n }, faults: [{ kind: 'partition', groups: [[id]], at: '1s' }] })],
      ['faults[0].bridge', (n, id) => ({ cluster: { nodes: n }, faults: [{ kind: 'bridge', bridge: id, sides: [[0], [0]], at: '1s' }] })],
      ['cluster.zones.a', (n, id) => ({ cluster: { nodes: n, zones: { a: [...Array(n).keys(), id] } } })],
      ['raft.nodes', (n, id) => ({ cluster: { nodes: n }, raft: { nodes: { [id]: { preVote: true } } } })],
      ['clocks.nodes', (n, id) => ({ cluster: { nodes: n }, clocks: { nodes: { [id]: { skew: '1ms' } } } })],
      ['cpu.nodes', (n, id) => ({ cluster: { nodes: n }, cpu: { nodes: { [id]: { serviceTime: '1ms' } } } })],
      ['disk.nodes', (n, id) => ({ cluster: { nodes: n }, disk: { nodes: { [id]: { fsync: '1ms' } } } })],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...places), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 91 }), ([key, place], n, extra) => {
        const e = mustFail(stringify(place(n, n + extra)));
        expect(e.keyPath.startsWith(key), `${e.keyPath} vs ${key}`).toBe(true);
        expect(e.message).toMatch(/does not exist|must be at most|has too few items/);
      }),
    );
  });

  it('enormous values are refused quickly', () => {
    const huge = fc.oneof(fc.constantFrom(1e308, -1e308, 2 ** 53, 1e15, Infinity, -Infinity, NaN), fc.integer({ min: 1_000_001, max: 2 ** 31 }));
    const places: ((x: number) => unknown)[] = [
      (x) => ({ cluster: { nodes: x } }),
      (x) => ({ trials: x }),
      (x) => ({ raft: { maxInflightMsgs: x } }),
      (x) => ({ raft: { profile: 'etcd', electionTicks: x } }),
      (x) => ({ network: { loss: x } }),
      (x) => ({ network: { latency: { dist: 'lognormal', median: '1ms', sigma: x } } }),
      (x) => ({ network: { latency: { dist: 'pareto', scale: '1ms', shape: x } } }),
      (x) => ({ clocks: { drift: x } }),
      (x) => ({ workload: { writesPerSecond: x } }),
      (x) => ({ faults: [{ kind: 'pause', target: 'all', at: '1s', rate: x }] }),
      (x) => ({ faults: [{ kind: 'pause', target: 'all', at: '1s', every: '1s', count: x }] }),
      (x) => ({ faults: [{ kind: 'slow-disk', target: 'all', at: '1s', factor: x }] }),
      (x) => ({ horizon: `${Math.abs(x)}d` }),
      (x) => ({ raft: { electionTimeout: { max: `${Math.abs(x)}h` } } }),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...places), huge, (place, x) => {
        mustFail(JSON5.stringify(place(x)));
      }),
    );
  });

  it('enormous collections are refused quickly', () => {
    const many = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => f(i));
    const docs: unknown[] = [
      { name: 'x'.repeat(201) },
      { description: 'x'.repeat(10_001) },
      { faults: many(1_001, () => ({ kind: 'ring', at: '1s' })) },
      { measure: { alerts: many(17, (i) => `${i + 1}s`) } },
      { network: { latency: { dist: 'empirical', samples: many(100_001, () => '1ms') } } },
      { sweep: { trials: many(101, (i) => i + 1) } },
      { sweep: Object.fromEntries(many(10, (i) => [`raft.nodes.${i % 5}.${['preVote', 'checkQuorum'][i % 2]}`, [true, false, true, false]])) },
      { expect: Object.fromEntries(many(201, (i) => [`m${i}`, '< 1'])) },
      { cluster: { nodes: 101 }, raft: { heartbeatInterval: '1ms', electionTimeout: { min: '10ms', max: '20ms' } }, horizon: '30d' },
    ];
    for (const doc of docs) mustFail(JSON5.stringify(doc));
    for (const seed of [1e308, 2 ** 53, Infinity, NaN, 1.5, '']) mustFail(JSON5.stringify({ seed }));
  });

  it('any JSON value as the whole file, or as any section', () => {
    const sections = Object.keys(FULL);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.constantFrom('', ...sections), (value, section) => {
        outcome(section === '' ? JSON.stringify(value) : stringify(setAt(FULL, [section], value)));
      }),
      { numRuns: 300 },
    );
  });

  it('random --set overrides on a valid file', () => {
    const keys = allPaths(FULL).filter((p) => p[0] !== 'sweep' && p.every((s) => typeof s === 'string')).map((p) => p.join('.'));
    const value = fc.oneof(fc.constantFrom('true', '7', '"x"', '150ms', '[]', '{}', '{dist: "uniform"}', '-1', '1e400', 'null', '', '{'), fc.string({ maxLength: 10 }));
    fc.assert(
      fc.property(fc.constantFrom(...keys, 'nope', 'raft.nope', 'faults.9.at', 'a..b'), value, (key, v) => {
        try {
          loadScenarioText(FULL_TEXT, FILE, { overrides: [`${key}=${v}`] });
        } catch (e) {
          if (!(e instanceof ScenarioError)) throw e;
          expect(e.internal).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

it('setPath never writes through a reserved key', () => {
  const o: PlainObject = {};
  expect(setPath(o, ['a', 'b'], 1)).toBeNull();
  expect(o).toEqual({ a: { b: 1 } });
});
