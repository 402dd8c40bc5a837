// A generated fault schedule written in the scenario format must load back to
// exactly the faults the fuzzer ran: the written counterexample file IS the run.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { SAFE_FAULT_KINDS, faultScheduleArb, leaderChurnArb } from '../../src/faults/arbitrary.js';
import type { Fault } from '../../src/faults/types.js';
import { parseDuration } from '../../src/format/duration.js';
import { caseScenario, fuzzBase } from '../../src/fuzz/fuzz.js';
import { exactDuration, lastHealOf } from '../../src/fuzz/fuzz-scenario.js';
import { loadScenario, resolveScenarioPath } from '../../src/scenario/load.js';
import { printJson5 } from '../../src/scenario/json5-print.js';
import JSON5 from 'json5';

const OUT = join(import.meta.dirname, 'out', 'case.json5');

describe('fuzz cases as scenario files', () => {
  const s = loadScenario('leader-crash');
  const base = fuzzBase(s, resolveScenarioPath('leader-crash'), 'reference', OUT);

  it('every generated schedule loads back as the same faults, at the same times, for as long', () => {
    const random = faultScheduleArb({ nodes: 5, windowUs: 5_000_000, maxFaults: 6, minDurationUs: 1, maxDurationUs: 3_000_000, kinds: SAFE_FAULT_KINDS });
    const churn = leaderChurnArb({ nodes: 5, startUs: 1_000_000, maxSteps: 8, minGapUs: 50_000, maxGapUs: 500_000, minDurationUs: 50_000, maxDurationUs: 1_000_000 });
    fc.assert(
      fc.property(fc.oneof(random, churn), fc.nat(), (faults: Fault[], variant) => {
        const r = caseScenario(base, { variant, faults });
        expect(r.trials).toBe(1);
        expect(r.horizonUs).toBe(lastHealOf(faults) + base.boundUs);
        expect(r.faults.map((f) => f.action)).toEqual(faults.map((f) => f.action));
        r.faults.forEach((f, i) => {
          expect(f.start).toEqual({ kind: 'at', atUs: faults[i].atUs });
          expect(f.repeat).toEqual({ kind: 'once' });
          const d = faults[i].action.kind === 'step' ? null : { kind: 'constant', value: faults[i].durationUs };
          expect(f.duration).toEqual(d);
        });
        expect(r.expect).toEqual([
          { metric: 'safety', op: '==', value: 'ok' },
          { metric: 'recoveryMs.max', op: '<=', value: base.boundUs / 1000 },
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the scenario\'s cluster, timers and network; raises the workload to at least 10 writes/s', () => {
    const r = caseScenario(base, { variant: 3, faults: [{ atUs: 1_000, durationUs: 2_000, action: { kind: 'crash', target: 'leader' } }] });
    expect(r.nodes).toBe(s.nodes);
    expect(r.raft.nodes).toEqual(s.raft.nodes);
    expect(r.network).toEqual(s.network);
    expect(r.workload.writesPerSecond).toBe(Math.max(10, s.workload.writesPerSecond));
    expect(r.seed).toBe(`${s.seed}/fuzz/3`);
  });

  it('durations are exact and readable', () => {
    expect(exactDuration(158_627)).toBe('158.627ms');
    expect(exactDuration(6_449_441)).toBe('6.449441s');
    expect(exactDuration(-2_000_000)).toBe('-2s');
    expect(exactDuration(999)).toBe('999us');
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (us) => {
      const d = parseDuration(exactDuration(us));
      expect(d.ok && d.us).toBe(us === 0 ? 0 : us);
    }));
  });

  it('prints JSON5 that parses back to the same data', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
      expect(JSON5.parse(printJson5(v))).toEqual(JSON5.parse(JSON.stringify(v)));
    }));
  });
});
