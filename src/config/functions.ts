import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as spectralCore from '@stoplight/spectral-core';
import * as spectralFormats from '@stoplight/spectral-formats';
import * as spectralFunctions from '@stoplight/spectral-functions';
import finlintRuleset from '../../rulesets/ruleset.js';
import * as finlintFunctions from '../../functions/index.js';

/** File extensions tried, in order, for a function named in a rule (`then.function: myCheck` → myCheck.ts...). */
export const FUNCTION_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'] as const;

/** What `import ... from 'finlint'` gives an organisation's function: the ruleset and finlint's functions. */
const SELF = { __esModule: true, default: finlintRuleset, finlintRuleset, functions: finlintFunctions, rulesetFunctions: finlintFunctions };

export class FunctionLoadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Packages an organisation's function may import even when only finlint (which depends on them) is installed:
 * finlint's own copies, as CommonJS exports. (No import.meta here: Spectral's bundler evaluates finlint's CommonJS
 * build without __filename.)
 */
const asCommonJs = (ns: object): unknown => (ns as { default?: unknown }).default ?? ns;
const OWN_DEPENDENCIES: Record<string, () => unknown> = {
  '@stoplight/spectral-core': () => asCommonJs(spectralCore),
  '@stoplight/spectral-functions': () => asCommonJs(spectralFunctions),
  '@stoplight/spectral-formats': () => asCommonJs(spectralFormats),
};

function evaluateCommonJs(code: string, file: string): unknown {
  const req = createRequire(file);
  const requireFn = (id: string): unknown => {
    if (id === 'finlint' || id.startsWith('finlint/')) return SELF;
    try {
      return req(id);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && id in OWN_DEPENDENCIES) return OWN_DEPENDENCIES[id]();
      throw e;
    }
  };
  const module: { exports: unknown } = { exports: {} };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the bundle esbuild just produced from the organisation's own file
  Function('module, exports, require, __filename, __dirname', code)(module, module.exports, requireFn, file, path.dirname(file));
  return module.exports;
}

/**
 * Loads one custom function from a `functionsDir`, the way Spectral does for YAML rulesets, but also from
 * TypeScript: `<dir>/<name>.ts|.js|...` is bundled with esbuild (its relative imports included, packages left to
 * Node's resolution from that directory) and its default export, or an export named like the file, is returned.
 * Returns undefined when no such file exists.
 */
export async function loadFunction(dir: string, name: string): Promise<unknown> {
  const file = FUNCTION_EXTENSIONS.map((ext) => path.join(dir, `${name}${ext}`)).find((f) => existsSync(f));
  if (!file) return undefined;
  const { build } = await import('esbuild');
  let code: string;
  try {
    const result = await build({
      entryPoints: [file],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      packages: 'external',
      logLevel: 'silent',
    });
    code = result.outputFiles[0].text;
  } catch (e) {
    const first = (e as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors?.[0];
    const where = first?.location ? `:${first.location.line}:${first.location.column + 1}` : '';
    throw new FunctionLoadError(file, `${path.basename(file)}${where}: ${first?.text ?? String(e)}`);
  }
  let exports: unknown;
  try {
    exports = evaluateCommonJs(code, file);
  } catch (e) {
    throw new FunctionLoadError(file, `${path.basename(file)}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const named = exports as Record<string, unknown> | null;
  const fn = typeof exports === 'function' ? exports : (named?.default ?? named?.[name]);
  if (typeof fn !== 'function') {
    throw new FunctionLoadError(file, `${path.basename(file)} has no default export (or export named ${name}) that is a function`);
  }
  return fn;
}

/** A function of finlint's own (functions/index.ts), by name. */
export function finlintFunction(name: string): unknown {
  const fns = finlintFunctions as Record<string, unknown>;
  return typeof fns[name] === 'function' ? fns[name] : undefined;
}
