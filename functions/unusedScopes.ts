import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { isObject, type JsonObject } from './utils/guards.js';
import {
  asStringArray,
  callbackOperations,
  oauthFlows,
  operations,
  securityArrays,
  securitySchemes,
  webhookOperations,
} from './utils/oas.js';

export interface UnusedScopesOptions {
  /** Scope names that are used by other APIs sharing the scheme, and must not be reported. */
  ignoreScopes?: string[];
  /** Scheme names that are used by other APIs sharing the components, and must not be reported. */
  ignoreSchemes?: string[];
}

/**
 * fin-auth-unused-scopes: every declared security scheme is named in some security requirement, and every OAuth scope
 * declared in a flow is required somewhere for that scheme. Documents without operations (shared component
 * libraries) are skipped: their schemes are used by the documents that reference them.
 */
export const unusedScopes = createRulesetFunction<JsonObject, UnusedScopesOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        ignoreScopes: { type: 'array', items: { type: 'string' } },
        ignoreSchemes: { type: 'array', items: { type: 'string' } },
      },
      additionalProperties: false,
      errorMessage:
        '"fin-auth-unused-scopes" options: { ignoreScopes?: string[], ignoreSchemes?: string[] }, e.g. { ignoreScopes: ["admin:all"] }.',
    },
  },
  function unusedScopes(root, options) {
    const hasOperations = operations(root).length + webhookOperations(root).length + callbackOperations(root).length > 0;
    if (!hasOperations) return [];
    const ignoreScopes = new Set(options?.ignoreScopes ?? []);
    const ignoreSchemes = new Set(options?.ignoreSchemes ?? []);

    const usedSchemes = new Set<string>();
    const usedScopes = new Map<string, Set<string>>();
    for (const { requirements } of securityArrays(root)) {
      for (const requirement of requirements) {
        if (!isObject(requirement)) continue;
        for (const [name, scopes] of Object.entries(requirement)) {
          usedSchemes.add(name);
          const set = usedScopes.get(name) ?? new Set<string>();
          asStringArray(scopes).forEach((s) => set.add(s));
          usedScopes.set(name, set);
        }
      }
    }

    const results: IFunctionResult[] = [];
    const { schemes, basePath } = securitySchemes(root);
    for (const [name, scheme] of Object.entries(schemes)) {
      if (ignoreSchemes.has(name)) continue;
      if (!usedSchemes.has(name)) {
        results.push({ message: `Security scheme "${name}" is declared but no security requirement uses it.`, path: [...basePath, name] });
        continue;
      }
      const used = usedScopes.get(name) ?? new Set<string>();
      for (const flow of oauthFlows(scheme, [...basePath, name])) {
        for (const scope of Object.keys(flow.scopes)) {
          if (used.has(scope) || ignoreScopes.has(scope)) continue;
          results.push({
            message: `Scope "${scope}" of scheme "${name}" (${flow.name} flow) is declared but no security requirement uses it.`,
            path: [...flow.path, 'scopes', scope],
          });
        }
      }
    }
    return results;
  },
);
