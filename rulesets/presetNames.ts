/**
 * Preset names: the profiles of rulesets/profiles.ts (`recommended`, `all`, `pci`, `gdpr`, `fapi2`, ...). A module
 * of its own, without the rules, so that the CLI's main thread can check a `--preset` without loading every rule
 * (a worker thread builds and runs the ruleset). rulesets/presets.ts checks that the list names exactly the profiles.
 */
export const PRESET_NAMES = ['recommended', 'all', 'pci', 'gdpr', 'fapi2', 'psd2-berlin-group', 'uk-open-banking', 'strict'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}
