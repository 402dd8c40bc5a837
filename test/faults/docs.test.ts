// The README's list of fault kinds names every registered kind (src/faults/registry.ts), as
// docs/json.md must list every metric (test/metrics/table.test.ts).
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FAULT_KIND_NAMES } from '../../src/faults/registry.js';

test("README's \"Fault kinds:\" paragraph names every registered fault kind", () => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const start = readme.indexOf('Fault kinds:');
  expect(start, 'README.md has a "Fault kinds:" paragraph').toBeGreaterThan(0);
  const paragraph = readme.slice(start, readme.indexOf('\n\n', start));
  const missing = FAULT_KIND_NAMES.filter((k) => !paragraph.includes(`\`${k}\``));
  expect(missing, `add these kinds to README.md's "Fault kinds:" paragraph`).toEqual([]);
});
