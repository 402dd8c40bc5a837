// Lint rules that keep the simulation deterministic (docs/architecture.md). Only the CLI and
// the bench may read a clock or draw unseeded randomness; everything else gets time from the
// simulation kernel and randomness from seeded streams (src/sim/rng.ts). TypeScript is parsed
// with Babel's parser because typescript-eslint needs the TypeScript compiler API, which
// TypeScript 7 no longer ships. Import boundaries are dependency-cruiser's job
// (.dependency-cruiser.cjs); type checking is tsc's.
import babelParser from '@babel/eslint-parser';

const CLOCK = 'reads a clock: only src/cli/ and src/bench/ may (pass time in from there)';
const RANDOM = 'is not seeded: draw from a seeded stream (src/sim/rng.ts)';

export default [
  {
    files: ['src/**/*.ts'],
    languageOptions: {
      parser: babelParser,
      parserOptions: { requireConfigFile: false, babelOptions: { babelrc: false, configFile: false, presets: ['@babel/preset-typescript'] } },
    },
    // Directives for rules of other linters (e.g. no-control-regex) are not this config's business.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/bench/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: `Math.random ${RANDOM}` },
        { object: 'Date', property: 'now', message: `Date.now ${CLOCK}` },
        { object: 'performance', property: 'now', message: `performance.now ${CLOCK}` },
        { object: 'performance', property: 'timeOrigin', message: `performance.timeOrigin ${CLOCK}` },
        { object: 'process', property: 'hrtime', message: `process.hrtime ${CLOCK}` },
        { object: 'process', property: 'uptime', message: `process.uptime ${CLOCK}` },
        { object: 'crypto', property: 'randomUUID', message: `crypto.randomUUID ${RANDOM}` },
        { object: 'crypto', property: 'getRandomValues', message: `crypto.getRandomValues ${RANDOM}` },
        { object: 'crypto', property: 'randomBytes', message: `crypto.randomBytes ${RANDOM}` },
        { object: 'crypto', property: 'randomInt', message: `crypto.randomInt ${RANDOM}` },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: `new Date() ${CLOCK}` },
        { selector: "CallExpression[callee.name='Date']", message: `Date() ${CLOCK}` },
        { selector: "CallExpression[callee.name='setTimeout'], CallExpression[callee.name='setInterval']", message: `a timer ${CLOCK}` },
        { selector: "MemberExpression[object.name='globalThis'][property.name=/^(Math|Date|performance|process|crypto|setTimeout|setInterval)$/]", message: `globalThis.Math/Date/performance/process/crypto/timers: ${CLOCK}; randomness must be seeded` },
        { selector: "VariableDeclarator[init.name='globalThis'] > ObjectPattern > Property[key.name=/^(Math|Date|performance|process|crypto|setTimeout|setInterval)$/]", message: `globalThis.Math/Date/performance/process/crypto/timers: ${CLOCK}; randomness must be seeded` },
        // An alias the property rules above cannot follow (`const M = Math; M.random()`); they do see destructuring.
        {
          selector: "VariableDeclarator[id.type='Identifier'][init.type='Identifier'][init.name=/^(Math|Date|performance|process|crypto)$/], AssignmentExpression[right.type='Identifier'][right.name=/^(Math|Date|performance|process|crypto)$/]",
          message: `an alias of Math/Date/performance/process/crypto hides a clock or unseeded randomness from this lint: use the object's members where they are allowed`,
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'node:perf_hooks', message: `perf_hooks ${CLOCK}` },
            { name: 'perf_hooks', message: `perf_hooks ${CLOCK}` },
            { name: 'node:timers', message: `a timer ${CLOCK}` },
            { name: 'timers', message: `a timer ${CLOCK}` },
            { name: 'node:timers/promises', message: `a timer ${CLOCK}` },
            { name: 'timers/promises', message: `a timer ${CLOCK}` },
            // The module object too (`import proc from 'node:process'; proc.hrtime()`): its members cannot be followed.
            { name: 'node:process', importNames: ['hrtime', 'uptime', 'default'], message: `process.hrtime/uptime ${CLOCK} (import named members only)` },
            { name: 'process', importNames: ['hrtime', 'uptime', 'default'], message: `process.hrtime/uptime ${CLOCK} (import named members only)` },
            // Named imports only (hashes are deterministic), so crypto's randomness cannot come in through the module object.
            { name: 'node:crypto', allowImportNames: ['createHash', 'hash'], message: `only createHash and hash: crypto randomness ${RANDOM}` },
            { name: 'crypto', allowImportNames: ['createHash', 'hash'], message: `only createHash and hash: crypto randomness ${RANDOM}` },
          ],
        },
      ],
    },
  },
];
