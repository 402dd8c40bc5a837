import JSON5 from 'json5';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceIndex } from '../../src/scenario/locate.js';

const TEXT = `// comment with { braces } and "quotes"
{
  name: 'it\\'s {not} a key: "x"',   /* block
  comment */ "quoted key": 1,
  nested: { deep: [10, { x: true }, [ 'a', "b" ]] },
  zoneLatency: { "a->b": "1ms" },
  dup: 1,
  dup: 2,
  trailing: [1, 2,],
}`;

describe('SourceIndex', () => {
  const idx = new SourceIndex(TEXT);

  it('finds keys and values through comments, quotes and nesting', () => {
    expect(idx.find(['name'])).toEqual({ key: { line: 3, column: 3 }, value: { line: 3, column: 9 } });
    expect(idx.find(['quoted key'])).toEqual({ key: { line: 4, column: 14 }, value: { line: 4, column: 28 } });
    expect(idx.find(['nested', 'deep', 1, 'x'])).toEqual({ key: { line: 5, column: 26 }, value: { line: 5, column: 29 } });
    expect(idx.find(['nested', 'deep', 2, 1])).toEqual({ key: null, value: { line: 5, column: 44 } });
    expect(idx.find(['zoneLatency', 'a->b'])?.key).toEqual({ line: 6, column: 18 });
    expect(idx.find(['trailing', 1])?.value).toEqual({ line: 9, column: 17 });
  });

  it('a path 100,000 levels deep is found (positions are kept in a trie: linear, not quadratic)', () => {
    const depth = 100_000;
    const text = `{ d: ${'['.repeat(depth)}7${']'.repeat(depth)} }`;
    const idx = new SourceIndex(text);
    const path = ['d', ...Array<number>(depth).fill(0)];
    expect(idx.find(path)?.value).toEqual({ line: 1, column: 6 + depth });
    expect(idx.find([...path, 0])).toBeUndefined();
    expect(idx.find(['d', 1])).toBeUndefined();
  });

  it('the last duplicate key wins, as in json5', () => {
    expect(idx.find(['dup'])?.key).toEqual({ line: 8, column: 3 });
  });

  it('falls back to the longest prefix that exists', () => {
    expect(idx.locate(['nested', 'deep', 1, 'missing'], 'key')).toEqual({ pos: { line: 5, column: 24 }, depth: 3 });
    expect(idx.locate(['nope'], 'value')).toEqual({ pos: { line: 2, column: 1 }, depth: 0 });
  });

  it('returns source lines for excerpts', () => {
    expect(idx.lineText(5)).toBe('  nested: { deep: [10, { x: true }, [ \'a\', "b" ]] },');
  });

  it('decodes escaped unquoted keys like json5 does', () => {
    const i = new SourceIndex('{ \\u0061bc: 1 }');
    expect(JSON5.parse(i.text)).toEqual({ abc: 1 });
    expect(i.find(['abc'])?.key).toEqual({ line: 1, column: 3 });
  });

  it('finds every path of any JSON value, pretty-printed or not', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, pretty) => {
        const text = JSON5.stringify({ root: value }, null, pretty ? 2 : undefined);
        const i = new SourceIndex(text);
        for (const path of paths(value, ['root'])) expect(i.find(path), JSON.stringify(path)).toBeDefined();
      }),
    );
  });
});

function paths(v: unknown, at: (string | number)[]): (string | number)[][] {
  const out = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}
