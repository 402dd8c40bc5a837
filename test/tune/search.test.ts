// The adaptive search on a synthetic problem with a known answer (synthetic.ts).
import { describe, expect, it } from 'vitest';
import { search } from '../../src/tune/search.js';
import { coarseGrid } from '../../src/tune/grid.js';
import { AXES, QUIET_HOURS, space, syntheticEvaluator } from './synthetic.js';

const OPTS = { budgetTrials: 50_000, failoverStart: 100, failoverMax: 3200, quietStart: 4, quietMax: 64, quietTrialHours: QUIET_HOURS };
const msOf = (s: ReturnType<typeof space>, id: number | null) => (id === null ? null : s.grid[id].knobs.electionTimeoutUs / 1000);

describe('tune search on a known problem', () => {
  it('finds the configuration that is best by construction, separated from every other, with fewer trials than the full grid', async () => {
    const s = space();
    const ev = syntheticEvaluator(s.grid);
    const out = await search(s, ev, OPTS);
    expect(out.reason).toBe('separated');
    expect(msOf(s, out.recommended)).toBe(400);
    const state = (ms: number) => out.evaluated.find((e) => e.candidate.knobs.electionTimeoutUs === ms * 1000)?.state;
    expect(state(300)).toBe('missed'); // spurious elections
    expect(state(600)).toBe('missed'); // failover too slow
    expect(state(500)).toBe('slower');
    const e300 = out.evaluated.find((e) => e.candidate.knobs.electionTimeoutUs === 300_000)!;
    expect(e300.assessment.spurious.verdict).toBe('missed');
    // 400 ms is not in the coarse grid: the refinement around the frontier found it.
    expect(coarseGrid(s.grid, AXES).map((c) => c.knobs.electionTimeoutUs)).not.toContain(400_000);
    expect(out.evaluated.find((e) => e.candidate.knobs.electionTimeoutUs === 400_000)!.addedInRound).toBeGreaterThan(0);
    // Racing: far fewer trials than giving every configuration the caps.
    const fullGridTrials = s.grid.length * (OPTS.failoverMax + OPTS.quietMax);
    expect(out.trialsSpent).toBeLessThan(fullGridTrials / 4);
    expect(out.trialsSpent).toBe(ev.calls.flat().reduce((a, r) => a + r.trials.length, 0));
    // Configurations far from the frontier were never evaluated.
    expect(out.evaluated.length).toBeLessThan(s.grid.length);
  });

  it('is deterministic for a seed and budget', async () => {
    const a = await search(space(), syntheticEvaluator(space().grid), OPTS);
    const b = await search(space(), syntheticEvaluator(space().grid), OPTS);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('with too small a budget says the decision is not separated instead of picking one', async () => {
    const s = space();
    const out = await search(s, syntheticEvaluator(s.grid), { ...OPTS, budgetTrials: 700 });
    expect(out.reason).toBe('budget');
    expect(out.recommended).toBeNull();
    expect(out.trialsSpent).toBeLessThanOrEqual(700);
    expect(out.evaluated.some((e) => e.state === 'open')).toBe(true);
  });

  it('per-configuration caps too low to decide end in "caps", not a recommendation', async () => {
    const s = space();
    const out = await search(s, syntheticEvaluator(s.grid), { ...OPTS, failoverMax: 150 });
    expect(out.reason).toBe('caps');
    expect(out.recommended).toBeNull();
  });

  it('when no configuration can meet the goals, it says so', async () => {
    const s = { ...space(), goals: { ...space().goals, failoverMs: 100 } };
    const out = await search(s, syntheticEvaluator(s.grid), OPTS);
    expect(out.reason).toBe('none-meets-goals');
    expect(out.recommended).toBeNull();
    expect(out.evaluated.every((e) => e.state === 'missed')).toBe(true);
  });
});
