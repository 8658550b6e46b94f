import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { securitySchemes } from './utils/oas.js';

/**
 * fin-auth-no-apikey-in-query: no apiKey scheme (2.0 and 3.x) is sent in the query string; a cookie is reported
 * too, with its own message, because browsers attach it on their own.
 */
export const noApiKeyInQuery = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function noApiKeyInQuery(root) {
    const results: IFunctionResult[] = [];
    const { schemes, basePath } = securitySchemes(root);
    for (const [name, scheme] of Object.entries(schemes)) {
      if (scheme.type !== 'apiKey' || typeof scheme.in !== 'string') continue;
      const location = scheme.in.trim().toLowerCase();
      const path = [...basePath, name, 'in'];
      if (location === 'query') {
        results.push({
          message: `API key scheme "${name}" is sent in the query string, where server, proxy and browser logs record it; send it in a request header.`,
          path,
        });
      } else if (location === 'cookie') {
        results.push({
          message: `API key scheme "${name}" is sent in a cookie, which browsers attach to every request on their own (CSRF) and share across paths; send it in a request header instead.`,
          path,
        });
      }
    }
    return results;
  },
);
