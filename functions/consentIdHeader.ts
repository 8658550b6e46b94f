import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { findRequestHeader } from './utils/headers.js';
import { describeOperation, operations } from './utils/oas.js';
import {
  accountDataOperations,
  collectParameterProblem,
  inScope,
  operationsLabel,
  PSD2_SCOPE_OPTION_PROPERTIES,
  requiresUserGrant,
  type ParameterProblem,
  type Psd2ScopeOptions,
} from './utils/psd2.js';

export interface ConsentIdHeaderOptions extends Pick<Psd2ScopeOptions, 'accountPaths' | 'consentPaths' | 'scaPaths' | 'onlyOpenBanking'> {
  /** The consent header (default `Consent-ID`, Berlin Group). */
  header?: string;
  /**
   * An operation whose every security alternative is a user-delegated grant carries its consent in the token (UK Open
   * Banking) and needs no header (default true); false demands the header regardless.
   */
  allowTokenBinding?: boolean;
}

/**
 * fin-psd2-consent-id-header: account-data reads (GET under `accounts`, `card-accounts`, `balances`, `transactions`...,
 * configurable) require the consent header (Berlin Group `Consent-ID`) naming the consent the access relies on.
 *
 * An operation whose every security alternative is a user-delegated grant (authorization code, OpenID Connect) is bound
 * to its consent through the token, as in UK Open Banking, and passes unless `allowTokenBinding: false`. Judged only in
 * access-to-account documents: ones with a consent resource, or where some operation accepts the header
 * (`onlyOpenBanking: false` judges every document). A missing header is reported at the operation; an optional one
 * once where it is written.
 */
export const consentIdHeader = createRulesetFunction<JsonObject, ConsentIdHeaderOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        header: { type: 'string', minLength: 1 },
        allowTokenBinding: { type: 'boolean' },
        accountPaths: PSD2_SCOPE_OPTION_PROPERTIES.accountPaths,
        consentPaths: PSD2_SCOPE_OPTION_PROPERTIES.consentPaths,
        scaPaths: PSD2_SCOPE_OPTION_PROPERTIES.scaPaths,
        onlyOpenBanking: PSD2_SCOPE_OPTION_PROPERTIES.onlyOpenBanking,
      },
      additionalProperties: false,
      errorMessage:
        '"fin-psd2-consent-id-header" options: { header?: string, allowTokenBinding?: boolean, accountPaths?: string[], consentPaths?: string[], scaPaths?: string[], onlyOpenBanking?: boolean }, e.g. { header: "Consent-ID", accountPaths: ["accounts", "balances"] }.',
    },
  },
  function consentIdHeader(root, options) {
    const name = options?.header ?? 'Consent-ID';
    if (!inScope(root, options, () => operations(root).some((op) => findRequestHeader(root, op, name) !== undefined))) return [];
    const results: IFunctionResult[] = [];
    const optional = new Map<object, ParameterProblem>();
    const tokenBinding = options?.allowTokenBinding !== false;
    for (const op of accountDataOperations(root, options)) {
      if (tokenBinding && requiresUserGrant(root, op)) continue;
      const header = findRequestHeader(root, op, name);
      if (header === undefined) {
        results.push({
          message: `${describeOperation(op)} reads account data without the ${name} header, so the request does not name the consent it relies on.`,
          path: op.path,
        });
      } else if (header.header.required !== true) {
        collectParameterProblem(root, optional, op, header, ['optional']);
      }
    }
    for (const p of optional.values()) {
      results.push({
        message: `The ${p.name} header of ${operationsLabel(p.ops)} is optional; account-data requests must name the consent they rely on.`,
        path: p.path,
      });
    }
    return results;
  },
);
