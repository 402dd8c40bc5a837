// measure.until "resolved" stops a trial once its per-fault figures are decided
// (src/run/stop-rule.ts). Those figures must be exactly what a full-horizon
// run gives, on every built-in scenario, and the stop must actually save work
// where faults are one-shot.
import { describe, expect, it } from 'vitest';
import { listBuiltinScenarios, loadScenario } from '../../src/scenario/load.js';
import { runTrialWith } from '../../src/run/trial.js';
import { referenceFactory } from '../../src/run/implementation.js';

const TRIALS = 3;

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

describe('censoring relative to each fault (measure.observe)', () => {
  // A crash 100 ms before the horizon: a full-horizon run has seen no new leader by then.
  const base = ['trials=4', 'horizon=3s', 'faults=[{"kind":"crash","target":"leader","at":"2900ms"}]'];

  it('a fault late in the trial is observed past the horizon, not reported as "no leader"', () => {
    const full = loadScenario('leader-crash', { overrides: base });
    const early = loadScenario('leader-crash', { overrides: [...base, 'measure.until=resolved'] });
    const short = loadScenario('leader-crash', { overrides: [...base, 'measure.until=resolved', 'measure.observe=50ms'] });
    for (let t = 0; t < 4; t++) {
      const a = runTrialWith(full, t, referenceFactory).metrics.faults[0];
      const b = runTrialWith(early, t, referenceFactory).metrics.faults[0];
      const c = runTrialWith(short, t, referenceFactory).metrics.faults[0];
      expect(a.startUs).toBe(2_900_000);
      expect(a.leaderUs, `trial ${t}: censored at the horizon`).toBeNull();
      expect(b.leaderUs, `trial ${t}: observed for a whole horizon after the crash`).toBeGreaterThan(100_000);
      expect(c.leaderUs, `trial ${t}: a 50 ms observation window still censors`).toBeNull();
    }
  });

  it('no fault starts past the horizon; one due there is counted as censored, not dropped', () => {
    const s = loadScenario('leader-crash', { overrides: ['trials=1', 'horizon=3s', 'measure.until=resolved', 'faults=[{"kind":"crash","target":"leader","at":"1s"},{"kind":"crash","target":"leader","after":"stable-leader","delay":"2900ms"}]'] });
    const r = runTrialWith(s, 0, referenceFactory);
    expect(r.faultLog.filter((f) => !f.setup).every((f) => f.atUs < 3_000_000)).toBe(true);
    expect(r.metrics.faults).toHaveLength(2);
    expect(r.metrics.faults[1].description).toMatch(/never started/);
    expect(r.metrics.faults[1].leaderUs).toBeNull();
  });
});
