// When faults start (src/faults/scheduler.ts): on a commit index, after a chain
// of events, and set-up faults that happen but are not measured.
import { describe, expect, it } from 'vitest';
import { runTrial } from '../../src/run/trial.js';
import { aggregate } from '../../src/metrics/aggregate.js';
import type { ClusterObserver } from '../../src/cluster/observer.js';
import type { CommittedEntry, Message, NodeId } from '../../src/raft/types.js';
import { load } from '../scenarios/helpers.js';

/** When the cluster commit index (the highest index any node reported committed) first reached each value. */
class CommitWatch implements ClusterObserver {
  readonly reachedAt: number[] = [0];
  onCommit(_node: NodeId, entries: readonly CommittedEntry[], now: number): void {
    const last = entries[entries.length - 1].index;
    while (this.reachedAt.length <= last) this.reachedAt.push(now);
  }
}

/** Times at which some node sent empty AppendEntries (heartbeats), each instant once. */
class HeartbeatWatch implements ClusterObserver {
  readonly times: number[] = [];
  onSend(_from: NodeId, msg: Message, now: number): void {
    if (msg.type === 'AppendEntries' && msg.entries.length === 0 && this.times[this.times.length - 1] !== now) this.times.push(now);
  }
}

const BASE = 'cluster: { nodes: 5 }, raft: { profile: "paper" }, horizon: "4s"';

describe('after: { committed: N }', () => {
  it('starts the fault the moment some node reports index N committed', async () => {
    for (const [n, delay] of [[10, 0], [37, 5_000]]) {
      const s = load(`{ ${BASE}, workload: { writesPerSecond: 100 }, faults: [{ kind: "pause", target: [4], after: { committed: ${n} }, delay: "${delay}us", duration: "1ms" }] }`);
      for (const trial of [0, 1, 2]) {
        const watch = new CommitWatch();
        const r = await runTrial(s, trial, { observers: [watch] });
        expect(watch.reachedAt.length).toBeGreaterThan(n);
        expect(r.faultLog.map((f) => f.atUs)).toEqual([watch.reachedAt[n] + delay]);
      }
    }
  });

  it('never starts when the index is never reached: a censored sample, described', async () => {
    const s = load(`{ ${BASE}, faults: [{ kind: "crash", target: "leader", after: { committed: 1000 } }] }`);
    const r = await runTrial(s, 0);
    expect(r.faultLog).toEqual([]);
    expect(r.metrics.faults).toHaveLength(1);
    expect(r.metrics.faults[0]).toMatchObject({ leaderUs: null, leaderCommitUs: null, description: 'crash leader (never started: the commit index never reached 1000)' });
  });
});

describe('chained triggers', () => {
  it('["stable-leader", "heartbeat"]: the first heartbeat after the leader became stable; one more "heartbeat", the next one', async () => {
    const text = (after: string) => `{ ${BASE}, faults: [{ kind: "pause", target: [4], after: ${after}, duration: "1ms" }] }`;
    for (const trial of [0, 1, 2, 3]) {
      const stable = await runTrial(load(text('"stable-leader"')), trial, { keepHistory: true });
      const stableAt = stable.history!.effective[0].startUs + 300_000; // measure.stableFor: the 300 ms timeout max
      expect(stable.faultLog[0].atUs).toBe(stableAt);

      const hb = new HeartbeatWatch();
      const once = await runTrial(load(text('["stable-leader", "heartbeat"]')), trial, { observers: [hb] });
      const after = hb.times.filter((t) => t > stableAt);
      expect(once.faultLog[0].atUs).toBe(after[0]);

      const twice = await runTrial(load(text('["stable-leader", "heartbeat", "heartbeat"]')), trial);
      expect(twice.faultLog[0].atUs).toBe(after[1]);
      expect(after[1] - after[0]).toBeGreaterThanOrEqual(49_000); // the next broadcast, not another message of the same one
    }
  });

  it('[{ committed: 20 }, "heartbeat"]: the first heartbeat after index 20 committed', async () => {
    const s = load(`{ ${BASE}, workload: { writesPerSecond: 100 }, faults: [{ kind: "pause", target: [4], after: [{ committed: 20 }, "heartbeat"], duration: "1ms" }] }`);
    const commits = new CommitWatch();
    const hb = new HeartbeatWatch();
    const r = await runTrial(s, 0, { observers: [commits, hb] });
    expect(r.faultLog[0].atUs).toBe(hb.times.find((t) => t > commits.reachedAt[20]));
  });
});

describe('set-up faults', () => {
  const text = (setup: boolean) =>
    `{ ${BASE}, horizon: "6s", faults: [
      { kind: "pause", target: "follower", at: "1s", duration: "100ms", setup: ${setup} },
      { kind: "crash", target: "leader", after: "stable-leader", delay: "2s" },
      { kind: "pause", target: [3], after: { committed: 1000 }, duration: "1s", setup: ${setup} },
    ] }`;

  it('happen, but give no per-fault sample (and a set-up fault that never starts is no censored one)', async () => {
    const measured = await runTrial(load(text(false)), 0, { keepHistory: true });
    const setup = await runTrial(load(text(true)), 0, { keepHistory: true });
    expect(setup.hash).toBe(measured.hash); // the same run: only the measuring differs
    const [pause, crash] = setup.faultLog.map((f) => f.description);
    expect(pause).toMatch(/^pause n\d$/);
    expect(crash).toMatch(/^crash n\d$/);
    expect(setup.faultLog.map((f) => f.setup)).toEqual([true, false]);
    expect(setup.history!.faults.map((f) => [f.description, f.kind, f.setup])).toEqual([[pause, 'pause', true], [crash, 'crash', false]]);
    expect(measured.metrics.faults.map((f) => f.description)).toEqual([pause, crash, 'pause [3] (never started: the commit index never reached 1000)']);
    expect(setup.metrics.faults.map((f) => f.description)).toEqual([crash]);
    expect(setup.metrics.faults[0]).toEqual(measured.metrics.faults[1]);
  });

  it('are left out of the summaries: time to leader, leader kept, recovery', async () => {
    const trials = [0, 1, 2, 3, 4];
    const summarize = async (setup: boolean) =>
      aggregate(
        await Promise.all(trials.map(async (t) => ({ trial: t, ...(await runTrial(load(text(setup)), t)) }))),
        [30_000_000],
      );
    const measured = await summarize(false);
    const setup = await summarize(true);
    expect(measured.timeToLeaderMs).toMatchObject({ n: 15, censored: 5 });
    expect(measured.leaderKeptFraction).toBeCloseTo(1 / 3, 3); // the paused follower: leader kept
    expect(setup.timeToLeaderMs).toMatchObject({ n: 5, censored: 0 });
    expect(setup.timeToLeaderCommitMs).toMatchObject({ n: 5, censored: 0 });
    expect(setup.leaderKeptFraction).toBe(0);
    expect(measured.recoveryMs.n).toBe(0); // the never-started pause never healed
    expect(setup.recoveryMs.n).toBe(0); // the crash never heals either
    expect(setup.leaderlessMs).toEqual(measured.leaderlessMs); // per-trial totals still see everything
  });
});
