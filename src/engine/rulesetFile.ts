import { promises as fs } from 'node:fs';
import * as fsSync from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Ruleset } from '@stoplight/spectral-core';
import { bundleRuleset } from '@stoplight/spectral-ruleset-bundler';
import { builtins } from '@stoplight/spectral-ruleset-bundler/plugins/builtins';
import { commonjs } from '@stoplight/spectral-ruleset-bundler/plugins/commonjs';
import { stdin } from '@stoplight/spectral-ruleset-bundler/plugins/stdin';
import { node } from '@stoplight/spectral-ruleset-bundler/presets/node';
import finlintRuleset from '../../rulesets/ruleset.js';

import { RulesetLoadError } from './errors.js';

export { RulesetLoadError } from './errors.js';

const SELF_MODULES: Record<string, unknown> = {
  finlint: { __esModule: true, default: finlintRuleset },
  'finlint/ruleset': { __esModule: true, default: finlintRuleset },
};

const SELF_KEY = Symbol.for('finlint.ruleset');
const SELF_ID = '\0finlint-self';

/**
 * Spectral's migrator turns `extends: finlint` into an import of wherever `finlint` resolves from the working
 * directory (or a path next to the ruleset file when it does not). This plugin maps those ids to the finlint that is running, so
 * a ruleset file behaves the same whether or not finlint is installed next to it, and is never bundled twice.
 */
function selfPlugin(cwd: string, rulesetDir: string) {
  const ids = new Set<string>(Object.keys(SELF_MODULES));
  for (const name of Object.keys(SELF_MODULES)) {
    ids.add(path.join(cwd, name));
    ids.add(path.join(rulesetDir, name));
    try {
      ids.add(createRequire(path.join(cwd, 'noop.js')).resolve(name));
    } catch {
      // not installed next to the ruleset: the joined path above is what the migrator emits
    }
  }
  (globalThis as Record<symbol, unknown>)[SELF_KEY] = finlintRuleset;
  return {
    name: 'finlint-self',
    resolveId(id: string) {
      return ids.has(id) ? SELF_ID : null;
    },
    load(id: string) {
      return id === SELF_ID ? `export default globalThis[Symbol.for('finlint.ruleset')];` : null;
    },
  };
}

/** Runs bundled CommonJS ruleset code; `finlint` resolves to this very copy of finlint, other ids from the file's folder. */
function evaluate(code: string, file: string): unknown {
  const req = createRequire(file);
  const paths = [path.dirname(file)];
  const requireFn = (id: string): unknown => (id in SELF_MODULES ? SELF_MODULES[id] : req(req.resolve(id, { paths })));
  const m: { exports?: unknown } = {};
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  Function('module, require', code)(m, requireFn);
  return m.exports;
}

/**
 * Loads a Spectral ruleset file (`.spectral.yaml|json|js`) the way the `spectral` CLI does (migrate YAML/JSON to
 * JS, bundle, evaluate), so a ruleset that works with `spectral lint` works with `finlint lint --ruleset` too.
 */
export async function loadRulesetFile(file: string, cwd = process.cwd()): Promise<Ruleset> {
  const absolute = path.resolve(cwd, file);
  try {
    await fs.access(absolute);
  } catch {
    throw new RulesetLoadError(`${file}: ruleset file not found`);
  }
  try {
    let code: string;
    const io = { fs: fsSync, fetch };
    // Loaded on first use: only YAML/JSON ruleset files need Spectral's migrator.
    const { isBasicRuleset, migrateRuleset } = await import('@stoplight/spectral-ruleset-migrator');
    if (await isBasicRuleset(absolute)) {
      const migrated = await migrateRuleset(absolute, { format: 'esm', fs: fsSync as never });
      const virtual = path.join(path.dirname(absolute), '.spectral.js');
      code = await bundleRuleset(virtual, {
        target: 'node',
        format: 'commonjs',
        plugins: [stdin(migrated, virtual), selfPlugin(process.cwd(), path.dirname(absolute)), builtins(), commonjs(), ...node(io as never)],
      });
    } else {
      code = await bundleRuleset(absolute, {
        target: 'node',
        format: 'commonjs',
        plugins: [selfPlugin(process.cwd(), path.dirname(absolute)), builtins(), commonjs(), ...node(io as never)],
      });
    }
    const definition = evaluate(code, absolute);
    return new Ruleset(definition, { severity: 'recommended', source: absolute });
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new RulesetLoadError(`${file}: invalid ruleset: ${message}`);
  }
}
