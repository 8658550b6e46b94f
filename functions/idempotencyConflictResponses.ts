import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { describeOperation, operations } from './utils/oas.js';
import { IDEMPOTENCY_OPTION_PROPERTIES, idempotencyMechanism, type IdempotencyOptions } from './utils/paymentOperations.js';
import { operationResponses } from './utils/responses.js';
import { orList } from './utils/lists.js';

export interface IdempotencyConflictResponsesOptions extends IdempotencyOptions {
  /** Status codes to require (default 400, 409, 422). */
  statuses?: string[];
}

const MEANING: Readonly<Record<string, string>> = {
  '400': 'the key is missing',
  '409': 'a request with the same key is still being processed',
  '422': 'the key was reused with a different request',
};

/**
 * fin-idempotency-conflict-responses: POST and PATCH operations that *require* an idempotency key (a required key
 * header or body field, or `x-idempotency: body-field`) document the draft's error responses with explicit status
 * codes: 400 (key missing), 409 (same key still in flight) and 422 (key reused with a different payload). A `4XX` range
 * or `default` does not count: clients must tell a retryable 409 from a final 422. An optional key (the client may
 * omit it) is left alone: the draft's error contract is for servers that insist on the key. One finding per
 * operation, at its `responses`.
 */
export const idempotencyConflictResponses = createRulesetFunction<JsonObject, IdempotencyConflictResponsesOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        ...IDEMPOTENCY_OPTION_PROPERTIES,
        statuses: { type: 'array', items: { type: 'string', pattern: '^[1-5][0-9][0-9]$' } },
      },
      additionalProperties: false,
      errorMessage:
        '"fin-idempotency-conflict-responses" options: { headerNames?: string[], statuses?: string[] }, e.g. { statuses: ["409"] }.',
    },
  },
  function idempotencyConflictResponses(root, options) {
    const wanted = options?.statuses ?? ['400', '409', '422'];
    const results: IFunctionResult[] = [];
    for (const op of operations(root)) {
      if (op.method !== 'post' && op.method !== 'patch') continue;
      const mechanism = idempotencyMechanism(root, op, options);
      if (mechanism === undefined || (mechanism.kind !== 'declared-body-field' && !mechanism.required)) continue;
      const declared = new Set(operationResponses(root, op).map((r) => r.status));
      const missing = wanted.filter((s) => !declared.has(s));
      if (missing.length === 0) continue;
      const key = mechanism.kind === 'header' ? `idempotency key header "${mechanism.ref.name}"` : mechanism.kind === 'body-field' ? `idempotency key field "${mechanism.name}"` : 'an idempotency key';
      const list = missing.map((s) => (MEANING[s] ? `${s} (${MEANING[s]})` : s));
      results.push({
        message: `${describeOperation(op)} requires ${key} but documents no ${orList(list)} response.`,
        path: op.operation.responses !== undefined ? [...op.path, 'responses'] : op.path,
      });
    }
    return results;
  },
);
