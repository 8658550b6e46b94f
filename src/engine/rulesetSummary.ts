import type { Ruleset } from '@stoplight/spectral-core';
import type { FinRuleExtensions } from '../../rulesets/types.js';

/** One rule of a built ruleset, as much as mapping results to findings and reporting need. */
export interface RuleSummary {
  enabled: boolean;
  description: string;
  /** Spectral's severity number as the ruleset has it. */
  severity: number;
  documentationUrl?: string;
  controls: string[];
  howToFix?: string;
  category?: string;
}

/**
 * A built ruleset as plain data. Under the time limit the worker thread builds the ruleset and sends this summary, so
 * the main thread never loads Spectral or the rules (src/engine/lint.ts); in-process the same summary is made from
 * the same Ruleset, so both paths report alike.
 */
export interface RulesetSummary {
  rules: Record<string, RuleSummary>;
  /** Every finlint rule id, enabled or not (an inline ignore naming one of them is not "unknown"). */
  finlintRules: string[];
}

export function summarizeRuleset(ruleset: Ruleset, finlintRules: Iterable<string>): RulesetSummary {
  const rules: Record<string, RuleSummary> = {};
  for (const [id, rule] of Object.entries(ruleset.rules)) {
    const ext = (rule.extensions ?? {}) as Partial<FinRuleExtensions>;
    rules[id] = {
      enabled: rule.enabled,
      description: rule.description ?? '',
      severity: Number(rule.severity),
      ...(rule.documentationUrl !== undefined && rule.documentationUrl !== null ? { documentationUrl: rule.documentationUrl } : {}),
      controls: [...(ext.controls ?? [])],
      ...(ext.howToFix !== undefined ? { howToFix: ext.howToFix } : {}),
      ...(ext.category ? { category: ext.category } : {}),
    };
  }
  return { rules, finlintRules: [...finlintRules] };
}
