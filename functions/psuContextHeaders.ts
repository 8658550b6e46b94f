import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { findRequestHeader } from './utils/headers.js';
import { describeOperation, type OperationRef } from './utils/oas.js';
import { accountDataOperations, inScope, paymentSubmissions, PSD2_SCOPE_OPTION_PROPERTIES, type Psd2ScopeOptions } from './utils/psd2.js';
import { andList } from './utils/lists.js';

export interface PsuContextHeadersOptions extends Psd2ScopeOptions {
  /** PSU-context request headers every AIS/PIS operation accepts (default `[PSU-IP-Address]`, Berlin Group). */
  headers?: string[];
}

/**
 * fin-psd2-psu-context-headers: account-data reads and payment submissions accept the PSU-context request headers
 * (Berlin Group `PSU-IP-Address`; UK Open Banking / FAPI `x-fapi-customer-ip-address`), which tell the ASPSP whether
 * the PSU is present. Accepting is enough (Berlin Group makes the header conditional for AIS: sent when the PSU asked).
 * One finding per operation, listing the missing headers. Judged only in documents with a consent resource unless
 * `onlyOpenBanking: false`.
 */
export const psuContextHeaders = createRulesetFunction<JsonObject, PsuContextHeadersOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        headers: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
        ...PSD2_SCOPE_OPTION_PROPERTIES,
      },
      additionalProperties: false,
      errorMessage:
        '"fin-psd2-psu-context-headers" options: { headers?: string[], accountPaths?: string[], paymentPaths?: string[], consentPaths?: string[], scaPaths?: string[], onlyOpenBanking?: boolean }, e.g. { headers: ["x-fapi-customer-ip-address"] }.',
    },
  },
  function psuContextHeaders(root, options) {
    const names = options?.headers ?? ['PSU-IP-Address'];
    if (!inScope(root, options)) return [];
    const judged = new Map<string, { op: OperationRef; kind: string }>();
    for (const op of accountDataOperations(root, options)) judged.set(op.path.join('\n'), { op, kind: 'reads account data' });
    for (const op of paymentSubmissions(root, options)) judged.set(op.path.join('\n'), { op, kind: 'submits a payment' });
    const results: IFunctionResult[] = [];
    for (const { op, kind } of judged.values()) {
      const missing = names.filter((n) => findRequestHeader(root, op, n) === undefined);
      if (missing.length === 0) continue;
      results.push({
        message: `${describeOperation(op)} ${kind} but does not accept the PSU-context header${missing.length === 1 ? '' : 's'} ${andList(missing)}, so the ASPSP cannot tell whether the PSU is present.`,
        path: op.path,
      });
    }
    return results;
  },
);
