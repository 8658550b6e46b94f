import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { isObject, type JsonObject } from './utils/guards.js';
import { findHeader } from './utils/headers.js';
import { describeOperation, effectiveSecurity, operations, securitySchemes } from './utils/oas.js';
import { componentResponseName, hasStatus, responseReportPath } from './utils/responses.js';

export interface Error401Options {
  /** Also ask the 401 for a WWW-Authenticate header where an HTTP challenge exists (default true). */
  requireWwwAuthenticate?: boolean;
}

/** Scheme types whose failures are signalled with an HTTP authentication challenge (RFC 9110 §11.6.1, RFC 6750 §3). */
function hasChallenge(scheme: JsonObject | undefined): boolean {
  if (scheme === undefined) return false;
  return scheme.type === 'http' || scheme.type === 'basic' || scheme.type === 'oauth2' || scheme.type === 'openIdConnect';
}

/**
 * fin-error-401-declared: operations with non-empty effective security declare an explicit 401 (a `4XX` range or
 * `default` does not say how an expired or invalid credential is signalled), and, when one of their schemes has an
 * HTTP challenge (http bearer/basic/digest, oauth2, openIdConnect), the 401 documents `WWW-Authenticate`. API-key-only
 * security has no standard challenge, so only the 401 is asked; security made only of `mutualTLS` fails in the TLS
 * handshake, before any HTTP status, so it is not judged. A shared 401 response is reported once.
 */
export const error401Declared = createRulesetFunction<JsonObject, Error401Options | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { requireWwwAuthenticate: { type: 'boolean' } },
      additionalProperties: false,
      errorMessage: '"fin-error-401-declared" options: { requireWwwAuthenticate?: boolean }, e.g. { requireWwwAuthenticate: false }.',
    },
  },
  function error401Declared(root, options) {
    const requireChallenge = options?.requireWwwAuthenticate ?? true;
    const { schemes } = securitySchemes(root);
    const results: IFunctionResult[] = [];
    const reported = new Set<object>();
    for (const op of operations(root)) {
      const alternatives = effectiveSecurity(root, op).requirements.filter((r) => Object.keys(r).length > 0);
      const httpLevel = alternatives.filter((r) => Object.keys(r).some((n) => schemes[n]?.type !== 'mutualTLS'));
      if (httpLevel.length === 0) continue;
      const r401 = hasStatus(root, op, 401);
      if (r401 === undefined) {
        const range = hasStatus(root, op, 401, { ranges: true, default: true });
        const note = range ? `; its ${range.status} response does not tell clients how a missing, expired or invalid credential is signalled` : '';
        results.push({
          message: `Secured operation ${describeOperation(op)} declares no 401 (Unauthorized) response${note}.`,
          path: isObject(op.operation.responses) ? [...op.path, 'responses'] : op.path,
        });
        continue;
      }
      if (!requireChallenge || reported.has(r401.response)) continue;
      if (!httpLevel.some((r) => Object.keys(r).some((n) => hasChallenge(schemes[n])))) continue;
      if (findHeader(root, r401.response, r401.path, 'WWW-Authenticate') !== undefined) continue;
      reported.add(r401.response);
      const name = componentResponseName(root, r401.response);
      results.push({
        message: `${name ? `Response "${name}" (the 401 of ${describeOperation(op)})` : `The 401 response of ${describeOperation(op)}`} does not document the WWW-Authenticate header that carries the authentication challenge (RFC 9110 §11.6.1).`,
        path: responseReportPath(root, r401),
      });
    }
    return results;
  },
);
