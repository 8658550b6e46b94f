import type { RuleDefinition } from '@stoplight/spectral-core';

export type FinSeverity = 'error' | 'warn' | 'info' | 'hint';

export type RuleCategory =
  | 'transport'
  | 'auth'
  | 'fapi'
  | 'psd2'
  | 'pci'
  | 'gdpr'
  | 'input'
  | 'ratelimit'
  | 'error'
  | 'idempotency'
  | 'audit'
  | 'lifecycle'
  | 'headers';

/** finlint's own metadata, carried in Spectral's rule-level `extensions` object. */
export interface FinRuleExtensions {
  /** Control ids from rulesets/controls.ts, e.g. `pci-dss-4.0.1:4.2.1`. */
  controls: readonly string[];
  category: RuleCategory;
  /** One or two sentences telling an engineer how to make the finding go away properly. */
  howToFix: string;
  /** finlint version that introduced the rule. */
  since: string;
  /** OAS versions the rule inspects, for docs and the rules table. */
  oasVersions: readonly ('2.0' | '3.0' | '3.1')[];
}

/** A finlint rule: a Spectral rule definition with required description, severity, docs URL and extensions. */
export type FinRuleDefinition = RuleDefinition & {
  description: string;
  message: string;
  severity: FinSeverity;
  recommended: boolean;
  documentationUrl: string;
  extensions: FinRuleExtensions & Record<string, unknown>;
};

export interface FinRule {
  id: string;
  definition: FinRuleDefinition;
}
