// Where the built-in scenarios live: `scenarios/` at the package root, found
// from this module's location (src/scenario or dist/scenario).
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export function builtinScenarioDir(): string {
  return join(fileURLToPath(new URL('../..', import.meta.url)), 'scenarios');
}
