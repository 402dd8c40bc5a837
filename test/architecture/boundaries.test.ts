// The folder boundaries of src/ (.dependency-cruiser.cjs, docs/architecture.md) hold for the
// real tree, and the rules catch a deliberately wrong import in a small tree built here.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';

const ROOT = resolve(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: unknown[]; options: Record<string, unknown> };

async function violations(baseDir: string): Promise<IViolation[]> {
  const options = { ...config.options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } };
  const out = await cruise(['src'], options as never);
  return (out.output as ICruiseResult).summary.violations;
}

const show = (v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}`;

describe('folder boundaries', () => {
  test('src/ has no import that crosses a layer, leaves raft/ or closes a cycle', async () => {
    expect((await violations(ROOT)).map(show)).toEqual([]);
  });

  test('a wrong import is caught: the node reaching for a clock, the host reaching up into cli/, a cycle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raftsim-boundaries-'));
    try {
      const files: Record<string, string> = {
        'src/sim/clock.ts': 'export const now = 0;\n',
        'src/raft/node.ts': "import { now } from '../sim/clock.js';\nimport { readFileSync } from 'node:fs';\nexport const n = now + readFileSync.length;\n",
        'src/cluster/host.ts': "import { main } from '../cli/main.js';\nexport const h = main;\n",
        'src/cli/main.ts': "import { h2 } from './other.js';\nexport const main = 1 + h2;\n",
        'src/cli/other.ts': "import { main } from './main.js';\nexport const h2 = main;\n",
        'src/newfolder/x.ts': "import { now } from '../sim/clock.js';\nexport const x = now;\n",
      };
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const found = (await violations(dir)).map(show).sort();
      expect(found).toEqual(
        expect.arrayContaining([
          'raft-is-pure: src/raft/node.ts → src/sim/clock.ts',
          'raft-is-pure: src/raft/node.ts → fs',
          'layer:cluster: src/cluster/host.ts → src/cli/main.ts',
          'no-circular: src/cli/main.ts → src/cli/other.ts',
          'no-folder-outside-layers: src/newfolder/x.ts → src/sim/clock.ts',
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
