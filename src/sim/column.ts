// A growable column of numbers in one Float64Array (doubling), for per-write
// records kept for a whole trial: 8 bytes a value instead of an object apiece.
export class Column {
  private values: Float64Array;
  private count = 0;

  // 8 to start: a Float64Array of at most 64 bytes lives on the heap (cheap: every trial makes a few columns).
  constructor(initialCapacity = 8) {
    this.values = new Float64Array(Math.max(1, initialCapacity));
  }

  get length(): number {
    return this.count;
  }

  /** Bytes held (capacity, not length): what the column costs in memory. */
  get byteLength(): number {
    return this.values.byteLength;
  }

  push(v: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = v;
  }

  at(i: number): number {
    return this.values[i];
  }

  set(i: number, v: number): void {
    if (!(i >= 0 && i < this.count)) throw new RangeError(`column index ${i} outside [0, ${this.count})`);
    this.values[i] = v;
  }
}
