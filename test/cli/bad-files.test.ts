// Bad scenario files, generated with fast-check: every one must end with exit
// code 2 and a short message on stderr that names the file and the line, never
// a stack trace, never a hang.
//
// Each case spawns a process, so runs are few per family; raise them with
// RAFTSIM_CLI_FUZZ_RUNS=100, and pick another seed with RAFTSIM_CLI_FUZZ_SEED.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badInputProblems, cli, ensureBuilt, removeDir, show, tempDir } from './cli.js';

const RUNS = Number(process.env.RAFTSIM_CLI_FUZZ_RUNS ?? 6);
const SEED = Number(process.env.RAFTSIM_CLI_FUZZ_SEED ?? 20_240_607);

type Section = 'top' | 'cluster' | 'raft' | 'network' | 'clocks' | 'workload' | 'fault';

/** One line of the generated file: `key: value,` in a section. `value` is JSON5 text. */
interface Entry {
  readonly section: Section;
  readonly key: string;
  readonly value: string;
}

/** The valid base scenario, section by section (order = order in the file). */
const BASE: readonly [Section, readonly (readonly [string, string])[]][] = [
  ['cluster', [['nodes', '3']]],
  ['raft', [['profile', '"paper"']]],
  ['network', []],
  ['clocks', []],
  ['workload', [['writesPerSecond', '5']]],
  ['fault', [['kind', '"crash"'], ['target', '"leader"'], ['after', '"stable-leader"'], ['delay', '"500ms"']]],
  ['top', [['name', '"fuzz"'], ['trials', '2'], ['horizon', '"2s"']]],
];

const keyText = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));

/** The scenario text with `entries` set (replacing a base key or added), and the 1-based line of each entry. */
function build(entries: readonly Entry[]): { text: string; lines: number[] } {
  const out: string[] = ['{'];
  const lines: number[] = entries.map(() => 0);
  for (const [section, base] of BASE) {
    const kv: [string, string, number][] = base.map(([k, v]) => [k, v, -1]);
    entries.forEach((e, i) => {
      if (e.section !== section) return;
      const at = kv.findIndex(([k]) => k === e.key);
      if (at >= 0) kv[at] = [e.key, e.value, i];
      else kv.push([e.key, e.value, i]);
    });
    const indent = section === 'top' ? '  ' : section === 'fault' ? '      ' : '    ';
    if (section === 'fault') out.push('  faults: [', '    {');
    else if (section !== 'top') out.push(`  ${section}: {`);
    for (const [k, v, i] of kv) {
      out.push(`${indent}${keyText(k)}: ${v},`);
      if (i >= 0) lines[i] = out.length;
    }
    if (section === 'fault') out.push('    },', '  ],');
    else if (section !== 'top') out.push('  },');
  }
  out.push('}');
  return { text: `${out.join('\n')}\n`, lines };
}

let dir: string;
let counter = 0;
/** Keys each section accepts, from `raftsim schema` (so typos are never valid keys). */
let known: Record<Section, string[]>;

beforeAll(async () => {
  ensureBuilt();
  dir = tempDir('bad-files');
  const r = await cli(['schema']);
  expect(r.code, show(r)).toBe(0);
  const p = JSON.parse(r.stdout).properties;
  const variants = p.faults.items.oneOf ?? p.faults.items.anyOf;
  const crash = variants.find((v: { properties: { kind: unknown } }) => JSON.stringify(v.properties.kind).includes('"crash"'));
  const keysOf = (o: { properties?: object }) => Object.keys(o?.properties ?? {});
  known = {
    top: Object.keys(p),
    cluster: keysOf(p.cluster),
    raft: keysOf(p.raft),
    network: keysOf(p.network),
    clocks: keysOf(p.clocks),
    workload: keysOf(p.workload),
    fault: keysOf(crash),
  };
  for (const s of Object.keys(known) as Section[]) expect(known[s].length, `schema keys of ${s}`).toBeGreaterThan(1);
});
afterAll(() => removeDir(dir));

/** Writes the file, runs `raftsim run <file>`, and checks the bad-input contract. */
async function check(text: string, expectLine: number | 'any', message?: RegExp): Promise<void> {
  const file = join(dir, `case-${process.pid}-${counter++}.json5`);
  writeFileSync(file, text);
  const r = await cli(['run', file, '--workers', '1']);
  const problems = badInputProblems(r, { file, line: expectLine });
  if (message && !message.test(r.stderr)) problems.push(`stderr does not match ${message}`);
  if (problems.length > 0) throw new Error(`${problems.join('; ')}\n--- file:\n${text}--- ${show(r)}`);
}

function checkEntry(e: Entry, message?: RegExp, extra: readonly Entry[] = []): Promise<void> {
  const { text, lines } = build([...extra, e]);
  return check(text, lines[extra.length], message);
}

const letters = fc.stringMatching(/^[a-z]{1,10}$/);
const quoted = (a: fc.Arbitrary<string>) => a.map((s) => JSON.stringify(s));
const smallIntArray = fc.array(fc.integer({ min: -5, max: 50 }), { minLength: 1, maxLength: 3 }).map((a) => `[${a.join(', ')}]`);
const anyBool = fc.boolean().map(String);

const notANumber = fc.oneof(anyBool, fc.constant('null'), quoted(letters), quoted(fc.integer({ min: 1, max: 9 }).map(String)), smallIntArray);
const notABool = fc.oneof(fc.integer({ min: -3, max: 3 }).map(String), fc.constant('null'), quoted(letters), smallIntArray);
const notAString = fc.oneof(fc.integer({ min: -3, max: 1000 }).map(String), anyBool, fc.constant('null'), smallIntArray);
const notADuration = fc.oneof(anyBool, fc.constant('null'), smallIntArray, fc.integer({ min: 0, max: 10_000 }).map(String), quoted(letters));

function ms(a: fc.Arbitrary<number>, unit = 'ms'): fc.Arbitrary<string> {
  return a.map((n) => `"${n}${unit}"`);
}

/** A one-edit typo of `key` that is not a key of `section` (delete, insert, replace or swap a character). */
function typoOf(section: Section): fc.Arbitrary<{ key: string; typo: string }> {
  return fc
    .record({
      key: fc.constantFrom(...known[section].filter((k) => !k.startsWith('$'))),
      op: fc.constantFrom('delete', 'insert', 'replace', 'swap'),
      pos: fc.nat(),
      ch: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
    })
    .map(({ key, op, pos, ch }) => {
      const i = pos % key.length;
      let typo = key;
      if (op === 'delete' && key.length > 1) typo = key.slice(0, i) + key.slice(i + 1);
      else if (op === 'insert') typo = key.slice(0, i) + ch + key.slice(i);
      else if (op === 'replace') typo = key.slice(0, i) + ch + key.slice(i + 1);
      else if (op === 'swap' && i + 1 < key.length) typo = key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
      return { key, typo };
    })
    .filter(({ typo }) => typo !== '' && !known[section].includes(typo));
}

const opts = () => ({ numRuns: RUNS, seed: SEED, endOnFailure: true });

describe.concurrent('bad scenario files (fast-check): exit 2, file:line: in a one-screen message, no stack trace', () => {
  it('the base file the generators start from is valid (so every failure below is the generated mistake)', async () => {
    const file = join(dir, 'base.json5');
    writeFileSync(file, build([]).text);
    const r = await cli(['run', file, '--json', '--workers', '1']);
    expect(r.code, show(r)).toBe(0);
  });

  it('malformed JSON5: truncated, or with a stray character at the start of a line', async () => {
    const base = build([]).text;
    const lastBrace = base.lastIndexOf('}');
    const nLines = base.split('\n').length - 1;
    const truncated = fc.integer({ min: 0, max: lastBrace - 1 }).map((p) => ({ text: base.slice(0, p), line: 'any' as const }));
    const stray = fc.record({ line: fc.integer({ min: 2, max: nLines - 1 }), ch: fc.constantFrom('@', '#', '=', ')', '<', ';', '%') }).map(({ line, ch }) => {
      const ls = base.split('\n');
      ls[line - 1] = ch + ls[line - 1];
      return { text: ls.join('\n'), line };
    });
    const trailing = fc.constantFrom('}', ']', 'x', '{', ':', ',', '"', '@').map((g) => ({ text: `${base.trimEnd()} ${g}\n`, line: nLines }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(truncated, stray, trailing), async ({ text, line }) => check(text, line, /syntax error/)),
      opts(),
    );
  });

  it('wrong types', async () => {
    const entries: fc.Arbitrary<Entry> = fc.oneof(
      notANumber.map((value) => ({ section: 'cluster' as const, key: 'nodes', value })),
      notANumber.map((value) => ({ section: 'top' as const, key: 'trials', value })),
      notANumber.map((value) => ({ section: 'workload' as const, key: 'writesPerSecond', value })),
      notANumber.map((value) => ({ section: 'network' as const, key: 'loss', value })),
      notABool.map((value) => ({ section: 'raft' as const, key: 'preVote', value })),
      notABool.map((value) => ({ section: 'raft' as const, key: 'checkQuorum', value })),
      notAString.map((value) => ({ section: 'raft' as const, key: 'profile', value })),
      notAString.map((value) => ({ section: 'fault' as const, key: 'after', value })),
      notADuration.map((value) => ({ section: 'top' as const, key: 'horizon', value })),
      notADuration.map((value) => ({ section: 'fault' as const, key: 'delay', value })),
    );
    await fc.assert(fc.asyncProperty(entries, async (e) => checkEntry(e)), opts());
  });

  it('unknown keys (one-letter typos of real keys) get "Did you mean"', async () => {
    const sections: Section[] = ['top', 'cluster', 'raft', 'network', 'clocks', 'workload', 'fault'];
    const entries = fc.constantFrom(...sections).chain((section) => typoOf(section).map(({ typo }) => ({ section, key: typo, value: '1' })));
    await fc.assert(fc.asyncProperty(entries, async (e) => checkEntry(e, /unknown key[^\n]*Did you mean "[^"]+"\?/)), opts());
  });

  it('min greater than max', async () => {
    const pair = fc.tuple(fc.integer({ min: 100, max: 60_000 }), fc.integer({ min: 100, max: 60_000 })).filter(([a, b]) => a > b);
    const entries: fc.Arbitrary<Entry> = fc.oneof(
      pair.map(([a, b]) => ({ section: 'raft' as const, key: 'electionTimeout', value: `{ min: "${a}ms", max: "${b}ms" }` })),
      pair.map(([a, b]) => ({ section: 'network' as const, key: 'latency', value: `{ dist: "uniform", min: "${a}us", max: "${b}us" }` })),
    );
    await fc.assert(fc.asyncProperty(entries, async (e) => checkEntry(e, /greater than/)), opts());
  });

  it('zero and negative sizes, counts, rates and durations', async () => {
    const entries: fc.Arbitrary<Entry> = fc.oneof(
      fc.integer({ min: -1000, max: 0 }).map((n) => ({ section: 'cluster' as const, key: 'nodes', value: String(n) })),
      fc.integer({ min: -1000, max: 0 }).map((n) => ({ section: 'top' as const, key: 'trials', value: String(n) })),
      fc.double({ min: -1e6, max: -1e-3, noNaN: true }).map((n) => ({ section: 'workload' as const, key: 'writesPerSecond', value: String(n) })),
      fc.double({ min: -1e3, max: -1e-6, noNaN: true }).map((n) => ({ section: 'network' as const, key: 'loss', value: String(n) })),
      fc.integer({ min: 0, max: 100_000 }).map((n) => ({ section: 'top' as const, key: 'horizon', value: n === 0 ? '"0s"' : `"-${n}ms"` })),
      fc.integer({ min: 0, max: 100_000 }).map((n) => ({ section: 'raft' as const, key: 'heartbeatInterval', value: n === 0 ? '"0ms"' : `"-${n}us"` })),
    );
    await fc.assert(fc.asyncProperty(entries, async (e) => checkEntry(e)), opts());
  });

  it('impossible targets: node ids ≥ the cluster size', async () => {
    const cases = fc
      .record({ n: fc.integer({ min: 1, max: 9 }), extra: fc.integer({ min: 0, max: 500 }), where: fc.constantFrom('fault', 'fault2', 'raft', 'clocks', 'zones') })
      .map(({ n, extra, where }) => {
        const id = n + extra;
        const nodes: Entry = { section: 'cluster', key: 'nodes', value: String(n) };
        const e: Entry =
          where === 'fault' ? { section: 'fault', key: 'target', value: `[${id}]` }
          : where === 'fault2' ? { section: 'fault', key: 'target', value: `[0, ${id}]` }
          : where === 'raft' ? { section: 'raft', key: 'nodes', value: `{ "${id}": { preVote: true } }` }
          : where === 'clocks' ? { section: 'clocks', key: 'nodes', value: `{ "${id}": { skew: "10ms" } }` }
          : { section: 'cluster', key: 'zones', value: `{ a: [${[...Array(n).keys()].join(', ')}], b: [${id}] }` };
        return { nodes, e, id };
      });
    await fc.assert(fc.asyncProperty(cases, async ({ nodes, e, id }) => checkEntry(e, new RegExp(`node ${id} does not exist|at most 100, got ${id}\\b`), [nodes])), opts());
  });

  it('enormous values', async () => {
    const big = (min: number) => fc.double({ min, max: 1e15, noNaN: true }).map((x) => String(Math.round(x)));
    const entries: fc.Arbitrary<Entry> = fc.oneof(
      big(102).map((value) => ({ section: 'cluster' as const, key: 'nodes', value })),
      big(100_001).map((value) => ({ section: 'top' as const, key: 'trials', value })),
      big(100_001).map((value) => ({ section: 'workload' as const, key: 'writesPerSecond', value })),
      fc.constantFrom('1e400', '-1e400', 'Infinity', 'NaN').chain((value) =>
        fc.constantFrom<[Section, string]>(['cluster', 'nodes'], ['top', 'trials'], ['workload', 'writesPerSecond'], ['network', 'loss']).map(([section, key]) => ({ section, key, value })),
      ),
      fc.oneof(ms(fc.integer({ min: 721, max: 1e9 }), 'h'), ms(fc.integer({ min: 31, max: 1e9 }), 'd'), fc.constant('"1e400ms"')).chain((value) =>
        fc.constantFrom<[Section, string]>(['top', 'horizon'], ['raft', 'heartbeatInterval'], ['fault', 'delay']).map(([section, key]) => ({ section, key, value })),
      ),
      fc.integer({ min: 201, max: 20_000 }).map((n) => ({ section: 'top' as const, key: 'name', value: JSON.stringify('x'.repeat(n)) })),
    );
    await fc.assert(fc.asyncProperty(entries, async (e) => checkEntry(e)), opts());
  });

  it('fixed oddities: empty, BOM, binary, deep nesting, huge file, extends problems, top-level array', async () => {
    const cases: { name: string; text: string | Buffer; line: number | 'any' | 'none' }[] = [
      { name: 'empty', text: '', line: 'any' },
      { name: 'only a comment', text: '// nothing here\n', line: 'any' },
      { name: 'BOM then a bad value', text: '\ufeff{ trials: 0 }\n', line: 1 },
      { name: 'binary', text: Buffer.from([0, 255, 254, 1, 2, 3, 0x7b, 0x7d, 0]), line: 'any' },
      { name: 'top-level array', text: '[1, 2, 3]\n', line: 1 },
      { name: 'top-level string', text: '"leader-crash"\n', line: 1 },
      { name: 'nested 40 deep', text: `{ description: "x", x: ${'['.repeat(40)}${']'.repeat(40)} }\n`, line: 1 },
      // Was quadratic in the position scan (30,000 levels: 24 s, 4 GB, then out of memory).
      { name: 'nested 100,000 deep', text: `{ description: ${'['.repeat(100_000)}1${']'.repeat(100_000)} }\n`, line: 1 },
      { name: 'tabs and a typo', text: '{\n\tcluster: {\n\t\tnodse: 3,\n\t},\n}\n', line: 3 },
      { name: 'huge file', text: `{ description: "${'y'.repeat(2 << 20)}" }\n`, line: 'none' },
      { name: 'duplicate key, second bad', text: '{\n  trials: 2,\n  trials: -2,\n}\n', line: 3 },
      { name: 'extends a missing file', text: '{\n  name: "child",\n  extends: "./no-such-base.json5",\n}\n', line: 3 },
      { name: 'extends itself', text: '', line: 2 }, // filled in below
      { name: 'extends a number', text: '{\n  extends: 42,\n}\n', line: 2 },
      { name: 'unknown fault kind', text: '{\n  faults: [\n    { kind: "crahs", target: "leader", at: "1s" },\n  ],\n}\n', line: 3 },
      { name: 'expect unknown metric', text: '{\n  expect: {\n    "timeToLeadrMs.p99": "< 1000",\n  },\n}\n', line: 3 },
      { name: 'expect bad comparison', text: '{\n  expect: {\n    "timeToLeaderMs.p99": "about 1000",\n  },\n}\n', line: 3 },
      { name: 'sweep over an unknown key', text: '{\n  sweep: {\n    "raft.electonTimeout.min": ["150ms"],\n  },\n}\n', line: 3 },
    ];
    for (const c of cases) {
      const file = join(dir, `fixed-${counter++}.json5`);
      const text = c.name === 'extends itself' ? `{\n  extends: "./${file.split('/').at(-1)}",\n}\n` : c.text;
      writeFileSync(file, text);
      const r = await cli(['run', file, '--workers', '1']);
      const problems = badInputProblems(r, { file, line: c.line });
      expect(problems, `${c.name}\n${show(r)}`).toEqual([]);
    }
  });
});
