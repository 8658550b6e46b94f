import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, entries, isObject, type JsonObject } from './utils/guards.js';
import { oasVersion, oauthFlows, securityArrays, securitySchemes } from './utils/oas.js';
import { componentsFirst } from './utils/securityLists.js';
import { closestName } from './utils/suggest.js';

/**
 * fin-auth-oauth-scopes-declared: every scope a security requirement lists for an oauth2 scheme is declared in
 * one of that scheme's flows (3.x `flows.*.scopes`, 2.0 `scopes`); for other scheme types the list is empty in
 * 2.0 and 3.0 (3.1 allows role names there). openIdConnect scopes live in the discovery document and schemes
 * marked `x-dynamic-scopes: true` register scopes at run time: both are skipped. Undefined scheme names are left
 * to fin-auth-security-refs-resolve.
 */
export const oauthScopesDeclared = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function oauthScopesDeclared(root) {
    const results: IFunctionResult[] = [];
    const version = oasVersion(root);
    const { schemes, basePath } = securitySchemes(root);
    const declared = new Map<string, Set<string>>();
    const scopesOf = (name: string, scheme: JsonObject): Set<string> => {
      let set = declared.get(name);
      if (!set) {
        set = new Set(oauthFlows(scheme, [...basePath, name]).flatMap((flow) => Object.keys(flow.scopes)));
        declared.set(name, set);
      }
      return set;
    };
    const seen = new Set<object>();
    for (const { requirements, path } of componentsFirst(securityArrays(root))) {
      if (seen.has(requirements)) continue;
      seen.add(requirements);
      requirements.forEach((req, i) => {
        if (!isObject(req)) return;
        for (const [schemeName, listed] of entries(req)) {
          const scheme = Object.prototype.hasOwnProperty.call(schemes, schemeName) ? schemes[schemeName] : undefined;
          if (scheme === undefined || !Array.isArray(listed)) continue;
          if (scheme.type === 'oauth2') {
            if (scheme['x-dynamic-scopes'] === true) continue;
            const known = scopesOf(schemeName, scheme);
            listed.forEach((scope, j) => {
              if (typeof scope !== 'string' || known.has(scope)) return;
              const guess = closestName(scope, known);
              results.push({
                message:
                  `Scope "${scope}" is not declared in any flow of OAuth 2.0 scheme "${schemeName}"` +
                  (guess !== undefined ? ` (did you mean "${guess}"?).` : '.'),
                path: [...path, i, schemeName, j],
              });
            });
          } else if (scheme.type !== 'openIdConnect' && (version === '2.0' || version === '3.0') && listed.length > 0) {
            const found = asArray(listed).map((s) => `"${String(s)}"`).join(', ');
            results.push({
              message: `Security scheme "${schemeName}" is not OAuth 2.0, so OAS ${version} requires an empty list here; found ${found}.`,
              path: [...path, i, schemeName],
            });
          }
        }
      });
    }
    return results;
  },
);
