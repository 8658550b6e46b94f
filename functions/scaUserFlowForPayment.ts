import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { findRequestHeader } from './utils/headers.js';
import { describeOperation, effectiveSecurity, securitySchemes, type OperationRef } from './utils/oas.js';
import {
  accountDataOperations,
  appOnlyAlternative,
  hasScaSubresource,
  inScope,
  paymentSubmissions,
  PSD2_SCOPE_OPTION_PROPERTIES,
  type Psd2ScopeOptions,
} from './utils/psd2.js';
import { andList } from './utils/lists.js';

export interface ScaUserFlowOptions extends Psd2ScopeOptions {
  /**
   * A required request header that binds an account-data read to a consent the PSU authorised with SCA (Berlin Group
   * `Consent-ID`, the default); null: only a user-delegated grant counts.
   */
  consentHeader?: string | null;
}

/**
 * fin-psd2-sca-user-flow-for-payment: payment submissions and account-data reads of an access-to-account API require,
 * in every security alternative, a grant in which the PSU authenticated at the ASPSP (OAuth 2.0 authorization code or
 * OpenID Connect), so the PSU's strong customer authentication stands behind every payment and every account access.
 * Alternatives made only of client credentials, API keys, HTTP basic or mutual TLS, the anonymous alternative `{}`, and
 * a missing security list are reported; HTTP bearer and unknown schemes get the benefit of the doubt. Consent creation
 * may use client credentials (consent paths are never judged).
 *
 * Two Berlin Group patterns are recognised as SCA-backed: a payment initiation whose resource has an SCA sub-resource
 * (`.../{paymentId}/authorisations`: the PSU authorises the payment there afterwards), and an account-data read that
 * requires the consent header (`Consent-ID`: the consent was authorised with SCA).
 */
export const scaUserFlowForPayment = createRulesetFunction<JsonObject, ScaUserFlowOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { ...PSD2_SCOPE_OPTION_PROPERTIES, consentHeader: { type: ['string', 'null'], minLength: 1 } },
      additionalProperties: false,
      errorMessage:
        '"fin-psd2-sca-user-flow-for-payment" options: { accountPaths?: string[], paymentPaths?: string[], consentPaths?: string[], scaPaths?: string[], consentHeader?: string | null, onlyOpenBanking?: boolean }, e.g. { paymentPaths: ["payments", "vrps"], consentHeader: null }.',
    },
  },
  function scaUserFlowForPayment(root, options) {
    if (!inScope(root, options)) return [];
    const consentHeader = options?.consentHeader === undefined ? 'Consent-ID' : options.consentHeader;
    const { schemes } = securitySchemes(root);
    const judged: { op: OperationRef; what: string }[] = [];
    for (const op of paymentSubmissions(root, options)) {
      if (!hasScaSubresource(root, op, options)) judged.push({ op, what: 'submits a payment' });
    }
    for (const op of accountDataOperations(root, options)) {
      const bound = consentHeader !== null && findRequestHeader(root, op, consentHeader)?.header.required === true;
      if (!bound) judged.push({ op, what: 'reads account data' });
    }
    const results: IFunctionResult[] = [];
    for (const { op, what } of judged) {
      const security = effectiveSecurity(root, op);
      const label = `${describeOperation(op)} ${what}`;
      if (security.requirements.length === 0) {
        results.push({
          message: `${label} but declares no security, so nothing shows that the PSU authorised it; require an authorization-code or OpenID Connect grant.`,
          path: op.path,
        });
        continue;
      }
      const offending = security.requirements.map((r) => appOnlyAlternative(r, schemes)).filter((s): s is string => s !== undefined);
      if (offending.length === 0) continue;
      results.push({
        message: `${label}, but ${andList(offending)} ${offending.length === 1 ? 'carries' : 'carry'} no grant of the PSU; every alternative needs a user-delegated grant (authorization code or OpenID Connect).`,
        path: security.source === 'operation' && security.path ? security.path : op.path,
      });
    }
    return results;
  },
);
