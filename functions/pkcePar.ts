import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { oauthFlows, securitySchemes } from './utils/oas.js';

function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * fin-fapi-pkce-par: every authorization code flow (3.x `flows.authorizationCode`, 2.0 `flow: accessCode`) declares
 * PKCE with S256 (`x-pkce: S256`) and pushed authorization requests (`x-par: required`, or `true`). One finding per
 * flow, naming what is missing or wrong. openIdConnect schemes carry no flows and are not judged.
 */
export const pkcePar = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function pkcePar(root) {
    const results: IFunctionResult[] = [];
    const { schemes, basePath } = securitySchemes(root);
    for (const [name, scheme] of Object.entries(schemes)) {
      for (const flow of oauthFlows(scheme, [...basePath, name])) {
        if (flow.name !== 'authorizationCode') continue;
        const issues: string[] = [];
        const pkce = flow.flow['x-pkce'];
        if (pkce === undefined) issues.push('does not declare PKCE (x-pkce: S256)');
        else if (typeof pkce !== 'string' || pkce.trim().toLowerCase() !== 's256') {
          issues.push(`declares x-pkce: ${shown(pkce)}, but only S256 resists an intercepted authorization code`);
        }
        const par = flow.flow['x-par'];
        if (par === undefined) issues.push('does not require pushed authorization requests (x-par: required)');
        else if (par !== true && !(typeof par === 'string' && par.trim().toLowerCase() === 'required')) {
          issues.push(`declares x-par: ${shown(par)}, but FAPI 2.0 requires every authorization request to be pushed`);
        }
        if (issues.length === 0) continue;
        results.push({
          message: `The authorization code flow of OAuth 2.0 scheme "${name}" ${issues.join(' and ')}.`,
          path: flow.path,
        });
      }
    }
    return results;
  },
);
