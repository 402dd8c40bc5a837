// Usage errors in-process (src/cli/usage.ts): "did you mean" for flags and
// commands, the subcommand's help, negative flag values, clipped names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachNegativeValues, commandOf, explainFailure, helpPointer, typedValue } from '../../src/cli/usage.js';
import { resolveScenarioPath } from '../../src/scenario/load.js';
import { formatScenarioError, ScenarioError } from '../../src/scenario/errors.js';

const RUN_FLAGS = ['help', 'version', 'set', 'seed', 'json', 'workers', 'out', 'timelines', 'html', 'trials', 'trace', 'trial'];

describe('explainFailure', () => {
  it('suggests the flag meant', () => {
    expect(explainFailure('Unknown argument: trails', RUN_FLAGS, ['run', 'x', '--trails', '5'])).toBe('unknown option --trails (did you mean --trials?)');
    expect(explainFailure('Unknown arguments: updte-baseline, updteBaseline', ['update-baseline', 'baseline'], ['check', 'x', '--updte-baseline'])).toBe(
      'unknown option --updte-baseline (did you mean --update-baseline?)',
    );
  });

  it('tells an unknown command from an unknown flag, and a stray argument from both', () => {
    expect(explainFailure('Unknown argument: frobnicate', [], ['frobnicate'])).toBe('unknown command "frobnicate"');
    expect(explainFailure('Did you mean run?', [], ['rn', 'x'])).toBe('unknown command "rn" (did you mean run?)');
    expect(explainFailure('Unknown argument: b', RUN_FLAGS, ['run', 'a', 'b'])).toBe('unknown argument "b"');
  });

  it('names the missing positional with the command usage', () => {
    expect(explainFailure('Not enough non-option arguments: got 0, need at least 1', [], ['report'])).toBe('missing argument: raftsim report <results>');
    // A bare --html just before the scenario took it as its value: say so.
    expect(explainFailure('Not enough non-option arguments: got 0, need at least 1', [], ['run', '--html', 'leader-crash', '--trials', '5'])).toBe(
      'missing argument: raftsim run <scenario> (--html took "leader-crash" as its value: write --html=FILE, or put a bare --html after the scenario)',
    );
  });

  it('echoes what was typed for a number yargs could not read', () => {
    expect(typedValue('--trials', NaN, ['run', 'x', '--trials=abc'])).toBe('"abc"');
    expect(typedValue('--trials', NaN, ['run', 'x', '--trials', 'abc'])).toBe('"abc"');
    expect(typedValue('--trials', NaN, ['run', 'x'])).toBe('NaN');
  });

  it('a missing scenario path suggests a near file beside it, a missing name a near built-in', () => {
    const message = (arg: string) => {
      try {
        resolveScenarioPath(arg);
      } catch (e) {
        if (e instanceof ScenarioError) return formatScenarioError(e);
        throw e;
      }
      return 'found';
    };
    expect(message('scenarios/leader-crsh.json5')).toMatch(/no such file\. Did you mean "scenarios\/leader-crash\.json5"\?/);
    expect(message('scenarios/leader-crsh.json5')).not.toMatch(/built-ins/);
    expect(message('leader-crsh')).toMatch(/Did you mean "leader-crash"\?/);
  });

  it('keeps any unknown flag short, however long', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 5000 }).filter((x) => !x.includes(',')), fc.integer({ min: 1, max: 9 }), (name, copies) => {
        const names = Array.from({ length: copies }, (_, i) => `${name}${i}`);
        const msg = explainFailure(`Unknown argument${copies > 1 ? 's' : ''}: ${names.join(', ')}`, RUN_FLAGS, ['run', 'x', ...names.map((n) => `--${n}`)]);
        expect(msg.length).toBeLessThan(600);
        expect(msg.split('\n').length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 200 },
    );
    expect(explainFailure(`Unknown argument: ${'k'.repeat(900_000)}`, RUN_FLAGS, ['run']).length).toBeLessThan(200);
  });
});

describe('help pointer', () => {
  it('names the subcommand typed', () => {
    expect(helpPointer(['run', 'leader-crash', '--trails', '3'])).toBe('raftsim run --help');
    expect(helpPointer(['--json', 'check', 'x'])).toBe('raftsim check --help');
    expect(helpPointer(['frobnicate'])).toBe('raftsim --help');
    expect(commandOf([])).toBeUndefined();
  });
});

describe('negative flag values', () => {
  it('"-1s" after a long flag is its value, not the short flags -1 -s', () => {
    expect(attachNegativeValues(['fuzz', 'x', '--window', '-1s'])).toEqual(['fuzz', 'x', '--window=-1s']);
    expect(attachNegativeValues(['run', 'x', '--set', 'a=1', '--trials', '-3', '--seed', '-.5'])).toEqual(['run', 'x', '--set', 'a=1', '--trials=-3', '--seed=-.5']);
    expect(attachNegativeValues(['run', 'x', '--json', '-h'])).toEqual(['run', 'x', '--json', '-h']);
    expect(attachNegativeValues(['run', '--', '--window', '-1s'])).toEqual(['run', '--', '--window', '-1s']);
  });
});
