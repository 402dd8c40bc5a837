import { describe, it, expect } from 'vitest';
import { ms, seconds, usToMs, formatUs, US_PER_MS, US_PER_S } from '../../src/sim/time.js';

describe('time units', () => {
  it('converts to integer µs, rounding', () => {
    expect([US_PER_MS, US_PER_S]).toEqual([1_000, 1_000_000]);
    expect(ms(150)).toBe(150_000);
    expect(ms(1.5)).toBe(1_500);
    expect(ms(0.0004)).toBe(0);
    expect(seconds(2)).toBe(2_000_000);
    expect(seconds(0.1)).toBe(100_000); // 0.1 * 1e6 is not exactly 100000 in binary; rounding fixes it
    expect(usToMs(1_500)).toBe(1.5);
  });

  it('formats µs for people in the largest fitting unit', () => {
    expect(formatUs(999)).toBe('999µs');
    expect(formatUs(1500)).toBe('1.5ms');
    expect(formatUs(2_000_000)).toBe('2s');
    expect(formatUs(90_000_000)).toBe('1.5min');
    expect(formatUs(2 * 3_600_000_000)).toBe('2h');
    expect(formatUs(1_234_567)).toBe('1.235s');
    expect(formatUs(-1500)).toBe('-1.5ms');
    expect(formatUs(0)).toBe('0µs');
  });
});
