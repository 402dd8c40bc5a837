// measure.until "resolved" stops a trial once its per-fault figures are decided
// (src/scenarios/stop-rule.ts). Those figures must be exactly what a full-horizon
// run gives, on every built-in scenario, and the stop must actually save work
// where faults are one-shot.
import { describe, expect, it } from 'vitest';
import { listBuiltinScenarios, loadScenario } from '../../src/scenarios/load.js';
import { runTrialWith } from '../../src/scenarios/trial.js';
import { referenceFactory } from '../../src/scenarios/implementation.js';

const TRIALS = 6;

describe('stop when resolved', () => {
  const names = listBuiltinScenarios().filter((n) => !n.startsWith('sweep-'));
  const savedOn: string[] = [];

  for (const name of names) {
    it(`${name}: per-fault figures identical to the full horizon`, () => {
      const full = loadScenario(name, { overrides: [`trials=${TRIALS}`] });
      const early = loadScenario(name, { overrides: [`trials=${TRIALS}`, 'measure.until=resolved'] });
      let eventsFull = 0;
      let eventsEarly = 0;
      for (let t = 0; t < TRIALS; t++) {
        const a = runTrialWith(full, t, referenceFactory);
        const b = runTrialWith(early, t, referenceFactory);
        expect(b.metrics.faults, `trial ${t}`).toEqual(a.metrics.faults);
        expect(b.violation, `trial ${t}`).toEqual(a.violation);
        expect(b.metrics.recovery?.afterUs ?? null).toBe(a.metrics.recovery?.afterUs ?? null);
        eventsFull += a.events;
        eventsEarly += b.events;
      }
      if (eventsEarly < eventsFull) savedOn.push(name);
    });
  }

  it('stops early where every fault is one-shot and resolves (at least the failover scenarios)', () => {
    for (const n of ['leader-crash', 'partial-partition', 'crash-with-lagging-followers', 'quorum-loss', 'leader-isolated']) expect(savedOn).toContain(n);
  });
});
