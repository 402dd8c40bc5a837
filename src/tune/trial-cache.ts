// The finished trials of a tune run, by configuration and trial index. A trial's
// result depends only on its resolved configuration and its index, so the key is
// the configuration's fingerprint (SHA-256 of the resolved scenario and the
// raftsim version, run/trial-store.ts) and the index. An interrupted tune keeps
// this cache in its partial file; `--resume` loads it, and the search, which is
// deterministic in what it observes, asks again for the same trials and gets the
// same figures without running them, so it takes the same path to the same
// result. A trial of another tune file, an edited scenario or another raftsim
// version has another fingerprint and is simply never asked for.
//
// Only what the search reads of a trial is kept (TuneTrial: each fault's time to
// a stable leader, the spurious elections, the measured time, whether safety was
// violated), a few dozen bytes: a whole summary holds every write's latency, and
// a search of 30,000 trials with clients would not fit in memory or in a file
// --resume can read.
import * as z from 'zod';
import type { TrialSummary } from '../metrics/aggregate.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { fingerprintOf, linesPerTrial } from '../run/trial-store.js';
import { RAFTSIM_VERSION } from '../version.js';

export const TUNE_STORE_FORMAT = 'raftsim-tune-trials';

/** What the search reads of one trial (evaluate-sim.ts observe()). */
export interface TuneTrial {
  readonly trial: number;
  /** Per measured fault, µs to a stable leader; null = censored. */
  readonly stableUs: readonly (number | null)[];
  readonly spuriousElections: number;
  readonly measuredUs: number;
  readonly violated: boolean;
}

export function tuneTrialOf(s: TrialSummary): TuneTrial {
  return {
    trial: s.trial,
    stableUs: s.metrics.faults.map((f) => f.stableUs),
    spuriousElections: s.metrics.spuriousElections,
    measuredUs: s.metrics.measuredUs,
    violated: s.violation !== null,
  };
}

export class TrialCache {
  private readonly byConfig = new Map<string, Map<number, TuneTrial>>();
  /** "key#trial" of the trials that came from a file (parse()). */
  private readonly loaded = new Set<string>();
  /** Trials asked for (missing()) and found among those loaded from a file: what a resumed search did not run again. */
  reusedFromFile = 0;

  /** Trials held, all configurations together. */
  get size(): number {
    let n = 0;
    for (const m of this.byConfig.values()) n += m.size;
    return n;
  }

  key(config: ResolvedScenario): string {
    return fingerprintOf([config]);
  }

  /** Of `trials`, those not held for this configuration, in the order given. */
  missing(key: string, trials: readonly number[]): number[] {
    const m = this.byConfig.get(key);
    if (m === undefined) return [...trials];
    const out: number[] = [];
    for (const t of trials) {
      if (!m.has(t)) out.push(t);
      else if (this.loaded.delete(`${key}#${t}`)) this.reusedFromFile++;
    }
    return out;
  }

  add(key: string, summaries: readonly TrialSummary[]): void {
    this.put(key, summaries.map(tuneTrialOf));
  }

  /** The trials of `trials` in that order; throws if one is missing (a caller's bug). */
  take(key: string, trials: readonly number[]): TuneTrial[] {
    const m = this.byConfig.get(key);
    return trials.map((t) => {
      const s = m?.get(t);
      if (s === undefined) throw new Error(`trial cache: trial ${t} of ${key.slice(0, 12)} was never run`);
      return s;
    });
  }

  /** One line per trial, configurations in the order first seen, trials in index order. */
  serialize(tuneFile: string): string {
    return linesPerTrial(
      { format: TUNE_STORE_FORMAT, version: 1, raftsimVersion: RAFTSIM_VERSION, tuneFile },
      [...this.byConfig].map(([key, m]) => ({ fields: { key }, done: [...m.values()].sort((a, b) => a.trial - b.trial) })),
    );
  }

  /** A cache from a partial file's text; a string is the reason it is not one. */
  static parse(text: string): TrialCache | string {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return `not JSON (${(e as Error).message})`;
    }
    if (typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format !== TUNE_STORE_FORMAT) {
      return 'not the partial file of an interrupted `raftsim tune` (run, sweep and check write another kind)';
    }
    const r = storeSchema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0];
      return `not a valid tune partial file: ${issue.path.join('.') || '(top level)'}: ${issue.message}`;
    }
    const cache = new TrialCache();
    for (const c of r.data.configs) {
      cache.put(c.key, c.done);
      for (const t of c.done) cache.loaded.add(`${c.key}#${t.trial}`);
    }
    return cache;
  }

  private put(key: string, trials: readonly TuneTrial[]): void {
    let m = this.byConfig.get(key);
    if (m === undefined) this.byConfig.set(key, (m = new Map()));
    for (const t of trials) m.set(t.trial, t);
  }
}

const us = z.number().int().min(0);
const tuneTrialSchema = z.strictObject({
  trial: z.number().int().min(0),
  stableUs: z.array(us.nullable()),
  spuriousElections: z.number().int().min(0),
  measuredUs: us,
  violated: z.boolean(),
});

const storeSchema = z.strictObject({
  format: z.literal(TUNE_STORE_FORMAT),
  version: z.literal(1),
  raftsimVersion: z.string(),
  tuneFile: z.string(),
  configs: z.array(z.strictObject({ key: z.string().regex(/^[0-9a-f]{64}$/), done: z.array(tuneTrialSchema) })),
});
