import { Ruleset, Spectral, type Document, type ISpectralDiagnostic } from '@stoplight/spectral-core';
import { isPresetName, presetRuleset, type PresetName } from '../../rulesets/presets.js';
import { createSafeResolver, type RefPolicy } from './resolver.js';

/**
 * How to build a ruleset again in another thread: the ruleset itself (its functions) cannot be sent there. A
 * ruleset object or `Ruleset` given to the library has no recipe and is linted in-process.
 */
export type RulesetRecipe =
  | { kind: 'preset'; name: PresetName }
  | { kind: 'file'; file: string; cwd: string }
  | { kind: 'config'; file: string; cwd: string };

/** Builds the ruleset a recipe describes, exactly as `lint` builds it. */
export async function rulesetFromRecipe(recipe: RulesetRecipe): Promise<Ruleset> {
  if (recipe.kind === 'preset') {
    if (!isPresetName(recipe.name)) throw new Error(`unknown preset ${String(recipe.name)}`);
    return new Ruleset(presetRuleset(recipe.name), { severity: 'recommended' });
  }
  // Ruleset and configuration files need Spectral's ruleset bundler (which loads all of Spectral's own rulesets):
  // loaded only for them, not for the presets most runs use.
  if (recipe.kind === 'file') return (await import('./rulesetFile.js')).loadRulesetFile(recipe.file, recipe.cwd);
  const [{ buildRuleset }, { loadConfig }] = await Promise.all([import('../config/build.js'), import('../config/load.js')]);
  return buildRuleset(await loadConfig(recipe.file, recipe.cwd));
}

/** Spectral's results as plain data (they cross a thread boundary). */
export type RunResult = Pick<ISpectralDiagnostic, 'code' | 'message' | 'path' | 'severity' | 'source' | 'range'>;

export interface SpectralOutcome {
  results: RunResult[];
  /** Remote documents the resolver fetched, by URL, so findings in them can be mapped without fetching again. */
  remote: Record<string, string>;
}

/** The one place a document is linted by Spectral, in-process or in a worker, so both give the same results. */
export async function runSpectral(ruleset: Ruleset, document: Document<unknown, any>, policy: RefPolicy): Promise<SpectralOutcome> { // eslint-disable-line @typescript-eslint/no-explicit-any -- YAML and JSON parser results differ
  const remote = new Map<string, string>();
  const spectral = new Spectral({ resolver: createSafeResolver(policy, remote) });
  spectral.setRuleset(ruleset);
  const results = await spectral.run(document, { ignoreUnknownFormat: false });
  const mapped = results.map((r) => ({
    code: r.code,
    message: r.message,
    path: [...r.path],
    severity: r.severity,
    ...(r.source !== undefined ? { source: r.source } : {}),
    range: { start: { line: r.range.start.line, character: r.range.start.character }, end: { line: r.range.end.line, character: r.range.end.character } },
  }));
  return { results: mapped, remote: Object.fromEntries(remote) };
}
