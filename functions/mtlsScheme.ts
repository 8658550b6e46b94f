import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { DEFAULT_DPOP_HEADER, dpopHeader, isMtlsScheme, oauthSchemes, resourceOperations, senderConstraint } from './utils/fapi.js';
import type { JsonObject, JsonPath } from './utils/guards.js';
import { oasVersion, securitySchemes } from './utils/oas.js';

export interface MtlsSchemeOptions {
  /** Name of the DPoP proof header; an operation taking it marks a DPoP ecosystem (default `DPoP`). */
  dpopHeader?: string;
}

/** Descriptions that say a scheme is mutual-TLS client authentication (3.0/2.0, which have no mutualTLS type). */
const MTLS_TEXT = /\bmutual[\s-]?TLS\b|\bmTLS\b|\bMATLS\b|\btls_client_auth\b|\bclient[\s-]certificates?\b|\bcertificate[\s-]bound\b|\bQWACs?\b|\btransport certificates?\b/i;

/** Words that name where accepted client certificates come from. */
const TRUST_ANCHORS =
  /\bcertificate[\s-]authorit(?:y|ies)\b|\btrust(?:ed)?[\s-]anchors?\b|\btrust[\s-]?stores?\b|\broot certificates?\b|\bissued (?:by|under)\b|\bissuers?\b|\beIDAS\b|\bQWACs?\b|\bQTSPs?\b|\bdirectory\b|\bPKI\b/i;
const CA = /\bCAs?\b/;

function namesTrustAnchors(description: unknown): boolean {
  return typeof description === 'string' && (TRUST_ANCHORS.test(description) || CA.test(description));
}

/**
 * fin-fapi-mtls-scheme: documents with OAuth schemes declare transport-level (mutual-TLS) client authentication and
 * name its trust anchors. Accepted declarations: a `type: mutualTLS` scheme (3.1), `x-mtls: true` on any scheme (all
 * versions), and in 3.0/2.0 a scheme whose description says mutual TLS / client certificates. Each of them must name
 * in its description where the accepted certificates come from (CA, directory, eIDAS QWAC...). A DPoP ecosystem (a
 * scheme declares `x-sender-constrained` with `dpop`, or an operation takes the DPoP header) needs no mTLS scheme.
 */
export const mtlsScheme = createRulesetFunction<JsonObject, MtlsSchemeOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { dpopHeader: { type: 'string', minLength: 1 } },
      additionalProperties: false,
      errorMessage: '"fin-fapi-mtls-scheme" options: { dpopHeader?: string }, e.g. { dpopHeader: "DPoP" }.',
    },
  },
  function mtlsScheme(root, options) {
    const oauth = oauthSchemes(root);
    if (oauth.length === 0) return [];
    const version = oasVersion(root);
    const canType = version === '3.1' || version === '3.2';
    const { schemes, basePath } = securitySchemes(root);
    const declared: { name: string; scheme: JsonObject; path: JsonPath }[] = [];
    for (const [name, scheme] of Object.entries(schemes)) {
      const described = !canType && typeof scheme.description === 'string' && MTLS_TEXT.test(scheme.description);
      if (isMtlsScheme(scheme) || described) declared.push({ name, scheme, path: [...basePath, name] });
    }
    const results: IFunctionResult[] = [];
    if (declared.length === 0) {
      const header = options?.dpopHeader ?? DEFAULT_DPOP_HEADER;
      const dpop =
        oauth.some((s) => senderConstraint(s.scheme, s.path).methods.has('dpop')) ||
        resourceOperations(root).some((op) => dpopHeader(root, op, header) !== undefined);
      if (dpop) return [];
      const how = canType ? 'a mutualTLS security scheme' : 'a security scheme marked x-mtls: true';
      results.push({
        message: `The document declares OAuth schemes (${oauth.map((s) => `"${s.name}"`).join(', ')}) but no mutual-TLS client authentication: add ${how} whose description names the certificate authorities it trusts.`,
        path: basePath,
      });
      return results;
    }
    for (const { name, scheme, path } of declared) {
      if (namesTrustAnchors(scheme.description)) continue;
      results.push({
        message: `Mutual-TLS scheme "${name}" does not name its trust anchors: say in its description which certificate authorities, directory or eIDAS QWAC issuers the accepted client certificates come from.`,
        path,
      });
    }
    return results;
  },
);
