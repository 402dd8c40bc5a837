// raftsim's version, read once from package.json (results and reports carry it).
import { readFileSync } from 'node:fs';

export const RAFTSIM_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * Bumped whenever what a trial summary means changes between releases (a metric's
 * definition), so that trial stores (shards, partial files) of the old meaning are
 * never combined with new trials: it is part of every store's fingerprint.
 * 2: an unacknowledged write is a censored commit latency (it was left out).
 */
export const TRIAL_SUMMARY_REVISION = 2;
