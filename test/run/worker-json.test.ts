// Trial summaries cross the thread boundary as JSON text (run/worker.ts runBatchJson):
// for every built-in scenario, what the main thread decodes is exactly what the worker
// built, so where a batch ran can never change a result (strict equality: no -0,
// undefined field or non-finite number is lost on the way).
import { describe, expect, it } from 'vitest';
import { runBatch, runBatchJson } from '../../src/run/worker.js';
import { loadScenario } from '../../src/scenario/load.js';
import { builtinNames } from '../cli/cli.js';

describe('trial summaries as JSON', () => {
  it('decode to exactly the summaries of every built-in scenario', async () => {
    for (const name of builtinNames()) {
      const batch = { scenario: loadScenario(name), trials: [0, 1] };
      const direct = await runBatch(batch);
      expect(JSON.parse(JSON.stringify(direct)), name).toStrictEqual(direct);
      if (name === 'leader-crash') expect(await runBatchJson(batch)).toBe(JSON.stringify(direct)); // what the pool returns
    }
  });
});
