import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { isObject, type JsonObject } from './utils/guards.js';
import { headerEntries } from './utils/headers.js';
import { describeOperation, operations } from './utils/oas.js';
import { isQuotaStateHeader, isRateLimitHeader } from './utils/rateLimitHeaders.js';
import { componentResponseName, hasStatus, operationResponses, responseReportPath, statusClass } from './utils/responses.js';

const UNDISCLOSED = 'x-ratelimit-undisclosed';

/**
 * fin-ratelimit-headers-documented: the success (2xx) responses of rate-limited operations tell clients where they
 * stand. An operation is rate limited when it declares an explicit 429; operations without one are
 * fin-ratelimit-429-declared's concern, and error, redirect and 429 responses are never asked for quota fields (the
 * spectral-owasp rule demands them on every 2XX and 4XX response). A response passes with the IETF `RateLimit` field
 * (draft-07+), or a remaining/reset field of the pre-07 `RateLimit-*` or vendor `X-RateLimit-*`/`X-Rate-Limit-*`
 * families; a limit or policy alone is reported as incomplete. `x-ratelimit-undisclosed: true` on `info`, the
 * operation or the response records that limits are enforced but deliberately not advertised.
 */
export const rateLimitHeadersDocumented = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function rateLimitHeadersDocumented(root) {
    const results: IFunctionResult[] = [];
    if (isObject(root.info) && root.info[UNDISCLOSED] === true) return results;
    const seen = new Set<object>();
    for (const op of operations(root)) {
      if (op.operation[UNDISCLOSED] === true || hasStatus(root, op, 429) === undefined) continue;
      for (const ref of operationResponses(root, op)) {
        if (statusClass(ref.status) !== '2' || seen.has(ref.response)) continue;
        seen.add(ref.response);
        if (ref.response[UNDISCLOSED] === true) continue;
        const names = headerEntries(root, ref.response.headers, []).map((h) => h.name);
        if (names.some(isQuotaStateHeader)) continue;
        const name = componentResponseName(root, ref.response);
        const which = name
          ? `Response "${name}" (the ${ref.status} of rate-limited ${describeOperation(op)})`
          : `The ${ref.status} response of rate-limited ${describeOperation(op)}`;
        const partial = names.filter(isRateLimitHeader);
        results.push({
          message:
            partial.length > 0
              ? `${which} documents ${partial.join(', ')} but not the remaining quota: add the IETF RateLimit field (or a -Remaining/-Reset field).`
              : `${which} documents no rate-limit headers: add RateLimit and RateLimit-Policy (or X-RateLimit-Limit/-Remaining/-Reset), or mark the limits x-ratelimit-undisclosed: true.`,
          path: responseReportPath(root, ref),
        });
      }
    }
    return results;
  },
);
