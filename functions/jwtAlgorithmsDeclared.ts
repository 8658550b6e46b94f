import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, type JsonObject } from './utils/guards.js';
import { securitySchemes } from './utils/oas.js';

export interface JwtAlgorithmsDeclaredOptions {
  /** Also require a declaration on oauth2 and openIdConnect schemes (FAPI profiles: their tokens are JWTs). */
  includeOAuth?: boolean;
  /** When set, every declared algorithm must be one of these (FAPI 2.0: PS256, ES256, EdDSA). */
  allowedAlgorithms?: string[];
}

const RFC_8725 = /\bRFC\s?8725\b/i;

/**
 * fin-auth-jwt-algorithms-declared: JWT bearer schemes (`bearerFormat` mentioning JWT; with `includeOAuth`, also
 * oauth2/openIdConnect) declare their accepted signing algorithms in `x-jwt-algs`, or state RFC 8725 conformance in
 * the description. Wherever `x-jwt-algs` is present (any scheme, any version) it must not list `none`, nor, when
 * `allowedAlgorithms` is set, anything outside that list.
 */
export const jwtAlgorithmsDeclared = createRulesetFunction<JsonObject, JwtAlgorithmsDeclaredOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        includeOAuth: { type: 'boolean' },
        allowedAlgorithms: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
      },
      additionalProperties: false,
      errorMessage:
        '"fin-auth-jwt-algorithms-declared" options: { includeOAuth?: boolean, allowedAlgorithms?: string[] }, e.g. { includeOAuth: true, allowedAlgorithms: ["PS256", "ES256", "EdDSA"] }.',
    },
  },
  function jwtAlgorithmsDeclared(root, options) {
    const allowed = options?.allowedAlgorithms ? new Set(options.allowedAlgorithms.map((a) => a.toLowerCase())) : undefined;
    const results: IFunctionResult[] = [];
    const { schemes, basePath } = securitySchemes(root);
    for (const [name, scheme] of Object.entries(schemes)) {
      const schemePath = [...basePath, name];
      const algs = scheme['x-jwt-algs'];
      if (algs !== undefined) {
        const list = typeof algs === 'string' ? [algs] : asArray(algs);
        if (list.length === 0 || list.some((a) => typeof a !== 'string' || a.trim() === '')) {
          results.push({
            message: `Security scheme "${name}" has an x-jwt-algs that is not a non-empty list of algorithm names.`,
            path: [...schemePath, 'x-jwt-algs'],
          });
          continue;
        }
        list.forEach((alg, i) => {
          const algPath = typeof algs === 'string' ? [...schemePath, 'x-jwt-algs'] : [...schemePath, 'x-jwt-algs', i];
          const value = String(alg).trim();
          if (value.toLowerCase() === 'none') {
            results.push({ message: `Security scheme "${name}" accepts unsigned JWTs (alg "none").`, path: algPath });
          } else if (allowed && !allowed.has(value.toLowerCase())) {
            results.push({
              message: `Security scheme "${name}" accepts JWT algorithm "${value}", which is not in the allowed list (${options!.allowedAlgorithms!.join(', ')}).`,
              path: algPath,
            });
          }
        });
        continue;
      }
      const isJwtBearer =
        scheme.type === 'http' &&
        typeof scheme.scheme === 'string' &&
        scheme.scheme.trim().toLowerCase() === 'bearer' &&
        typeof scheme.bearerFormat === 'string' &&
        /jwt|jws/i.test(scheme.bearerFormat);
      const isOAuth = options?.includeOAuth === true && (scheme.type === 'oauth2' || scheme.type === 'openIdConnect');
      if (!isJwtBearer && !isOAuth) continue;
      if (typeof scheme.description === 'string' && RFC_8725.test(scheme.description)) continue;
      results.push({
        message: `Security scheme "${name}" takes JWTs but does not declare the accepted signing algorithms in x-jwt-algs.`,
        path: schemePath,
      });
    }
    return results;
  },
);
