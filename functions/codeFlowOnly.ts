import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject, JsonPath } from './utils/guards.js';
import { oauthFlows, securitySchemes } from './utils/oas.js';
import { andList } from './utils/lists.js';

/** The flows FAPI 2.0 allows (3.x names; 2.0 `accessCode` and `application` map to them). */
const ALLOWED: ReadonlySet<string> = new Set(['authorizationCode', 'clientCredentials']);

const LABELS: Record<string, string> = {
  implicit: 'implicit',
  password: 'resource owner password',
  deviceAuthorization: 'device authorization',
};

/**
 * fin-fapi-code-flow-only: oauth2 schemes offer only the authorization code and client credentials flows (2.0:
 * accessCode, application). Implicit, password, the 3.2 device authorization flow and any other flow are reported,
 * once per scheme: at the flow (2.0: its `flow` key) when it is the only offending one, else at `flows`. CIBA cannot
 * be expressed as a flow; declaring it with `x-ciba` is not judged.
 */
export const codeFlowOnly = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function codeFlowOnly(root) {
    const results: IFunctionResult[] = [];
    const { schemes, basePath } = securitySchemes(root);
    for (const [name, scheme] of Object.entries(schemes)) {
      const schemePath = [...basePath, name];
      const bad = oauthFlows(scheme, schemePath).filter((f) => !ALLOWED.has(f.name));
      if (bad.length === 0) continue;
      const labels = bad.map((f) => LABELS[f.name] ?? `"${f.name}"`);
      const what = `the ${andList(labels)} flow${labels.length === 1 ? '' : 's'}`;
      const path: JsonPath = typeof scheme.flow === 'string' ? [...schemePath, 'flow'] : bad.length === 1 ? bad[0].path : [...schemePath, 'flows'];
      results.push({
        message: `OAuth 2.0 scheme "${name}" offers ${what}, which FAPI 2.0 does not allow: use the authorization code flow for users and client credentials for machine-to-machine access.`,
        path,
      });
    }
    return results;
  },
);
