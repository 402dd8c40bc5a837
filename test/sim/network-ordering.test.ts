// Per-link delivery order: 'fifo' (the default, like the TCP streams etcd, hashicorp/raft
// and LogCabin replicate over) never lets a message overtake an earlier one on the same
// directed link; 'independent' lets each keep its own drawn delay.
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/sim/kernel.js';
import { Network, type NetworkSpec } from '../../src/sim/network.js';
import { makeRng, streamSeed } from '../../src/sim/rng.js';

function run(ordering: NetworkSpec['ordering']) {
  const kernel = new Kernel();
  const got: { t: number; from: number; to: number; seq: number }[] = [];
  const net = new Network(
    kernel,
    makeRng(streamSeed(3, 0, 'network')),
    { nodes: 3, latency: { kind: 'uniform', min: 5_000, max: 10_000 }, lossProbability: 0, duplicateProbability: 0, inFlightOnCut: 'drop', ordering },
    (to, from, msg) => {
      got.push({ t: kernel.now, from, to, seq: msg as number });
      return true;
    },
  );
  const tick = kernel.defineKind('send', (i) => {
    net.send(i % 3, (i + 1) % 3, i);
    if (i < 3_000) kernel.after(1_000, tick, i + 1);
  });
  kernel.at(0, tick, 0);
  kernel.run(10_000_000);
  return got;
}

/** Messages on one link that arrive after a later-sent one. */
function overtaken(got: ReturnType<typeof run>): number {
  let count = 0;
  const last = new Map<string, number>();
  for (const d of got) {
    const k = `${d.from}>${d.to}`;
    if ((last.get(k) ?? -1) > d.seq) count++;
    last.set(k, Math.max(last.get(k) ?? -1, d.seq));
  }
  return count;
}

describe('per-link delivery order', () => {
  it('fifo: send order is kept on every link, and no message arrives before its own drawn delay', () => {
    const got = run('fifo');
    expect(got).toHaveLength(3_001);
    expect(overtaken(got)).toBe(0);
    // Sent at seq ms; delays are at least 5 ms.
    for (const d of got) expect(d.t).toBeGreaterThanOrEqual(d.seq * 1_000 + 5_000);
  });

  it('fifo is the default', () => {
    expect(overtaken(run(undefined))).toBe(0);
  });

  it('independent: with 3 ms between sends on a link and 5–10 ms delays, later messages overtake earlier ones', () => {
    const got = run('independent');
    expect(got).toHaveLength(3_001);
    // Two consecutive messages on a link are 3 ms apart; P(overtake) = P(D1 - D2 > 3 ms) = 0.08 for U(5,10) ms.
    const n = overtaken(got);
    expect(n).toBeGreaterThan(100);
    expect(n).toBeLessThan(600);
  });
});
