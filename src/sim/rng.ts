// Seeded randomness. Every random draw in a trial comes from a named stream
// derived from (scenario seed, trial index, stream name), so streams are
// independent: adding a fault never shifts the network's draws, and any single
// trial can be replayed alone.
//
// Construction. A stream's canonical name is `raftsim/<seed>/<trial>/<name>`
// (streamSeed). Its generator state is the first 128 bits of SHA-256(name),
// loaded directly (bytes 0-15 as little-endian 32-bit words a, b, c, d) as
// the state of Tyche-i (Neves & Araujo 2011, an ARX generator with a 128-bit
// state; seedrandom ships it as seedrandom.tychei). Each draw is one 32-bit
// output divided by 2^32, so draws are multiples of 2^-32 in [0, 1), the same
// resolution as before.
//
// Why the hash. Raftsim used to seed Alea (seedrandom.alea) with the name
// string itself, which Alea turns into state with its Mash string hash. Names
// of sibling streams differ only in the last character (`.../timers:0` ..
// `.../timers:3`), and Alea's FIRST output is dependent across such seeds:
// for the four nodes' timer streams, "some three of the four first draws
// within a window of width 0.01" happened ~0.69% of the time against 0.118%
// for independent uniforms, so first-round election timeouts collided about
// 6x too often. The dependence is higher-order (pairwise correlations are
// zero), and later draws, and first draws of consecutive trials, were fine.
// SHA-256 makes the states of any two distinct names look independent and
// uniform, whatever the names have in common, so independence across streams
// no longer depends on the generator's seeding; the generator only has to be
// good within one stream. test/sim/rng-independence.test.ts checks this and
// shows the old construction failing the same check.
//
// Why Tyche-i loaded from the digest (rather than Alea seeded with the hex
// digest): its state is exactly 128 bits and every state but all-zero is
// valid, so the digest is used as-is, with no second string hash (Alea's Mash
// over the 64-character hex digest made stream creation ~2.5x slower than
// this) and no warm-up (the state already has full entropy; Tyche-i's own 20
// seeding rounds exist to spread low-entropy seeds). Draws cost the same as
// Alea's (a few ns). Building a generator costs ~3 us, mostly SHA-256 (the
// one-shot crypto.hash where Node has it); a stream is built at its first draw
// (LazyRng), so the tens of streams a trial names cost nothing until used.
//
// Everything is integer arithmetic on 32-bit words plus SHA-256, so sequences
// are the same on every machine.
import { hash } from 'node:crypto';

/** A source of uniform doubles in [0, 1). */
export interface Rng {
  next(): number;
}

/** Stream names used across raftsim; per-node streams append `:<node id>`. */
export type StreamName = 'network' | 'faults' | 'workload' | 'workload-latency' | 'workload-backoff' | 'timers' | 'cpu' | 'disk' | 'boot' | 'fuzz' | 'wake' | 'jitter';

/** The canonical name of a stream; makeRng hashes it into the stream's state. */
export function streamSeed(seed: string | number, trial: number, name: string): string {
  return `raftsim/${seed}/${trial}/${name}`;
}

/**
 * A generator whose state is SHA-256(seed) truncated to 128 bits, loaded into
 * Tyche-i. Distinct seeds give independent-looking streams from the first draw,
 * however similar the seed strings are.
 */
export function makeRng(seed: string): Rng {
  const g = new TycheI();
  g.load(sha256(seed));
  return g;
}

// The one-shot crypto.hash (Node >= 20.12): about twice as fast as createHash for short inputs.
function sha256(text: string): Buffer {
  return hash('sha256', text, 'buffer');
}

/**
 * Tyche-i with its state loaded directly, step for step seedrandom.tychei's
 * generator (lib/tychei.js, including its `c >>> 16` in the last step), so every
 * draw is the same; test/sim/rng.test.ts compares the two. It is written out here
 * because seedrandom's constructor first runs 20 rounds from a fixed seed that
 * loading a state then overwrites, and returns a closure over a dynamic object:
 * ~2 µs per stream and a slower draw, in a trial that builds a dozen streams.
 */
class TycheI implements Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  /** State from bytes 0-15 of a digest, as little-endian 32-bit words a, b, c, d. */
  load(digest: Buffer): void {
    this.a = digest.readInt32LE(0);
    this.b = digest.readInt32LE(4);
    this.c = digest.readInt32LE(8);
    this.d = digest.readInt32LE(12);
    // All-zero is Tyche-i's one fixed point (it would return 0 forever). SHA-256
    // hits it with probability 2^-128; the guard keeps the generator total.
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
  }

  next(): number {
    let b = this.b;
    let c = this.c;
    let d = this.d;
    let a = this.a;
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    this.b = b = (b << 20) ^ (b >>> 12) ^ c;
    this.c = c = (c - d) | 0;
    this.d = (d << 16) ^ (c >>> 16) ^ a;
    this.a = a = (a - b) | 0;
    return (a >>> 0) / 0x100000000;
  }
}

/**
 * A stream whose generator is built at its first draw: a trial asks for every
 * node's streams up front, and most of them (a constant disk or CPU time, no
 * jitter) are never drawn from. The state depends only on the name, so when it
 * is built changes no draw.
 */
class LazyRng implements Rng {
  private g: TycheI | null = null;
  constructor(private readonly name: string) {}
  next(): number {
    return (this.g ??= makeRng(this.name) as TycheI).next();
  }
}

/** The named streams of one trial. Streams are created on first use and cached. */
export class RngStreams {
  private readonly cache = new Map<string, Rng>();

  constructor(
    readonly seed: string | number,
    readonly trial: number,
  ) {}

  get(name: StreamName, node?: number): Rng {
    const key = node === undefined ? name : `${name}:${node}`;
    let rng = this.cache.get(key);
    if (rng === undefined) {
      rng = new LazyRng(streamSeed(this.seed, this.trial, key));
      this.cache.set(key, rng);
    }
    return rng;
  }
}

/** Uniform integer in [min, max] (inclusive). */
export function uniformInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng.next() * (max - min + 1));
}
