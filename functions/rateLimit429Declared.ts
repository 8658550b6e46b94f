import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { isPublicApi, isMarkedPublic } from './utils/exemptions.js';
import { isObject, type JsonObject } from './utils/guards.js';
import { describeOperation, operations } from './utils/oas.js';
import { componentResponseName, hasBodySchema, hasStatus, responseReportPath } from './utils/responses.js';

/**
 * fin-ratelimit-429-declared: every operation that is not intentionally public (`x-public: true`, or
 * `info.x-public-api: true`) declares an explicit `429` response with a body schema. A `4XX` range or `default` does
 * not count: it does not tell a client that the operation is rate limited, and it cannot carry the 429's own
 * `Retry-After`. HEAD responses have no body, so only the status is asked of them. A reusable 429 response without a
 * body is reported once, where it is written.
 */
export const rateLimit429Declared = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function rateLimit429Declared(root) {
    const results: IFunctionResult[] = [];
    if (isPublicApi(root)) return results;
    const reported = new Set<object>();
    for (const op of operations(root)) {
      if (isMarkedPublic(op.operation)) continue;
      const r429 = hasStatus(root, op, 429);
      if (r429 === undefined) {
        const range = hasStatus(root, op, 429, { ranges: true, default: true });
        const note = range ? `; its ${range.status} response does not tell clients that requests are rate limited` : '';
        results.push({
          message: `Operation ${describeOperation(op)} declares no 429 (Too Many Requests) response${note}.`,
          path: isObject(op.operation.responses) ? [...op.path, 'responses'] : op.path,
        });
        continue;
      }
      if (op.method === 'head' || reported.has(r429.response) || hasBodySchema(root, r429.response)) continue;
      reported.add(r429.response);
      const name = componentResponseName(root, r429.response);
      results.push({
        message: name
          ? `Response "${name}", used as the 429 of ${describeOperation(op)}, has no body schema; describe the error body (e.g. application/problem+json).`
          : `The 429 response of ${describeOperation(op)} has no body schema; describe the error body (e.g. application/problem+json).`,
        path: responseReportPath(root, r429),
      });
    }
    return results;
  },
);
