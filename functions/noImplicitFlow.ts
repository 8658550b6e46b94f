import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { oauthFlows, securitySchemes } from './utils/oas.js';

/** fin-auth-no-implicit-flow: no oauth2 scheme offers the implicit grant (2.0 `flow: implicit`, 3.x `flows.implicit`). */
export const noImplicitFlow = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function noImplicitFlow(root) {
    const results: IFunctionResult[] = [];
    const { schemes, basePath } = securitySchemes(root);
    for (const [name, scheme] of Object.entries(schemes)) {
      for (const flow of oauthFlows(scheme, [...basePath, name])) {
        if (flow.name !== 'implicit') continue;
        results.push({
          message: `OAuth 2.0 scheme "${name}" offers the implicit flow, which returns access tokens in the redirect URL where they leak and cannot be sender-constrained.`,
          path: typeof scheme.flow === 'string' ? [...flow.path, 'flow'] : flow.path,
        });
      }
    }
    return results;
  },
);
