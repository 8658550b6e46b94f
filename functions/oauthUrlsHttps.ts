import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject, JsonPath } from './utils/guards.js';
import { oauthFlows, securitySchemes } from './utils/oas.js';
import { urlScheme } from './utils/servers.js';

/** Endpoint URLs of an OAuth flow (2.0 `flow` fields live on the scheme itself). 3.2 adds deviceAuthorizationUrl. */
const FLOW_URL_FIELDS = ['authorizationUrl', 'tokenUrl', 'refreshUrl', 'deviceAuthorizationUrl'] as const;
/** Discovery URLs on the scheme: OIDC discovery, 3.2 OAuth metadata (and its x- spelling for older versions). */
const SCHEME_URL_FIELDS = ['openIdConnectUrl', 'oauth2MetadataUrl', 'x-oauth2-metadata-url'] as const;

/**
 * fin-transport-oauth-urls-https: OAuth/OIDC endpoint and discovery URLs in security schemes are https. Relative
 * URLs (allowed in 3.x, resolved against the server) are not judged here: the server's scheme decides, which
 * fin-transport-https-only checks.
 */
export const oauthUrlsHttps = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function oauthUrlsHttps(root) {
    const results: IFunctionResult[] = [];
    const check = (value: unknown, path: JsonPath, what: string) => {
      if (typeof value !== 'string') return;
      const scheme = urlScheme(value);
      if (scheme !== undefined && scheme !== 'https') {
        results.push({ message: `The ${what} is "${value}", not an https:// URL.`, path });
      }
    };
    const { schemes, basePath } = securitySchemes(root);
    for (const [name, scheme] of Object.entries(schemes)) {
      const schemePath = [...basePath, name];
      for (const field of SCHEME_URL_FIELDS) {
        check(scheme[field], [...schemePath, field], `${field} of security scheme "${name}"`);
      }
      for (const flow of oauthFlows(scheme, schemePath)) {
        // Name the flow as the document spells it (2.0 `accessCode`, not its 3.x equivalent).
        const flowName = typeof scheme.flow === 'string' ? scheme.flow : flow.name;
        for (const field of FLOW_URL_FIELDS) {
          check(flow.flow[field], [...flow.path, field], `${field} of security scheme "${name}" (${flowName} flow)`);
        }
      }
    }
    return results;
  },
);
