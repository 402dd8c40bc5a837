// Tracing: a cheap rolling hash of the event stream (tests use it to prove
// determinism) and an optional JSON Lines record of every event.

const FNV_PRIME = 16777619;

/** A 64-bit rolling hash kept as two independent 32-bit FNV-1a style lanes. */
export class TraceHash {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x9e3779b9;

  /** Mixes an integer in [0, 2^53); fractions are truncated, so mix integers only. */
  mix(x: number): void {
    const lo = x >>> 0;
    const hi = Math.floor(x / 4294967296) >>> 0;
    this.a = Math.imul(this.a ^ lo, FNV_PRIME);
    this.a = Math.imul(this.a ^ hi, FNV_PRIME);
    this.b = Math.imul(this.b ^ hi, 0x5bd1e995);
    this.b = Math.imul(this.b ^ lo, 0x5bd1e995);
    this.b ^= this.b >>> 15;
  }

  mixString(s: string): void {
    for (let i = 0; i < s.length; i++) this.mix(s.charCodeAt(i));
  }

  hex(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

/** Where trace records go; the CLI writes them as JSON Lines. */
export interface TraceSink {
  write(record: TraceRecord): void;
}

export interface TraceRecord {
  /** Global virtual time, µs. */
  readonly t: number;
  /** What happened, e.g. "send", "deliver", "drop", "timer", "role", "fault". */
  readonly ev: string;
  readonly node?: number;
  readonly [key: string]: unknown;
}

/** Collects records in memory (tests, replay). */
export class MemoryTrace implements TraceSink {
  readonly records: TraceRecord[] = [];
  write(record: TraceRecord): void {
    this.records.push(record);
  }
  toJsonLines(): string {
    return this.records.map((r) => JSON.stringify(r)).join('\n') + (this.records.length ? '\n' : '');
  }
}
