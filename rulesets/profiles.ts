import type { RulesetDefinition } from '@stoplight/spectral-core';
import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { allRules } from './registry.js';
import type { FinRule, FinRuleDefinition, FinSeverity, RuleCategory } from './types.js';

/**
 * Profiles: the regimes a financial API is held to, as data (catalogue §2.3). A profile starts from another
 * profile (or from the rule metadata: `recommended` = every rule marked recommended, `all` = every rule), adds
 * whole rule families, then changes single rules: severity, options (market-specific header names), or off.
 * `strict` maps every severity up one step. Everything else — presets, the config's `extends: finlint:<name>`,
 * `finlint rules --preset`, docs/profiles.md — is computed from these definitions.
 */
export type ProfileSeverity = FinSeverity | 'off';

export interface ProfileRuleChange {
  severity?: ProfileSeverity;
  /** Merged over the rule's own function options (every `then` with a function). */
  options?: Record<string, unknown>;
}

export interface ProfileDefinition {
  name: string;
  title: string;
  /** One paragraph: who the profile is for and what it adds. */
  description: string;
  /** Starting point: another profile's name, or `rule-metadata` for the recommended rules / every rule. */
  base: 'recommended-rules' | 'all-rules' | string;
  /** Rule families added in full at their default severity. */
  families?: readonly RuleCategory[];
  /** Per-rule changes, applied after `families`; a rule not yet on is turned on by naming it. */
  rules?: Readonly<Record<string, ProfileSeverity | ProfileRuleChange>>;
  /** Severity mapping applied last to every rule that is on (strict: warn -> error, info -> warn). */
  raise?: Partial<Record<FinSeverity, FinSeverity>>;
  /** Why a rule is switched off or changed, for the generated docs. */
  notes?: Readonly<Record<string, string>>;
}

/** Berlin Group NextGenPSD2 header names (XS2A Implementation Guidelines 1.3.x). */
const BERLIN_GROUP = {
  'fin-psd2-request-id': { severity: 'warn', options: { header: 'X-Request-ID' } },
  'fin-psd2-consent-id-header': { options: { header: 'Consent-ID' } },
  'fin-psd2-psu-context-headers': { options: { headers: ['PSU-IP-Address'] } },
  'fin-psd2-sca-user-flow-for-payment': 'warn',
  'fin-psd2-message-signing': { options: { signatureHeaders: [['Digest', 'Signature', 'TPP-Signature-Certificate']] } },
} as const satisfies Record<string, ProfileSeverity | ProfileRuleChange>;

/** UK Open Banking Read/Write API names. */
const UK_OPEN_BANKING = {
  // UK OB correlates with x-fapi-interaction-id (fin-fapi-interaction-id) and binds consent to the access token.
  'fin-psd2-request-id': 'off',
  'fin-psd2-consent-id-header': 'off',
  'fin-psd2-psu-context-headers': { options: { headers: ['x-fapi-customer-ip-address'] } },
  'fin-psd2-sca-user-flow-for-payment': 'warn',
  // UK OB signs payment requests and responses with a detached JWS that the ASPSP requires.
  'fin-psd2-message-signing': { options: { signatureHeaders: [['x-jws-signature']], required: true, responses: true } },
  // The OBErrorResponse1 envelope (Code, Message, Errors[]) as application/json instead of RFC 9457.
  'fin-error-problem-details': { options: { mediaTypes: ['application/json'], members: ['Code', 'Message', 'Errors'] } },
} as const satisfies Record<string, ProfileSeverity | ProfileRuleChange>;

export const profileDefinitions: readonly ProfileDefinition[] = [
  {
    name: 'recommended',
    title: 'Recommended',
    description: 'Every rule marked recommended, at its default severity: the errors and warnings that hold for any financial API. The default.',
    base: 'recommended-rules',
  },
  {
    name: 'all',
    title: 'All rules',
    description: 'Every finlint rule at its default severity, the opt-in FAPI and PSD2 families included (with their Berlin Group defaults).',
    base: 'all-rules',
  },
  {
    name: 'pci',
    title: 'PCI DSS',
    description: 'For APIs in scope of PCI DSS v4.0.1 (they store, process or transmit cardholder data): recommended plus every cardholder-data rule, with brute-force protection of authentication endpoints raised to an error.',
    base: 'recommended',
    families: ['pci'],
    rules: { 'fin-ratelimit-auth-endpoints': 'error' },
    notes: { 'fin-ratelimit-auth-endpoints': 'PCI DSS 8.3.4 requires lockout after at most 10 attempts: an error in scope.' },
  },
  {
    name: 'gdpr',
    title: 'GDPR',
    description: 'For APIs that process personal data of people in the EEA: recommended plus every personal-data rule, with personal data in URLs raised to an error.',
    base: 'recommended',
    families: ['gdpr'],
    rules: { 'fin-gdpr-no-personal-data-in-url': 'error' },
    notes: { 'fin-gdpr-no-personal-data-in-url': 'URLs end up in logs, proxies and browser history: an Art. 32 failure, not a style point.' },
  },
  {
    name: 'fapi2',
    title: 'FAPI 2.0',
    description: 'For APIs in an OpenID FAPI 2.0 ecosystem: recommended plus the FAPI family, with sender-constrained tokens, client authentication and code-flow-only raised to errors and the mutual-TLS scheme and interaction id to warnings.',
    base: 'recommended',
    families: ['fapi'],
    rules: {
      'fin-fapi-sender-constrained-tokens': 'error',
      'fin-fapi-client-auth-methods': 'error',
      'fin-fapi-code-flow-only': 'error',
      'fin-fapi-mtls-scheme': 'warn',
      'fin-fapi-interaction-id': 'warn',
    },
  },
  {
    name: 'psd2-berlin-group',
    title: 'PSD2 — Berlin Group NextGenPSD2',
    description: 'For ASPSPs and TPPs on the Berlin Group NextGenPSD2 XS2A framework (and its national editions such as Swiss NextGen): fapi2 plus the PSD2 family with Berlin Group header names; X-Request-ID and user-delegated grants for payments are warnings.',
    base: 'fapi2',
    families: ['psd2'],
    rules: { ...BERLIN_GROUP, 'fin-fapi-interaction-id': 'off' },
    notes: { 'fin-fapi-interaction-id': 'Berlin Group correlates requests with X-Request-ID (fin-psd2-request-id), not x-fapi-interaction-id.' },
  },
  {
    name: 'uk-open-banking',
    title: 'UK Open Banking',
    description: 'For the UK Open Banking Read/Write APIs: fapi2 plus the PSD2 family with UK header names (x-fapi-*, x-jws-signature) and the OBErrorResponse1 error envelope instead of RFC 9457 problem details.',
    base: 'fapi2',
    families: ['psd2'],
    rules: UK_OPEN_BANKING,
    notes: {
      'fin-psd2-request-id': 'UK Open Banking correlates with x-fapi-interaction-id (fin-fapi-interaction-id).',
      'fin-psd2-consent-id-header': 'UK Open Banking binds the consent to the access token, not to a header.',
      'fin-error-problem-details': 'Checks the OBErrorResponse1 envelope (Code, Message, Errors) as application/json.',
    },
  },
  {
    name: 'strict',
    title: 'Strict',
    description: 'Every rule, one step stricter: warnings become errors and information becomes warnings (hints stay hints). For new APIs and for a pre-release gate.',
    base: 'all-rules',
    raise: { warn: 'error', info: 'warn' },
  },
];

export interface EffectiveRule {
  rule: FinRule;
  severity: FinSeverity;
  /** Option values the profile sets (merged over the rule's own). */
  options?: Record<string, unknown>;
}

const byName = new Map(profileDefinitions.map((p) => [p.name, p]));

export function profileDefinition(name: string): ProfileDefinition | undefined {
  return byName.get(name);
}

function mergeOptions(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  return a === undefined ? b : b === undefined ? a : { ...a, ...b };
}

/** The rules a profile turns on, in catalogue order, with their severity and option values. Throws for an unknown rule. */
export function profileRules(name: string, rules: readonly FinRule[] = allRules): EffectiveRule[] {
  const def = byName.get(name);
  if (def === undefined) throw new Error(`unknown profile ${name}`);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const on = new Map<string, EffectiveRule>();
  if (def.base === 'recommended-rules' || def.base === 'all-rules') {
    for (const r of rules) if (def.base === 'all-rules' || r.definition.recommended) on.set(r.id, { rule: r, severity: r.definition.severity });
  } else {
    for (const e of profileRules(def.base, rules)) on.set(e.rule.id, e);
  }
  for (const r of rules) if (def.families?.includes(r.definition.extensions.category) && !on.has(r.id)) on.set(r.id, { rule: r, severity: r.definition.severity });
  for (const [id, change] of Object.entries(def.rules ?? {})) {
    const rule = byId.get(id);
    if (rule === undefined) throw new Error(`profile ${name} names ${id}, which is not a rule`);
    const c: ProfileRuleChange = typeof change === 'string' ? { severity: change } : change;
    if (c.severity === 'off') {
      on.delete(id);
      continue;
    }
    const current = on.get(id);
    on.set(id, { rule, severity: c.severity ?? current?.severity ?? rule.definition.severity, options: mergeOptions(current?.options, c.options) });
  }
  if (def.raise) for (const e of on.values()) e.severity = def.raise[e.severity] ?? e.severity;
  return rules.filter((r) => on.has(r.id)).map((r) => on.get(r.id)!);
}

function withOptions(definition: FinRuleDefinition, options: Record<string, unknown> | undefined): FinRuleDefinition['then'] {
  if (options === undefined) return definition.then;
  const apply = (t: Record<string, unknown>) =>
    t.function ? { ...t, functionOptions: { ...((t.functionOptions as Record<string, unknown> | undefined) ?? {}), ...options } } : t;
  const then = definition.then as unknown as Record<string, unknown> | Record<string, unknown>[];
  return (Array.isArray(then) ? then.map(apply) : apply(then)) as unknown as FinRuleDefinition['then'];
}

const rulesetCache = new Map<string, RulesetDefinition>();

/**
 * A profile as a Spectral ruleset: every finlint rule, those of the profile `recommended` at the profile's severity
 * and options, the others `recommended: false` (so `extends: [[profile, recommended]]` is exactly the profile, and a
 * configuration can still switch any other rule on by giving it a severity).
 */
export function profileRuleset(name: string): RulesetDefinition {
  let cached = rulesetCache.get(name);
  if (cached === undefined) {
    const effective = new Map(profileRules(name).map((e) => [e.rule.id, e]));
    cached = {
      formats: [oas2, oas3_0, oas3_1],
      rules: Object.fromEntries(
        allRules.map((r) => {
          const e = effective.get(r.id);
          const definition = e
            ? { ...r.definition, severity: e.severity, recommended: true, then: withOptions(r.definition, e.options) }
            : { ...r.definition, recommended: false };
          return [r.id, definition];
        }),
      ),
    } as RulesetDefinition;
    rulesetCache.set(name, cached);
  }
  return cached;
}
