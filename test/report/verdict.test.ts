// The sweep verdict names every goal a configuration misses (spurious elections
// included: a config with 169 needless elections an hour is not "ok"), and the
// terminal's sweep output ends with the recommendation, its intervals and its rule.
import { describe, expect, it } from 'vitest';
import { verdictFlags, verdictText } from '../../src/report/verdict.js';
import { formatSweep, durationTable, sweepRows } from '../../src/cli/format-run.js';
import { csvTable } from '../../src/cli/csv.js';
import { RECOMMENDATION_RULE } from '../../src/report/recommend.js';
import { summarizeDurations } from '../../src/metrics/summary.js';
import { config, sweepResult } from './fixtures.js';

describe('sweep verdicts', () => {
  it('flag spurious elections, censored trials, failed expectations and safety together', () => {
    expect(verdictText(config())).toBe('ok');
    expect(verdictText(config({ spurious: 169 }))).toBe('spurious elections 169.0/h');
    const bad = { ...config({ spurious: 2, censored: 1, violated: true }), expectations: [{ metric: 'timeToLeaderMs.p99', op: '<', bound: 1, actual: 2, pass: false }] } as unknown as Parameters<typeof verdictFlags>[0];
    expect(verdictFlags(bad)).toEqual(['safety VIOLATED', 'expect FAIL ×1', 'spurious elections 2.0/h', 'no leader in 1 of 5']);
  });

  it('the terminal sweep table shows the verdicts and ends with the recommendation and its rule', () => {
    const text = formatSweep(sweepResult([config({ point: { et: '20ms' }, p99: 80, spurious: 169 }), config({ point: { et: '150ms' }, p99: 200 })]));
    expect(text).toMatch(/20ms .*spurious elections 169\.0\/h/);
    expect(text).toMatch(/recommended: et=150ms \(configuration #2; 1 of 2 met the rule's conditions\)/);
    // Prose wraps to the terminal: compare with the line breaks taken out.
    expect(text.replace(/\s+/g, ' ')).toContain(`rule: ${RECOMMENDATION_RULE}`.replace(/\s+/g, ' '));
  });

  it('--csv gives the same table: a header and a row per configuration, quoted where needed', () => {
    const csv = csvTable(sweepRows(sweepResult([config({ point: { et: '20ms' }, spurious: 169, censored: 1 }), config({ point: { et: '150ms' } })]))).trimEnd().split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[0]).toBe('et,ttl p50,ttl p99,p99 95% CI,ttl max,cens.,split/trial,spurious/h,95% CI,avail.,verdict');
    expect(csv[1]).toMatch(/^20ms,.*,spurious elections 169\.0\/h; no leader in 1 of 5$/);
    expect(csvTable({ header: ['p99 95% CI'], rows: [['[221.2, > horizon]'], ['say "hi"']] })).toBe('p99 95% CI\n"[221.2, > horizon]"\n"say ""hi"""\n');
  });
});

describe('quantile intervals in summaries and the run table', () => {
  it('a summary carries order-statistic intervals; censored bounds read "> horizon", too few observations "—"', () => {
    const s = summarizeDurations([...Array.from({ length: 990 }, (_, i) => (i + 1) * 1000), ...new Array(10).fill(null)]);
    expect(s.quantileCi95!.p50).toEqual([469, 532]);
    expect(s.quantileCi95!.p99[1]).toBe('> horizon');
    expect(summarizeDurations([1000, 2000, 3000]).quantileCi95!.p99).toEqual([2, null]);
    const empty = summarizeDurations([]);
    const keys = ['timeToLeaderHeardMs', 'timeToStableLeaderMs', 'timeToLeaderCommitMs', 'timeToWriteMs', 'leaderlessMs', 'deposedLeaderMs', 'recoveryMs', 'commitLatencyMs'];
    const table = durationTable({ ...Object.fromEntries(keys.map((k) => [k, empty])), timeToLeaderMs: s } as never);
    expect(table).toMatch(/p99 95% CI/);
    expect(table).toMatch(/\[983\.0, > horizon\]/);
  });
});
