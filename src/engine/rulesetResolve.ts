import { Ruleset } from '@stoplight/spectral-core';
import { isPresetName, presetRuleset } from '../../rulesets/presets.js';
import { rulesById } from '../../rulesets/registry.js';
import { buildRuleset } from '../config/build.js';
import type { LoadedConfig } from '../config/load.js';
import type { LintOptions } from './lint.js';
import { loadRulesetFile } from './rulesetFile.js';
import { summarizeRuleset, type RulesetSummary } from './rulesetSummary.js';

/**
 * Builds the ruleset of a lint() call in this thread: for an in-process lint (no time limit, or a ruleset object
 * that cannot be rebuilt in a worker), and to report the real error when the worker could not build it. Loaded on
 * demand by src/engine/lint.ts, as it loads Spectral and every rule.
 */
export async function resolveRuleset(options: LintOptions, cwd: string, config: LoadedConfig | undefined): Promise<{ ruleset: Ruleset; summary: RulesetSummary }> {
  const ruleset = await buildFor(options, cwd, config);
  return { ruleset, summary: summarizeRuleset(ruleset, rulesById.keys()) };
}

async function buildFor(options: LintOptions, cwd: string, config: LoadedConfig | undefined): Promise<Ruleset> {
  const given = options.ruleset;
  if (typeof given === 'string') return loadRulesetFile(given, cwd);
  if (given instanceof Ruleset) return given;
  if (given !== undefined) return new Ruleset(given, { severity: 'recommended' });
  if (options.preset === undefined && config) return buildRuleset(config);
  const preset = options.preset ?? 'recommended';
  if (!isPresetName(preset)) throw new Error(`unknown preset ${String(preset)}`);
  return new Ruleset(presetRuleset(preset), { severity: 'recommended' });
}
