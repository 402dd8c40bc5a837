// The lint that keeps clocks and unseeded randomness out of the simulation (eslint.config.js)
// passes on src/, and fails on a clock or Math.random placed where it must not be.
import { describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function problems(text: string, file: string): Promise<string[]> {
  const [r] = await eslint.lintText(text, { filePath: resolve(ROOT, file) });
  return r.messages.map((m) => `${m.line}: ${m.message}`);
}

describe('determinism lint', () => {
  test('src/ reads no clock and draws no unseeded randomness outside cli/ and bench/', async () => {
    const results = await eslint.lintFiles(['src']);
    const found = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(ROOT.length + 1)}:${m.line}: ${m.message}`));
    expect(found).toEqual([]);
    expect(results.length).toBeGreaterThan(100); // it did look at the tree
  });

  test('a clock or Math.random in the simulation is an error; the CLI may read the clock', async () => {
    const bad = [
      'export const a = Math.random();',
      'export const b = Date.now();',
      'export const c = new Date();',
      'export const d = performance.now();',
      "import { randomUUID } from 'node:crypto';",
      'setTimeout(() => {}, 5);',
      'export const e: number = process.hrtime.bigint() as unknown as number;',
      "import * as nodeCrypto from 'node:crypto';",
      'export const g = globalThis.Math;',
    ].join('\n');
    const found = await problems(bad, 'src/sim/kernel-extra.ts');
    expect(found).toEqual([
      expect.stringMatching(/^1: .*Math\.random is not seeded/),
      expect.stringMatching(/^2: .*Date\.now reads a clock/),
      expect.stringMatching(/^3: new Date\(\) reads a clock/),
      expect.stringMatching(/^4: .*performance\.now reads a clock/),
      expect.stringMatching(/^5: .*crypto randomness is not seeded/),
      expect.stringMatching(/^6: a timer reads a clock/),
      expect.stringMatching(/^7: .*process\.hrtime reads a clock/),
      expect.stringMatching(/^8: .*crypto randomness is not seeded/),
      expect.stringMatching(/^9: globalThis\.Math/),
    ]);
    // Aliases: destructured, renamed or imported under another name, the clock and randomness are still found.
    const aliased = [
      'const { now } = Date;',
      'const M = Math;',
      "import { hrtime } from 'node:process';",
      "import { setTimeout as later } from 'node:timers/promises';",
      'const { random } = Math;',
      "import proc from 'node:process';",
      'export const t = globalThis.process.hrtime();',
      'const { Math: M2 } = globalThis;',
      'export const x = [now, M, hrtime, later, random, proc, M2];',
    ].join('\n');
    expect(await problems(aliased, 'src/sim/alias-extra.ts')).toEqual([
      expect.stringMatching(/^1: .*Date\.now reads a clock/),
      expect.stringMatching(/^2: an alias of Math\/Date/),
      expect.stringMatching(/^3: .*process\.hrtime\/uptime reads a clock/),
      expect.stringMatching(/^4: .*a timer reads a clock/),
      expect.stringMatching(/^5: .*Math\.random is not seeded/),
      expect.stringMatching(/^6: .*import named members only/),
      expect.stringMatching(/^7: globalThis\.Math\/Date\/performance\/process/),
      expect.stringMatching(/^8: globalThis\.Math\/Date\/performance\/process/),
    ]);
    expect(await problems("import { createHash } from 'node:crypto';\nexport const h = createHash('sha256');\n", 'src/sim/hash-extra.ts')).toEqual([]);
    expect(await problems('export const t = Date.now();\n', 'src/cli/wall.ts')).toEqual([]);
    expect(await problems('export const t = new Date(0).getTime();\n', 'src/report/x.ts')).toEqual([]);
  });
});
