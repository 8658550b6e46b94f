import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { entries, isObject, type JsonObject } from './utils/guards.js';
import { securityArrays, securitySchemes } from './utils/oas.js';
import { componentsFirst } from './utils/securityLists.js';
import { closestName } from './utils/suggest.js';

/**
 * fin-auth-security-refs-resolve: every key of every Security Requirement Object (root, operations, webhooks and
 * callbacks; 2.0 and 3.x) names a scheme defined in `securityDefinitions` / `components.securitySchemes`.
 */
export const securityRefsResolve = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function securityRefsResolve(root) {
    const results: IFunctionResult[] = [];
    const { schemes, basePath } = securitySchemes(root);
    const defined = Object.keys(schemes);
    const container = basePath.join('.');
    const seen = new Set<object>();
    for (const { requirements, path } of componentsFirst(securityArrays(root))) {
      if (seen.has(requirements)) continue;
      seen.add(requirements);
      requirements.forEach((req, i) => {
        if (!isObject(req)) return;
        for (const [schemeName] of entries(req)) {
          if (Object.prototype.hasOwnProperty.call(schemes, schemeName)) continue;
          const guess = closestName(schemeName, defined);
          results.push({
            message:
              `Security requirement names "${schemeName}", but ${container} defines no scheme of that name` +
              (guess !== undefined ? ` (did you mean "${guess}"?).` : '.'),
            path: [...path, i, schemeName],
          });
        }
      });
    }
    return results;
  },
);
