import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { oauthSchemes, urlPath } from './utils/fapi.js';
import type { JsonObject } from './utils/guards.js';
import { oasVersion, oauthFlows } from './utils/oas.js';
import { urlHost } from './utils/transport.js';

/** RFC 8414 §3 and OpenID Connect Discovery 1.0 §4 metadata documents (also with a path-inserted issuer). */
const WELL_KNOWN = /\/\.well-known\/(?:oauth-authorization-server|openid-configuration)(?:\/[^?#]*)?$/;

const METADATA_KEYS = ['oauth2MetadataUrl', 'x-oauth2-metadata-url'] as const;

/**
 * fin-fapi-discovery-metadata: clients can find the authorization server's metadata. Every oauth2 scheme declares
 * `x-oauth2-metadata-url` (OAS 3.2: `oauth2MetadataUrl`) pointing at a `/.well-known/oauth-authorization-server` or
 * `/.well-known/openid-configuration` document, unless an openIdConnect scheme of the same document covers it (its
 * `openIdConnectUrl` on the same host as the scheme's flow URLs, or any openIdConnect scheme when those URLs are
 * relative). openIdConnect schemes carry their discovery URL by definition (fin-auth-oidc-discovery-url checks it).
 */
export const discoveryMetadata = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function discoveryMetadata(root) {
    const all = oauthSchemes(root);
    const oidcHosts = all
      .filter((s) => s.scheme.type === 'openIdConnect' && typeof s.scheme.openIdConnectUrl === 'string')
      .map((s) => urlHost(String(s.scheme.openIdConnectUrl)));
    const results: IFunctionResult[] = [];
    const v32 = oasVersion(root) === '3.2';
    for (const { name, scheme, path } of all) {
      if (scheme.type !== 'oauth2') continue;
      const key = METADATA_KEYS.find((k) => scheme[k] !== undefined);
      if (key !== undefined) {
        const url = scheme[key];
        if (typeof url !== 'string' || url.trim() === '') {
          results.push({ message: `OAuth 2.0 scheme "${name}" has an ${key} that is not a URL.`, path: [...path, key] });
        } else if (!WELL_KNOWN.test(urlPath(url))) {
          results.push({
            message: `OAuth 2.0 scheme "${name}" has ${key} "${url}", which is not a metadata document URL ending in /.well-known/oauth-authorization-server or /.well-known/openid-configuration.`,
            path: [...path, key],
          });
        }
        continue;
      }
      if (oidcHosts.length > 0) {
        const flowHosts = oauthFlows(scheme, path).flatMap((f) =>
          ['tokenUrl', 'authorizationUrl'].map((k) => (typeof f.flow[k] === 'string' ? urlHost(String(f.flow[k])) : undefined)),
        );
        const absolute = flowHosts.filter((h): h is string => h !== undefined);
        if (absolute.length === 0 || absolute.some((h) => oidcHosts.includes(h))) continue;
      }
      results.push({
        message: `OAuth 2.0 scheme "${name}" does not point clients at its authorization server's metadata: add ${v32 ? 'oauth2MetadataUrl' : 'x-oauth2-metadata-url'} with its /.well-known/oauth-authorization-server URL, or describe the server with an openIdConnect scheme.`,
        path,
      });
    }
    return results;
  },
);
