// Golden traces: every file in testdata/ is a script with the expected output
// under each command. Review diffs like code; RAFT_REWRITE=1 regenerates them.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { formatScript, parseScript, runScript } from './script.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'testdata');
const rewrite = process.env.RAFT_REWRITE === '1';

describe('golden traces (testdata/*.txt)', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    test(file, () => {
      const path = join(dir, file);
      const blocks = parseScript(readFileSync(path, 'utf8'));
      const outputs = runScript(blocks);
      if (rewrite) writeFileSync(path, formatScript(blocks, outputs));
      blocks.forEach((b, i) => expect(outputs[i], `${file}: ${b.command}`).toEqual(b.expected));
    });
  }
});
