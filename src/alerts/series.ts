// Time series as Prometheus stores them: a label set (with __name__) and
// samples (timestamp in ms, value). A staleness marker — what Prometheus writes
// for every series of a target whose scrape failed — is stored as NaN: the
// simulated exposition never produces a NaN value of its own.

export type Labels = Readonly<Record<string, string>>;

export const STALE = Number.NaN;

export function isStale(v: number): boolean {
  return Number.isNaN(v);
}

export interface Series {
  readonly labels: Labels;
  readonly tMs: number[];
  readonly v: number[];
}

/** A label set's canonical text, e.g. {__name__="up",instance="n0"}: names sorted, values JSON-escaped. */
export function labelsKey(l: Labels): string {
  return `{${Object.keys(l)
    .sort()
    .map((k) => `${k}=${JSON.stringify(l[k])}`)
    .join(',')}}`;
}

/** The labels without __name__. */
export function dropName(l: Labels): Labels {
  if (!('__name__' in l)) return l;
  const { __name__: _, ...rest } = l;
  return rest;
}

/** Every series of a trial's scrapes, by metric name, in creation order. */
export class SeriesStore {
  private readonly byName = new Map<string, Series[]>();
  private readonly byKey = new Map<string, Series>();
  readonly all: Series[] = [];

  /** The series with exactly these labels, created empty on first use. */
  series(labels: Labels): Series {
    const key = labelsKey(labels);
    let s = this.byKey.get(key);
    if (s === undefined) {
      s = { labels, tMs: [], v: [] };
      this.byKey.set(key, s);
      this.all.push(s);
      const name = labels.__name__ ?? '';
      const list = this.byName.get(name);
      if (list === undefined) this.byName.set(name, [s]);
      else list.push(s);
    }
    return s;
  }

  /** Appends a sample; timestamps of one series must not go back. */
  append(s: Series, tMs: number, v: number): void {
    const last = s.tMs.length === 0 ? -Infinity : s.tMs[s.tMs.length - 1];
    if (tMs < last) throw new Error(`sample at ${tMs} ms before the series' last at ${last} ms`);
    if (tMs === last) {
      s.v[s.v.length - 1] = v;
      return;
    }
    s.tMs.push(tMs);
    s.v.push(v);
  }

  /** Series named `name` (every series when name is null). */
  named(name: string | null): readonly Series[] {
    if (name === null) return this.all;
    return this.byName.get(name) ?? [];
  }

  /** The last sample time of any series (0 when empty). */
  lastMs(): number {
    let m = 0;
    for (const s of this.all) if (s.tMs.length > 0 && s.tMs[s.tMs.length - 1] > m) m = s.tMs[s.tMs.length - 1];
    return m;
  }
}

/** Index of the last sample at or before tMs, or -1 (binary search). */
export function lastAtOrBefore(s: Series, tMs: number): number {
  let lo = 0;
  let hi = s.tMs.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s.tMs[mid] <= tMs) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Index of the first sample at or after tMs (s.tMs.length when none). */
export function firstAtOrAfter(s: Series, tMs: number): number {
  let lo = 0;
  let hi = s.tMs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.tMs[mid] < tMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
