import { authPolicyRules } from './families/auth-policy.js';
import { authSchemeRules } from './families/auth-schemes.js';
import { fapiRules } from './families/fapi.js';
import { psd2Rules } from './families/psd2.js';
import { pciRules } from './families/pci.js';
import { gdprRules } from './families/gdpr.js';
import { inputRules } from './families/input.js';
import { rateLimitRules } from './families/ratelimit.js';
import { errorRules } from './families/errors.js';
import { idempotencyRules } from './families/idempotency.js';
import { auditRules } from './families/audit.js';
import { lifecycleRules } from './families/lifecycle.js';
import { headerRules } from './families/headers.js';
import { transportRules } from './families/transport.js';
import type { FinRule } from './types.js';

/** Every finlint rule, in catalogue order. Presets, docs tables and the CLI's rule list are built from this. */
export const allRules: readonly FinRule[] = [
  ...transportRules,
  ...authSchemeRules,
  ...authPolicyRules,
  ...fapiRules,
  ...psd2Rules,
  ...pciRules,
  ...gdprRules,
  ...inputRules,
  ...rateLimitRules,
  ...errorRules,
  ...idempotencyRules,
  ...auditRules,
  ...lifecycleRules,
  ...headerRules,
];

export const rulesById: ReadonlyMap<string, FinRule> = new Map(allRules.map((r) => [r.id, r]));
