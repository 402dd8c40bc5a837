// Wall-clock time per configuration, for output metadata only (JUnit `time`):
// from the start of its first batch of trials to the end of its last. With
// several workers, configurations overlap, so their times add up to more than
// the run took (as parallel test suites' times do). Never part of a result.
export class ConfigWallClock {
  private readonly startedMs = new Map<number, number>();
  private readonly endedMs = new Map<number, number>();
  private readonly t0 = performance.now();

  batchStarted(config: number): void {
    if (!this.startedMs.has(config)) this.startedMs.set(config, performance.now());
  }

  batchDone(config: number): void {
    this.endedMs.set(config, performance.now());
  }

  /** Seconds configuration `config` took; null if it never finished a batch. */
  secondsOf(config: number): number | null {
    const a = this.startedMs.get(config);
    const b = this.endedMs.get(config);
    return a === undefined || b === undefined ? null : (b - a) / 1000;
  }

  /** Seconds since this clock was made. */
  totalSeconds(): number {
    return (performance.now() - this.t0) / 1000;
  }
}
