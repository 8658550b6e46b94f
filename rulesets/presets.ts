import type { RulesetDefinition } from '@stoplight/spectral-core';
import finlintRuleset from './ruleset.js';
import { allRules } from './registry.js';
import type { FinRule } from './types.js';

export const PRESET_NAMES = ['recommended', 'all'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** Rules a preset turns on, computed from rule metadata. */
export function presetRules(name: PresetName): FinRule[] {
  return name === 'all' ? [...allRules] : allRules.filter((r) => r.definition.recommended);
}

export function presetRuleset(name: PresetName): RulesetDefinition {
  return { extends: [[finlintRuleset, name]] } as RulesetDefinition;
}
