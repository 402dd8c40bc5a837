// A seed and a trial count given beside a scenario (the CLI's --seed/--trials, the library's
// `seed`/`trials` options) are overrides like any --set (`seed="7"`, `trials=50`): validated,
// and reported, exactly as the same key in the file would be. One rule for both callers.

export interface RunOverrides {
  /** "key=value" strings (--set): dotted keys of the file; values are JSON5, or else strings. */
  readonly set: readonly string[];
  readonly seed?: string | number;
  readonly trials?: number;
}

/** What the scenario is loaded with: the --set overrides, then the seed, then the trial count. */
export function loadOverrides(o: RunOverrides): string[] {
  return [...o.set, ...(o.seed !== undefined ? [`seed=${JSON.stringify(String(o.seed))}`] : []), ...recordedTrials(o)];
}

/**
 * What a result records as its overrides: the reproducing command's --set and --trials (the seed
 * is a field of the result itself).
 */
export function recordedOverrides(o: Pick<RunOverrides, 'set' | 'trials'>): string[] {
  return [...o.set, ...recordedTrials(o)];
}

function recordedTrials(o: Pick<RunOverrides, 'trials'>): string[] {
  return o.trials !== undefined ? [`trials=${o.trials}`] : [];
}
