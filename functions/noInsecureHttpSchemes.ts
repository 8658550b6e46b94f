import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { securitySchemes } from './utils/oas.js';

/**
 * HTTP authentication schemes (IANA "HTTP Authentication Scheme Registry", plus the unregistered NTLM) that a
 * financial API must not offer, with the reason given in the finding. `basic` is fin-auth-no-http-basic's.
 */
export const INSECURE_HTTP_SCHEMES: Readonly<Record<string, string>> = {
  digest:
    'HTTP Digest authentication (RFC 7616), a password challenge whose server-side secret is password-equivalent and whose common MD5 variant is broken',
  negotiate:
    'HTTP Negotiate (RFC 4559), which authenticates the TCP connection rather than each request and may fall back to NTLM',
  ntlm: 'NTLM, a legacy Windows challenge-response scheme open to relay and offline cracking attacks',
  oauth: 'OAuth 1.0 request signing (RFC 5849), superseded by OAuth 2.0 and allowing SHA-1 or plaintext signatures',
};

/** fin-auth-no-insecure-http-schemes: no 3.x `type: http` scheme uses one of INSECURE_HTTP_SCHEMES (any case). */
export const noInsecureHttpSchemes = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function noInsecureHttpSchemes(root) {
    const results: IFunctionResult[] = [];
    const { schemes, basePath } = securitySchemes(root);
    for (const [name, scheme] of Object.entries(schemes)) {
      if (scheme.type !== 'http' || typeof scheme.scheme !== 'string') continue;
      const key = scheme.scheme.trim().toLowerCase();
      const reason = Object.prototype.hasOwnProperty.call(INSECURE_HTTP_SCHEMES, key) ? INSECURE_HTTP_SCHEMES[key] : undefined;
      if (reason !== undefined) {
        results.push({ message: `Security scheme "${name}" uses ${reason}.`, path: [...basePath, name, 'scheme'] });
      }
    }
    return results;
  },
);
