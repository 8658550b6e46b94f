import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { securitySchemes } from './utils/oas.js';

/** fin-auth-no-http-basic: no 2.0 `type: basic` scheme and no 3.x `type: http` scheme with `scheme: basic`. */
export const noHttpBasic = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function noHttpBasic(root) {
    const results: IFunctionResult[] = [];
    const { schemes, basePath } = securitySchemes(root);
    for (const [name, scheme] of Object.entries(schemes)) {
      if (scheme.type === 'basic') {
        results.push({ message: `Security scheme "${name}" uses HTTP Basic authentication.`, path: [...basePath, name, 'type'] });
      } else if (scheme.type === 'http' && typeof scheme.scheme === 'string' && scheme.scheme.trim().toLowerCase() === 'basic') {
        results.push({ message: `Security scheme "${name}" uses HTTP Basic authentication.`, path: [...basePath, name, 'scheme'] });
      }
    }
    return results;
  },
);
