import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { securitySchemes } from './utils/oas.js';

/** Metadata document suffixes: OpenID Connect Discovery 1.0 §4 and RFC 8414 §3 (also with a path-inserted issuer). */
const WELL_KNOWN = /\/\.well-known\/(?:openid-configuration|oauth-authorization-server)(?:\/[^?#]*)?$/;

/** The URL's path, without query and fragment; relative URLs are taken as they are. */
function urlPath(url: string): string {
  const noQuery = url.trim().replace(/[?#][\s\S]*$/, '');
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(noQuery);
  return m ? (m[1] ?? '') : noQuery;
}

/**
 * fin-auth-oidc-discovery-url: every openIdConnect scheme's `openIdConnectUrl` points at a metadata document
 * (`/.well-known/openid-configuration`, or RFC 8414 `/.well-known/oauth-authorization-server`). Whether the URL is
 * https is fin-transport-oauth-urls-https's job, so a plain-http URL is reported once, by that rule.
 */
export const oidcDiscoveryUrl = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function oidcDiscoveryUrl(root) {
    const results: IFunctionResult[] = [];
    const { schemes, basePath } = securitySchemes(root);
    for (const [name, scheme] of Object.entries(schemes)) {
      if (scheme.type !== 'openIdConnect') continue;
      const url = scheme.openIdConnectUrl;
      if (typeof url !== 'string' || url.trim() === '') {
        results.push({ message: `OpenID Connect scheme "${name}" has no openIdConnectUrl.`, path: [...basePath, name] });
        continue;
      }
      const path = urlPath(url).replace(/(?<!\/)\/+$/, '');
      if (!WELL_KNOWN.test(path)) {
        results.push({
          message: `OpenID Connect scheme "${name}" has openIdConnectUrl "${url}", which is not a discovery document URL ending in /.well-known/openid-configuration.`,
          path: [...basePath, name, 'openIdConnectUrl'],
        });
      }
    }
    return results;
  },
);
