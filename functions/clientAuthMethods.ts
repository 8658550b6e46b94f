import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { oauthSchemes, quotedList, schemeLabel } from './utils/fapi.js';
import type { JsonObject, JsonPath } from './utils/guards.js';

export interface ClientAuthMethodsOptions {
  /** Token-endpoint client authentication methods that are allowed (case-insensitive); replaces the defaults. */
  allowedMethods?: string[];
}

/** FAPI 2.0 Security Profile §5.3.2.1 item 6 / §5.3.3.1 item 2: asymmetric client authentication only. */
export const DEFAULT_CLIENT_AUTH_METHODS: readonly string[] = ['private_key_jwt', 'tls_client_auth', 'self_signed_tls_client_auth'];

const EXT = 'x-token-endpoint-auth-methods';

function why(method: string): string | undefined {
  const m = method.toLowerCase();
  if (m === 'none') return 'no client authentication';
  if (m.startsWith('client_secret_')) return 'a shared client secret';
  return undefined;
}

/**
 * fin-fapi-client-auth-methods: oauth2/openIdConnect schemes declare how clients authenticate at the token endpoint
 * in `x-token-endpoint-auth-methods` (a list, or one string), and every method listed is allowed (default
 * private_key_jwt, tls_client_auth, self_signed_tls_client_auth; `client_secret_*` and `none` are not). One finding
 * per scheme: at the scheme when nothing is declared, at the offending entry (or the list when several are) otherwise.
 */
export const clientAuthMethods = createRulesetFunction<JsonObject, ClientAuthMethodsOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { allowedMethods: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 } },
      additionalProperties: false,
      errorMessage:
        '"fin-fapi-client-auth-methods" options: { allowedMethods?: string[] }, e.g. { allowedMethods: ["private_key_jwt", "tls_client_auth"] }.',
    },
  },
  function clientAuthMethods(root, options) {
    const allowedList = options?.allowedMethods ?? [...DEFAULT_CLIENT_AUTH_METHODS];
    const allowed = new Set(allowedList.map((m) => m.toLowerCase()));
    const results: IFunctionResult[] = [];
    for (const { name, scheme, path } of oauthSchemes(root)) {
      const label = schemeLabel(scheme);
      const raw = scheme[EXT];
      if (raw === undefined) {
        results.push({
          message: `${label} "${name}" does not declare how clients authenticate at the token endpoint (${EXT}, e.g. [${allowedList.join(', ')}]).`,
          path,
        });
        continue;
      }
      const extPath: JsonPath = [...path, EXT];
      const entries: [unknown, JsonPath][] = Array.isArray(raw) ? raw.map((v, i) => [v, [...extPath, i]]) : [[raw, extPath]];
      if (entries.length === 0 || entries.some(([v]) => typeof v !== 'string' || v.trim() === '')) {
        results.push({ message: `${label} "${name}" has an ${EXT} that is not a non-empty list of method names.`, path: extPath });
        continue;
      }
      const bad = entries.filter(([v]) => !allowed.has(String(v).trim().toLowerCase()));
      if (bad.length === 0) continue;
      const methods = bad.map(([v]) => String(v).trim());
      const reasons = [...new Set(methods.map(why).filter((r): r is string => r !== undefined))];
      const note = reasons.length > 0 ? ` (${reasons.join(', ')})` : '';
      results.push({
        message: `${label} "${name}" lets clients authenticate at the token endpoint with ${quotedList(methods)}${note}; allowed: ${allowedList.join(', ')}.`,
        path: bad.length === 1 ? bad[0][1] : extPath,
      });
    }
    return results;
  },
);
