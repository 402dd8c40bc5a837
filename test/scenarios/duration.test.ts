import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DURATION_PATTERN, formatDuration, parseDuration } from '../../src/format/duration.js';
import { load, scenarioError } from './helpers.js';

describe('parseDuration', () => {
  it.each([
    ['250us', 250],
    ['250µs', 250],
    ['250μs', 250],
    ['150ms', 150_000],
    ['2s', 2_000_000],
    ['1.5s', 1_500_000],
    ['0.1s', 100_000],
    ['.5ms', 500],
    ['1min', 60_000_000],
    ['1h', 3_600_000_000],
    ['1d', 86_400_000_000],
    ['0s', 0],
    ['-200ms', -200_000],
    ['+3ms', 3_000],
    ['1.25ms', 1_250],
  ])('%s = %i µs', (text, us) => {
    expect(parseDuration(text)).toEqual({ ok: true, us });
  });

  it.each([
    ['150', 'has no unit', 'write "150ms"'],
    ['1m', 'unknown unit', 'write "1min" (minutes) or "1ms" (milliseconds)'],
    ['5sec', 'unknown unit', 'write "5s"'],
    ['2 hours', 'unknown unit', 'write "2h"'],
    ['1ns', 'finer than a microsecond', undefined],
    ['0.5us', 'not a whole number of microseconds', 'raftsim time is counted in whole µs'],
    ['1MS', 'must be lower case', 'write "1ms"'],
    ['abc', 'is not a duration', undefined],
    ['', 'is not a duration', undefined],
    ['1.2.3s', 'is not a duration', undefined],
    ['9'.repeat(30) + 'd', 'too large', undefined],
    ['5 ms', 'has a space in it', 'write "5ms"'],
    [' 5ms', 'has a space in it', 'write "5ms"'],
    ['5ms\t', 'has a space in it', 'write "5ms"'],
  ])('%j is an error (%s)', (text, message, hint) => {
    const r = parseDuration(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain(message);
    if (hint !== undefined) expect(r.hint).toBe(hint);
  });
});

describe('the parser and the JSON Schema pattern agree', () => {
  it('whatever the parser accepts matches the pattern; whatever matches parses unless it is too fine or too large', () => {
    const pattern = new RegExp(DURATION_PATTERN, 'u');
    const token = fc.constantFrom('1', '5', '0', '.', '-', '+', ' ', '\t', 'ms', 's', 'us', 'µs', 'min', 'h', 'd', 'm', 'MS', 'x');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }).map((t) => t.join('')), (text) => {
        const r = parseDuration(text);
        if (r.ok) expect(pattern.test(text)).toBe(true);
        else if (pattern.test(text)) expect(r.message).toMatch(/whole number of microseconds|too large/);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [250, '250us'],
    [1_500, '1500us'],
    [150_000, '150ms'],
    [1_500_000, '1500ms'],
    [30_000_000, '30s'],
    [60_000_000, '1min'],
    [90_000_000, '90s'],
    [3_600_000_000, '1h'],
    [86_400_000_000, '1d'],
    [-200_000, '-200ms'],
  ])('%i µs → %s', (us, text) => {
    expect(formatDuration(us)).toBe(text);
  });

  it('round-trips every whole number of µs', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 50), max: 2 ** 50 }), (us) => {
        expect(parseDuration(formatDuration(us))).toEqual({ ok: true, us });
      }),
    );
  });
});

describe('durations in files', () => {
  it('a bare number is an error with the fix', () => {
    const e = scenarioError(() => load('{ horizon: 150 }'));
    expect(e.keyPath).toBe('horizon');
    expect(e.message).toBe('150 has no unit');
    expect(e.hint).toBe('write "150ms"');
    expect(e.stack!.split('\n')[0]).toMatch(/:1:12: horizon: 150 has no unit; write "150ms"$/);
  });

  it('negative durations are rejected where they make no sense, accepted for skew', () => {
    expect(scenarioError(() => load('{ horizon: "-5s" }')).message).toContain('must not be negative');
    expect(load('{ clocks: { skew: "-200ms" } }').clocks[0].skewUs).toBe(-200_000);
  });

  it('caps durations at 30 days', () => {
    expect(scenarioError(() => load('{ horizon: "31d" }')).message).toContain('30 days');
    expect(load('{ horizon: "30d", raft: { heartbeatInterval: "100ms" } }').horizonUs).toBe(30 * 86_400_000_000);
  });
});
