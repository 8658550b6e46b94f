import { defineConfig, type Options } from 'tsup';

// Spectral's YAML loader (`extends: finlint`) takes a CommonJS module's `module.exports` itself as the ruleset and
// rejects unknown enumerable keys. So in the CJS builds `module.exports` IS the ruleset: for `finlint/ruleset`
// plainly, and for the main entry with the library API (lint, formatters...) attached as non-enumerable
// properties, so `require('finlint').lint` works too. ESM builds are untouched (default export = the ruleset).
// test/compat/spectral-cli.test.ts runs the real `spectral lint` against both.
const library: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  splitting: false,
  // No shims: tsup's import.meta.url shim reads __filename when the module loads, and Spectral's ruleset bundler
  // evaluates the CommonJS build without one (`extends: finlint` failed). Code that needs its own location reads
  // __filename lazily instead.
  shims: false,
};

// Spectral's ruleset schema rejects a JS ruleset with a \`functions\` key (even non-enumerable), so in CommonJS the
// functions namespace is reached as \`rulesetFunctions\` (an alias exported by src/index.ts).
const asRulesetWithApi = `;{
  const m = module.exports;
  const ruleset = m.default;
  for (const key of Object.keys(m)) {
    if (key !== 'default' && key !== 'functions') Object.defineProperty(ruleset, key, { value: m[key], enumerable: false, configurable: true });
  }
  Object.defineProperty(ruleset, 'default', { value: ruleset, enumerable: false, configurable: true });
  module.exports = ruleset;
}`;

export default defineConfig([
  {
    ...library,
    entry: { index: 'src/index.ts' },
    clean: true,
    footer: ({ format }) => (format === 'cjs' ? { js: asRulesetWithApi } : {}),
  },
  {
    ...library,
    entry: { ruleset: 'rulesets/ruleset.ts' },
    footer: ({ format }) => (format === 'cjs' ? { js: 'module.exports = module.exports.default;' } : {}),
  },
  {
    // finlint/testing: the rule tester for organisation rulesets. ESM only, as vitest (the caller's, an optional peer
    // dependency) cannot be required from CommonJS.
    ...library,
    format: ['esm'],
    entry: { testing: 'src/testing/index.ts' },
    external: ['vitest'],
  },
  {
    // The worker thread that lints one document under the per-document time limit (src/engine/isolate.ts looks for
    // lint-worker.js next to the bundle that starts it). ESM only: a worker file is loaded by path, from either build.
    entry: { 'lint-worker': 'src/engine/lintWorker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    shims: true,
  },
  {
    // The language server's lint worker (src/lsp/worker.ts): `finlint lsp` starts it from lsp-worker.js next to cli.js.
    entry: { 'lsp-worker': 'src/lsp/worker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    shims: true,
  },
  {
    // dist/finlint.spectral.js: the finlint ruleset as one self-contained ES module, for Spectral set-ups that cannot
    // resolve npm packages (the Spectral VS Code extension bundles rulesets with @stoplight/spectral-ruleset-bundler
    // and fetches package imports from a CDN). A .spectral.yaml or .spectral.js references it by relative path.
    // Everything is inlined except @stoplight/spectral-*, which Spectral's bundler supplies from the running Spectral.
    // test/lsp/spectral-bundle.test.ts loads it the way that extension does.
    entry: { 'finlint.spectral': 'rulesets/ruleset.ts' },
    format: ['esm'],
    target: 'es2020',
    platform: 'neutral',
    noExternal: [/^(?!@stoplight\/spectral-)/],
    sourcemap: false,
    dts: false,
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
