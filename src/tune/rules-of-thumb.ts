// The common rules of thumb, from the cluster's own network: etcd's tuning
// guide says the heartbeat interval should be about the round-trip time
// between members (0.5–1.5×) and the election timeout at least 10× it. The
// round trip is measured here by drawing the scenario's one-way latencies
// (a fixed seed: deterministic) for the slowest pair of zones in use.
import { compileDist, draw } from '../sim/distributions.js';
import { makeRng } from '../sim/rng.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { Knobs } from './types.js';

export interface RoundTrip {
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Which zones (or "all links"). */
  readonly between: string;
}

export interface RulesOfThumb {
  readonly rtt: RoundTrip;
  /** etcd: election timeout >= 10 × RTT (mean). */
  readonly electionTimeoutMinMs: number;
  /** etcd: heartbeat ≈ RTT (0.5–1.5×). */
  readonly heartbeatMs: readonly [number, number];
  /** How the measured answer compares, in sentences. */
  readonly notes: readonly string[];
}

const DRAWS = 20_000;

export function roundTrip(s: ResolvedScenario): RoundTrip {
  const zones = s.placement.zones;
  const lat = s.network.zoneLatency;
  const pairs: [number, number, string][] = [];
  if (lat === null || zones.length === 0) pairs.push([-1, -1, 'all links']);
  else {
    const members = (z: number) => s.placement.zoneOf.filter((x) => x === zones[z]).length;
    for (let a = 0; a < zones.length; a++) {
      for (let b = a; b < zones.length; b++) {
        if (members(a) > 0 && members(b) > 0 && (a !== b || members(a) > 1)) pairs.push([a, b, a === b ? zones[a] : `${zones[a]}↔${zones[b]}`]);
      }
    }
  }
  let worst: RoundTrip | null = null;
  for (const [a, b, between] of pairs) {
    const there = compileDist(a < 0 ? s.network.latency : lat![a][b]);
    const back = compileDist(a < 0 ? s.network.latency : lat![b][a]);
    const rng = makeRng(`raftsim/tune/rtt/${between}`);
    const rtts = Array.from({ length: DRAWS }, () => (draw(there, rng) + draw(back, rng)) / 1000).sort((x, y) => x - y);
    const rt = { meanMs: round1(rtts.reduce((x, y) => x + y, 0) / DRAWS), p50Ms: round1(rtts[DRAWS / 2]), p99Ms: round1(rtts[Math.floor(DRAWS * 0.99)]), between };
    if (worst === null || rt.meanMs > worst.meanMs) worst = rt;
  }
  return worst!;
}

/** `shorterMissed`: whether a configuration with a shorter election timeout than the chosen one was evaluated and missed a goal. */
export function rulesOfThumb(s: ResolvedScenario, chosen: Knobs | null, shorterMissed = false): RulesOfThumb {
  const rtt = roundTrip(s);
  const notes: string[] = [];
  const etMin = round1(10 * rtt.meanMs);
  if (chosen) {
    const et = chosen.electionTimeoutUs / 1000;
    const ratio = et / rtt.meanMs;
    if (et < etMin) notes.push(`The recommended election timeout (${et} ms) is ${ratio.toFixed(1)}× the mean RTT, below the rule's 10×: the measured spurious-election rate shows this network's tail allows it, so failover is faster than the rule would give.`);
    else if (et > 2 * etMin) {
      notes.push(
        shorterMissed
          ? `The recommended election timeout (${et} ms) is ${ratio.toFixed(1)}× the mean RTT, well above the rule's 10×: shorter timeouts missed a goal here (see the evidence), so the rule alone would have been too aggressive for these goals.`
          : `The recommended election timeout (${et} ms) is ${ratio.toFixed(1)}× the mean RTT, well above the rule's 10×, but no shorter timeout in the grid was shown to miss a goal: add shorter values to tune.vary.electionTimeout to find out how far down it can go.`,
      );
    }
    else notes.push(`The recommended election timeout (${et} ms) is ${ratio.toFixed(1)}× the mean RTT, in line with the rule's ≥ 10×.`);
    if (chosen.heartbeatUs !== null) {
      const hb = chosen.heartbeatUs / 1000;
      const r = hb / rtt.meanMs;
      notes.push(r < 0.5 ? `The heartbeat (${hb} ms) is ${r.toFixed(2)}× the RTT, more often than the rule's 0.5–1.5×: it costs messages, and the evidence shows what it buys.` : r > 1.5 ? `The heartbeat (${hb} ms) is ${r.toFixed(2)}× the RTT, less often than the rule's 0.5–1.5×.` : `The heartbeat (${hb} ms) is ${r.toFixed(2)}× the RTT, within the rule's 0.5–1.5×.`);
    }
  }
  return { rtt, electionTimeoutMinMs: etMin, heartbeatMs: [round1(0.5 * rtt.meanMs), round1(1.5 * rtt.meanMs)], notes };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
