import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { oauthFlows, securitySchemes } from './utils/oas.js';

/**
 * fin-auth-no-password-flow: no oauth2 scheme offers the resource owner password credentials grant
 * (2.0 `flow: password`, 3.x `flows.password`).
 */
export const noPasswordFlow = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function noPasswordFlow(root) {
    const results: IFunctionResult[] = [];
    const { schemes, basePath } = securitySchemes(root);
    for (const [name, scheme] of Object.entries(schemes)) {
      for (const flow of oauthFlows(scheme, [...basePath, name])) {
        if (flow.name !== 'password') continue;
        results.push({
          message: `OAuth 2.0 scheme "${name}" offers the resource owner password flow, which hands the user's password to the client and cannot carry strong customer authentication.`,
          path: typeof scheme.flow === 'string' ? [...flow.path, 'flow'] : flow.path,
        });
      }
    }
    return results;
  },
);
