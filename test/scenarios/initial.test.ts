// cluster.initial (a cluster that starts established) and the new fault keys
// (`after` chains and commit triggers, `setup`): what the loader resolves, the
// logs it builds, and the messages for mistakes (file:line:column: key: message).
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatScenarioError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { initialLogs } from '../../src/scenario/resolve-initial.js';
import { FULL_EXAMPLE, lineOf, load, scenarioError, tmpDir } from './helpers.js';

const LAGGING = '{ cluster: { nodes: 5, initial: { leader: 0, term: 2, entries: 100, behind: { "3": 2, "4": 2 } } } }';

describe('the full example', () => {
  const s = loadScenario(FULL_EXAMPLE);

  it('has an initial state, a chained trigger and a set-up fault', () => {
    expect(s.initial).toEqual({
      leader: 0, term: 2, entries: 100, termStart: 98, commit: 97,
      nodes: [{ entries: 100, lastTerm: null }, { entries: 100, lastTerm: null }, { entries: 100, lastTerm: null }, { entries: 98, lastTerm: null }, { entries: 98, lastTerm: 1 }],
    });
    expect(s.faults[6].start).toEqual({ kind: 'after', events: [{ kind: 'committed', index: 10 }, { kind: 'heartbeat' }], delayUs: 0, windowUs: 0 });
    expect(s.faults.map((f) => f.setup)).toEqual([false, false, false, false, false, false, false, true]);
  });
});

describe('cluster.initial resolves', () => {
  it('the one-liner: nodes 3 and 4 two entries behind', () => {
    const s = load(LAGGING);
    expect(s.initial).toEqual({
      leader: 0, term: 2, entries: 100, termStart: 99, commit: 100,
      nodes: [100, 100, 100, 98, 98].map((entries) => ({ entries, lastTerm: null })),
    });
  });

  it('an empty object: leader 0 of term 2 holding 100 entries everywhere, its no-op last, all committed', () => {
    expect(load('{ cluster: { initial: {} } }').initial).toMatchObject({ leader: 0, term: 2, entries: 100, termStart: 100, commit: 100 });
  });

  it('is absent without `initial`, so other scenarios resolve as before', () => {
    expect('initial' in load('{}')).toBe(false);
  });

  it('a diverged tail from an older term; commit stops where that log departs from the leader\'s', () => {
    const s = load('{ cluster: { initial: { term: 3, behind: { "3": 2 }, diverged: { "4": { entries: 98, lastTerm: 1 } } } } }');
    // termStart: the first index some node lacks (99 for node 3) or holds differently (98 for node 4).
    expect(s.initial).toMatchObject({ term: 3, termStart: 98, commit: 97 });
    expect(s.initial!.nodes[4]).toEqual({ entries: 98, lastTerm: 1 });
    expect(load('{ cluster: { initial: { diverged: { "4": { entries: 98 } } } } }').initial!.nodes[4].lastTerm).toBe(1); // default term − 1
  });

  it('commit defaults to the highest index a majority holds', () => {
    expect(load('{ cluster: { initial: { behind: { "2": 5, "3": 7, "4": 9 } } } }').initial!.commit).toBe(95);
    expect(load('{ cluster: { initial: { behind: { "3": 5 }, commit: 40 } } }').initial!.commit).toBe(40);
  });
});

describe('the initial logs', () => {
  const s = load('{ cluster: { initial: { term: 3, behind: { "3": 2 }, diverged: { "4": { entries: 101, lastTerm: 2 } } } } }');
  const logs = initialLogs(s.initial!);

  it('the leader: term 1 before termStart, its own term from there, its no-op (data 0) at termStart', () => {
    const leader = logs[0];
    expect(leader).toHaveLength(100);
    expect(s.initial!.termStart).toBe(99);
    expect(leader.slice(0, 98).every((e) => e.term === 1)).toBe(true);
    expect(leader.slice(98).map((e) => e.term)).toEqual([3, 3]);
    expect(leader[98].data).toBe(0);
    expect(leader.filter((e) => e.data === 0)).toHaveLength(1);
  });

  it('no entry is a client write (data > 0), and each (index, term) has one data value', () => {
    const seen = new Map<string, number>();
    logs.forEach((log) =>
      log.forEach((e, i) => {
        expect(e.data).toBeLessThanOrEqual(0);
        const key = `${i + 1}/${e.term}`;
        if (seen.has(key)) expect(e.data).toBe(seen.get(key));
        seen.set(key, e.data);
      }),
    );
    const dataByIndex = new Map<number, Set<number>>();
    logs.forEach((log) => log.forEach((e, i) => (dataByIndex.get(i) ?? dataByIndex.set(i, new Set()).get(i)!).add(e.data)));
    expect(dataByIndex.get(99)!.size).toBe(2); // index 100: the leader's term-3 entry and node 4's term-2 one differ
  });

  it('behind: a prefix; diverged: the leader\'s entries before termStart, then its own older term', () => {
    expect(logs[3]).toEqual(logs[0].slice(0, 98));
    expect(logs[4]).toHaveLength(101);
    expect(logs[4].slice(0, 98)).toEqual(logs[0].slice(0, 98));
    expect(logs[4].slice(98).map((e) => e.term)).toEqual([2, 2, 2]);
    expect(logs[1]).toBe(logs[0]); // built once, shared (the host copies what it keeps)
    expect(initialLogs(s.initial!)).toBe(logs);
  });
});

describe('cluster.initial mistakes', () => {
  const cases: [string, string, string][] = [
    // [initial, key path, message]
    ['{ leader: 5 }', 'cluster.initial.leader', 'node 5 does not exist: the cluster has 5 nodes (nodes 0–4)'],
    ['{ entries: 100, behind: { "3": 120 } }', 'cluster.initial.behind.3', 'node 3 is 120 entries behind, but the leader holds only 100'],
    ['{ behind: { "0": 2 } }', 'cluster.initial.behind.0', 'node 0 is the leader: it holds all 100 entries'],
    ['{ behind: { "7": 2 } }', 'cluster.initial.behind.7', 'node 7 does not exist: the cluster has 5 nodes (nodes 0–4)'],
    ['{ behind: { "x": 2 } }', 'cluster.initial.behind.x', '"x" is not a node id'],
    ['{ behind: { "3": -1 } }', 'cluster.initial.behind.3', 'must be at least 0, got -1'],
    ['{ behnd: { "3": 2 } }', 'cluster.initial.behnd', 'unknown key'],
    ['{ term: 2, diverged: { "4": { entries: 98, lastTerm: 2 } } }', 'cluster.initial.diverged.4.lastTerm', "lastTerm 2 must be below the leader's term 2: a diverged tail comes from an older leader"],
    ['{ term: 1, diverged: { "4": { entries: 98 } } }', 'cluster.initial.diverged.4', "a diverged tail comes from a term older than the leader's, and the leader's term is 1"],
    ['{ behind: { "4": 1 }, diverged: { "4": { entries: 98 } } }', 'cluster.initial.diverged.4', 'node 4 is also listed in `behind`'],
    ['{ termStart: 99, diverged: { "4": { entries: 50 } } }', 'cluster.initial.diverged.4.entries', 'node 4 holds 50 entries, all before termStart 99, so it has none of its own term'],
    ['{ termStart: 101 }', 'cluster.initial.termStart', "termStart 101 is past the leader's last entry 100"],
    ['{ commit: 100, behind: { "2": 5, "3": 5, "4": 5 } }', 'cluster.initial.commit', 'commit 100 is held by only 2 of 5 nodes'],
    ['{ commit: 100, diverged: { "4": { entries: 98 } } }', 'cluster.initial.commit', "commit 100 is past index 97, where node 4's log departs from the leader's"],
    ['{ term: 0 }', 'cluster.initial.term', 'must be at least 1, got 0'],
  ];
  for (const [initial, keyPath, message] of cases) {
    it(`${initial} → ${keyPath}`, () => {
      const e = scenarioError(() => load(`{ cluster: { nodes: 5, initial: ${initial} } }`));
      expect(e.keyPath).toBe(keyPath);
      expect(e.message).toContain(message);
    });
  }

  it('says how to fix the commit index', () => {
    expect(scenarioError(() => load('{ cluster: { initial: { commit: 100, behind: { "2": 5, "3": 5, "4": 5 } } } }')).hint).toBe('give at most 95, the highest index a majority holds');
    expect(scenarioError(() => load('{ cluster: { initial: { commit: 100, diverged: { "4": { entries: 98 } } } } }')).hint).toBe('give at most 97');
  });

  it('caps the logs held in all', () => {
    const e = scenarioError(() => load('{ cluster: { nodes: 101, initial: { entries: 100000 } } }'));
    expect([e.keyPath, e.message, e.hint]).toEqual(['cluster.initial.entries', 'the initial logs hold 10100000 entries in all, over the cap of 1e+6', 'fewer entries or fewer nodes']);
  });

  it('names the file, line and column of the key', () => {
    const text = '{\n  cluster: {\n    nodes: 5,\n    initial: { leader: 0, entries: 10, behind: { "3": 20 } },\n  },\n}';
    const file = join(tmpDir(), 'lag.json5');
    writeFileSync(file, text);
    const e = scenarioError(() => loadScenario(file));
    expect(e.line).toBe(lineOf(text, 'behind'));
    expect(formatScenarioError(e).split('\n')[0]).toBe(`${file}:4:${text.split('\n')[3].indexOf('20') + 1}: cluster.initial.behind.3: node 3 is 20 entries behind, but the leader holds only 10`);
  });
});

describe('fault triggers and set-up faults', () => {
  const fault = (after: string, extra = '') => load(`{ faults: [{ kind: "crash", target: "leader", after: ${after}${extra} }] }`).faults[0];

  it('one event, a commit index, or a chain of them', () => {
    expect(fault('"heartbeat"').start).toEqual({ kind: 'after', events: [{ kind: 'heartbeat' }], delayUs: 0, windowUs: 0 });
    expect(fault('{ committed: 10 }').start).toEqual({ kind: 'after', events: [{ kind: 'committed', index: 10 }], delayUs: 0, windowUs: 0 });
    expect(fault('["stable-leader", { committed: 5 }, "heartbeat"]', ', delay: "10ms"').start).toEqual({
      kind: 'after', events: [{ kind: 'stable-leader' }, { kind: 'committed', index: 5 }, { kind: 'heartbeat' }], delayUs: 10_000, windowUs: 0,
    });
  });

  it('setup defaults to false', () => {
    expect(fault('"heartbeat"').setup).toBe(false);
    expect(fault('"heartbeat"', ', setup: true').setup).toBe(true);
  });

  const cases: [string, string, string, string | undefined][] = [
    ['"stabel-leader"', 'faults[0].after', 'expected one of "stable-leader", "heartbeat", got "stabel-leader"', 'stable-leader'],
    ['["stable-leader", "hartbeat"]', 'faults[0].after[1]', 'expected one of "stable-leader", "heartbeat", got "hartbeat"', 'heartbeat'],
    ['{ commited: 10 }', 'faults[0].after.commited', 'unknown key', 'committed'],
    ['{}', 'faults[0].after', 'missing `committed`', undefined],
    ['["heartbeat", {}]', 'faults[0].after[1]', 'missing `committed`', undefined],
    ['{ committed: 0 }', 'faults[0].after.committed', 'must be at least 1, got 0', undefined],
    ['[]', 'faults[0].after', 'the chain is empty', undefined],
    [`[${Array(9).fill('"heartbeat"').join(', ')}]`, 'faults[0].after', '9 events, over the cap of 8', undefined],
  ];
  for (const [after, keyPath, message, suggestion] of cases) {
    it(`after: ${after} → ${keyPath}`, () => {
      const e = scenarioError(() => fault(after));
      expect(e.keyPath).toBe(keyPath);
      expect(e.message).toContain(message);
      expect(e.suggestion).toBe(suggestion);
    });
  }

  it('setup must be true or false', () => {
    const e = scenarioError(() => load('{ faults: [{ kind: "crash", target: "leader", at: "1s", setup: "yes" }] }'));
    expect([e.keyPath, e.message]).toEqual(['faults[0].setup', 'expected true or false, got "yes"']);
  });
});
