import { defineConfig } from 'tsup';

// Library: ESM + CJS with declarations. The CJS build makes `module.exports` the ruleset itself (with the
// named exports attached), so `extends: finlint` in a Spectral YAML ruleset and `require('finlint')` both
// get a ruleset object (the same trick as @stoplight/spectral-owasp-ruleset).
const cjsDefaultFooter = {
  js: 'if (module.exports.default) { module.exports = Object.assign(module.exports.default, module.exports); }',
};

export default defineConfig([
  {
    entry: { index: 'src/index.ts', ruleset: 'rulesets/ruleset.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
    shims: true,
    footer: ({ format }) => (format === 'cjs' ? cjsDefaultFooter : {}),
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
