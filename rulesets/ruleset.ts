import type { RulesetDefinition } from '@stoplight/spectral-core';
import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { allRules } from './registry.js';

/**
 * The finlint Spectral ruleset. Extending it in `recommended` mode (Spectral's default) turns on the rules
 * marked `recommended`; `all` turns on every rule:
 *
 *   extends: [[finlint, recommended]]   # or: extends: finlint
 *   extends: [[finlint, all]]
 */
const finlintRuleset = {
  formats: [oas2, oas3_0, oas3_1],
  rules: Object.fromEntries(allRules.map((rule) => [rule.id, rule.definition])),
} satisfies RulesetDefinition;

export default finlintRuleset;
