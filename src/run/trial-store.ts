// A trial store: the per-trial results of a run, sweep or check, before they
// are summarised. Shards write one (--shard I/N --out F), an interrupted run
// leaves one (its partial file), `--resume` reads one and `raftsim merge`
// combines them. Summaries are computed only from complete stores, by the same
// code as an ordinary run, so a merged or resumed result is byte-identical to
// an uninterrupted, unsharded one.
//
// `identity` says how to load the configurations again (the command and its
// arguments, as given) and `fingerprint` what they resolved to: the SHA-256 of
// the resolved configurations and the raftsim version. A store is only ever
// combined with stores of the same identity and fingerprint.
import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { TrialSummary } from '../metrics/aggregate.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { Shard } from './shard.js';
import { RAFTSIM_VERSION, TRIAL_SUMMARY_REVISION } from '../version.js';

export const STORE_FORMAT = 'raftsim-trials';

export interface StoreIdentity {
  readonly command: 'run' | 'sweep' | 'check';
  /** run/sweep: [scenario]; check: the paths. As given on the command line. */
  readonly inputs: readonly string[];
  /** --set, --seed and --trials as given (null: not given). */
  readonly set: readonly string[];
  readonly seed: string | null;
  readonly trials: number | null;
}

export interface TrialStore {
  readonly format: typeof STORE_FORMAT;
  readonly version: 1;
  readonly raftsimVersion: string;
  readonly identity: StoreIdentity;
  readonly fingerprint: string;
  readonly shard: Shard | null;
  /** Per configuration, in order: its trial count and the finished trials held here, in trial order. */
  readonly configs: readonly { readonly trials: number; readonly done: readonly TrialSummary[] }[];
}

/** SHA-256 over what decides every trial's result. */
export function fingerprintOf(configs: readonly ResolvedScenario[]): string {
  const h = createHash('sha256');
  h.update(`${RAFTSIM_VERSION}/${TRIAL_SUMMARY_REVISION}`);
  for (const c of configs) h.update(JSON.stringify({ ...c, source: undefined, description: undefined, file: undefined }));
  return h.digest('hex');
}

export function makeStore(identity: StoreIdentity, fingerprint: string, shard: Shard | null, configs: readonly ResolvedScenario[], done: readonly (readonly TrialSummary[])[]): TrialStore {
  return {
    format: STORE_FORMAT,
    version: 1,
    raftsimVersion: RAFTSIM_VERSION,
    identity,
    fingerprint,
    shard,
    configs: configs.map((c, i) => ({ trials: c.trials, done: [...done[i]].sort((a, b) => a.trial - b.trial) })),
  };
}

/** One line per trial, so a large store stays readable and diffable. */
export function serializeStore(s: TrialStore): string {
  return linesPerTrial({ ...s, configs: undefined }, s.configs.map((c) => ({ fields: { trials: c.trials }, done: c.done })));
}

/**
 * `head`'s fields, then `configs`: per configuration its (non-empty) fields and `done`, one
 * trial a line. The layout of every file of trials (this store, tune/trial-cache.ts).
 */
export function linesPerTrial(head: object, configs: readonly { readonly fields: object; readonly done: readonly unknown[] }[]): string {
  const body = configs.map((c) => `${JSON.stringify(c.fields).slice(0, -1)},"done":[\n${c.done.map((t) => JSON.stringify(t)).join(',\n')}\n]}`);
  return `${JSON.stringify(head).slice(0, -1)},"configs":[\n${body.join(',\n')}\n]}\n`;
}

/** A trial summary as a store holds it. */
const trialSummarySchema = z.looseObject({
  trial: z.number().int().min(0),
  metrics: z.looseObject({}),
  violation: z.looseObject({}).nullable(),
  events: z.number(),
  hash: z.string(),
});

const storeSchema = z.strictObject({
  format: z.literal(STORE_FORMAT),
  version: z.literal(1),
  raftsimVersion: z.string(),
  identity: z.strictObject({
    command: z.enum(['run', 'sweep', 'check']),
    inputs: z.array(z.string()),
    set: z.array(z.string()),
    seed: z.string().nullable(),
    trials: z.number().int().min(1).nullable(),
  }),
  fingerprint: z.string(),
  shard: z.strictObject({ index: z.number().int().min(0), count: z.number().int().min(1) }).nullable(),
  configs: z.array(z.strictObject({ trials: z.number().int().min(1), done: z.array(trialSummarySchema) })),
});

/** Parses a store; a string is the reason it is not one. */
export function parseStore(text: string): TrialStore | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return `not JSON (${(e as Error).message})`;
  }
  if (typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format === 'raftsim-tune-trials') {
    return 'the partial file of an interrupted `raftsim tune`: resume it with raftsim tune TUNEFILE --resume FILE';
  }
  if (typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format !== STORE_FORMAT) {
    return 'not a trial store (a finished result? --resume and merge take the file a --shard run or an interrupted run wrote)';
  }
  const r = storeSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    return `not a valid trial store: ${issue.path.join('.') || '(top level)'}: ${issue.message}`;
  }
  // The parsed copy is only a check: the raw objects are used, keys in the order they were written.
  const s = raw as TrialStore;
  for (const [i, c] of s.configs.entries()) {
    for (const t of c.done) if (t.trial >= c.trials) return `configs.${i}: trial ${t.trial} is out of range (the configuration has ${c.trials})`;
  }
  return s;
}
