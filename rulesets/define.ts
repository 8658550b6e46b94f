import type { RuleDefinition } from '@stoplight/spectral-core';
import type { FinRule, FinRuleDefinition, FinRuleExtensions, FinSeverity } from './types.js';

/** Where rule docs live. One place, so every formatter, SARIF `helpUri` and the LSP agree. */
export const DOCS_BASE_URL = 'https://github.com/finlint/finlint/blob/main/docs/rules/';

export function documentationUrlFor(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

export interface DefineRuleInput extends Omit<RuleDefinition, 'severity' | 'documentationUrl' | 'extensions'> {
  id: string;
  description: string;
  message: string;
  severity: FinSeverity;
  recommended: boolean;
  controls: FinRuleExtensions['controls'];
  category: FinRuleExtensions['category'];
  howToFix: string;
  since?: string;
  oasVersions: FinRuleExtensions['oasVersions'];
}

/** Builds a rule: Spectral definition + finlint metadata, with the documentation URL derived from the id. */
export function defineRule(input: DefineRuleInput): FinRule {
  const { id, controls, category, howToFix, since = '0.1.0', oasVersions, ...spectral } = input;
  const definition: FinRuleDefinition = {
    ...spectral,
    documentationUrl: documentationUrlFor(id),
    extensions: { controls, category, howToFix, since, oasVersions },
  };
  return { id, definition };
}
