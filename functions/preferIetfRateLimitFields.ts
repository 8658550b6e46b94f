import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { headerEntries } from './utils/headers.js';
import { operations } from './utils/oas.js';
import { isIetfRateLimitField, isLegacyRateLimitHeader } from './utils/rateLimitHeaders.js';
import { operationResponses, responseReportPath } from './utils/responses.js';

/**
 * fin-ratelimit-prefer-ietf-fields: a response that documents only pre-standard rate-limit fields (`X-RateLimit-*`,
 * `X-Rate-Limit-*`, or the draft-06 `RateLimit-Limit`/`-Remaining`/`-Reset`) gets a hint to add the current IETF
 * `RateLimit` and `RateLimit-Policy` fields. Responses that already carry `RateLimit` next to the old names (a
 * migration) pass. Reported at the first legacy header; each response object once, and a shared legacy header once.
 */
export const preferIetfRateLimitFields = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function preferIetfRateLimitFields(root) {
    const results: IFunctionResult[] = [];
    const seenResponses = new Set<object>();
    const seenHeaders = new Set<object>();
    for (const op of operations(root)) {
      for (const ref of operationResponses(root, op)) {
        if (seenResponses.has(ref.response)) continue;
        seenResponses.add(ref.response);
        const headers = headerEntries(root, ref.response.headers, [...responseReportPath(root, ref), 'headers']);
        if (headers.some((h) => isIetfRateLimitField(h.name))) continue;
        const legacy = headers.filter((h) => isLegacyRateLimitHeader(h.name));
        if (legacy.length === 0 || legacy.every((h) => seenHeaders.has(h.header))) continue;
        legacy.forEach((h) => seenHeaders.add(h.header));
        results.push({
          message: `${legacy.map((h) => h.name).join(', ')} ${legacy.length === 1 ? 'is a' : 'are'} pre-standard rate-limit field${legacy.length === 1 ? '' : 's'}; also document the IETF RateLimit and RateLimit-Policy fields (draft-ietf-httpapi-ratelimit-headers-07 and later).`,
          path: legacy[0].path,
        });
      }
    }
    return results;
  },
);
