import type { RulesetDefinition } from '@stoplight/spectral-core';
import finlintRuleset from './ruleset.js';
import { profileDefinitions, profileRules, profileRuleset } from './profiles.js';
import type { FinRule } from './types.js';

import { PRESET_NAMES, type PresetName } from './presetNames.js';

export { isPresetName, PRESET_NAMES, type PresetName } from './presetNames.js';

// PRESET_NAMES is a literal list for the type; it must name exactly the profiles (a meta-test checks it too).
if (profileDefinitions.map((p) => p.name).join() !== PRESET_NAMES.join()) throw new Error('PRESET_NAMES and rulesets/profiles.ts disagree');

/** Rules a preset turns on, computed from rule metadata and the profile definition. */
export function presetRules(name: PresetName): FinRule[] {
  return profileRules(name).map((e) => e.rule);
}

export function presetRuleset(name: PresetName): RulesetDefinition {
  // recommended and all are the ruleset's own modes (what `extends: finlint` gives Spectral users); the other
  // profiles change severities and options, so they are rulesets of their own.
  if (name === 'recommended' || name === 'all') return { extends: [[finlintRuleset, name]] } as RulesetDefinition;
  return { extends: [[profileRuleset(name), 'recommended']] } as RulesetDefinition;
}
