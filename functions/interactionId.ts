import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { resourceOperations } from './utils/fapi.js';
import type { JsonObject } from './utils/guards.js';
import { findHeader, findRequestHeader } from './utils/headers.js';
import { findDefaultResponseHeader } from './utils/headerValues.js';
import { describeOperation } from './utils/oas.js';
import { operationResponses } from './utils/responses.js';
import { andList } from './utils/lists.js';

export interface InteractionIdOptions {
  /** The interaction id header (case-insensitive; default `x-fapi-interaction-id`). */
  header?: string;
}

export const DEFAULT_INTERACTION_HEADER = 'x-fapi-interaction-id';

/**
 * fin-fapi-interaction-id: every resource operation (not `x-public: true`, not an authorization-server endpoint of
 * the same file) accepts the `x-fapi-interaction-id` request header, and every one of its responses, errors included,
 * returns it (or the document declares it in `x-default-response-headers`). One finding per operation, listing the
 * responses that do not return it; a document that never mentions the header gets one finding at `paths`.
 */
export const interactionId = createRulesetFunction<JsonObject, InteractionIdOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { header: { type: 'string', minLength: 1 } },
      additionalProperties: false,
      errorMessage: '"fin-fapi-interaction-id" options: { header?: string }, e.g. { header: "x-fapi-interaction-id" }.',
    },
  },
  function interactionId(root, options) {
    const header = options?.header ?? DEFAULT_INTERACTION_HEADER;
    const ops = resourceOperations(root);
    if (ops.length === 0) return [];
    const gateway = findDefaultResponseHeader(root, [header]) !== undefined;
    const gaps = ops.map((op) => {
      const responses = operationResponses(root, op);
      const missing = gateway ? [] : responses.filter((r) => findHeader(root, r.response, r.path, header) === undefined).map((r) => r.status);
      return { op, accepts: findRequestHeader(root, op, header) !== undefined, missing, returns: responses.length > missing.length };
    });
    if (!gateway && !gaps.some((g) => g.accepts || g.returns)) {
      const n = ops.length;
      return [
        {
          message: `No operation accepts or returns the ${header} header: ${n === 1 ? 'the one operation leaves' : `all ${n} operations leave`} client and provider without a shared id to trace an interaction by.`,
          path: ['paths'],
        },
      ];
    }
    const results: IFunctionResult[] = [];
    for (const { op, accepts, missing } of gaps) {
      const name = describeOperation(op);
      const responses = missing.length === 1 ? `its ${missing[0]} response does` : `its ${andList(missing)} responses do`;
      let message: string | undefined;
      if (!accepts && missing.length > 0) message = `${name} does not accept the ${header} request header, and ${responses} not return it.`;
      else if (!accepts) message = `${name} does not accept the ${header} request header.`;
      else if (missing.length > 0) message = `${name} accepts the ${header} header but ${responses} not return it.`;
      if (message) results.push({ message, path: op.path });
    }
    return results;
  },
);
