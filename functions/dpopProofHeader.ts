import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { DEFAULT_DPOP_HEADER, dpopHeader, hasMtlsCompanion, oauthSchemes, quotedList, resourceOperations, senderConstraint } from './utils/fapi.js';
import type { JsonObject } from './utils/guards.js';
import { findHeader, headerValueSchema } from './utils/headers.js';
import { declaredHeaderStrings, headerDescription } from './utils/headerValues.js';
import { describeOperation, effectiveSecurity } from './utils/oas.js';
import { operationResponses } from './utils/responses.js';
import { andList } from './utils/lists.js';

export interface DpopProofHeaderOptions {
  /** Name of the request header that carries the DPoP proof (default `DPoP`). */
  header?: string;
}

/** Whether a schema (or 2.0 inline header) allows a string value. */
function allowsString(schema: JsonObject): boolean {
  const t = schema.type;
  if (t === undefined) return true;
  return t === 'string' || (Array.isArray(t) && t.includes('string'));
}

/**
 * fin-fapi-dpop-proof-header: operations that take DPoP-bound access tokens (a scheme of their security declares
 * `x-sender-constrained` with `dpop`, or the operation documents a DPoP header next to an OAuth scheme) document the
 * DPoP proof header (RFC 9449 §4.1) as a string, required when DPoP is the only sender constraint they accept, and a
 * declared 401 response documents the `WWW-Authenticate: DPoP` challenge (RFC 9449 §7.1). One finding per operation.
 */
export const dpopProofHeader = createRulesetFunction<JsonObject, DpopProofHeaderOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { header: { type: 'string', minLength: 1 } },
      additionalProperties: false,
      errorMessage: '"fin-fapi-dpop-proof-header" options: { header?: string }, e.g. { header: "DPoP" }.',
    },
  },
  function dpopProofHeader(root, options) {
    const name = options?.header ?? DEFAULT_DPOP_HEADER;
    const oauth = new Map(oauthSchemes(root).map((s) => [s.name, senderConstraint(s.scheme, s.path).methods] as const));
    if (oauth.size === 0) return [];
    const results: IFunctionResult[] = [];
    for (const op of resourceOperations(root)) {
      const alternatives = effectiveSecurity(root, op).requirements.filter((r) => Object.keys(r).some((n) => oauth.has(n)));
      if (alternatives.length === 0) continue;
      const dpopSchemes = [...new Set(alternatives.flatMap((r) => Object.keys(r).filter((n) => oauth.get(n)?.has('dpop'))))];
      const proof = dpopHeader(root, op, name);
      if (dpopSchemes.length === 0 && proof === undefined) continue;
      // A client may pick any alternative: the proof is mandatory only when every one of them binds tokens with DPoP alone.
      const dpopOnly = alternatives.every(
        (r) => !hasMtlsCompanion(root, r) && Object.keys(r).some((n) => oauth.get(n)?.has('dpop') && !oauth.get(n)?.has('mtls')),
      );
      const issues: string[] = [];
      if (proof === undefined) {
        issues.push(`does not document the ${name} request header that carries the proof`);
      } else {
        if (dpopOnly && proof.header.required !== true) issues.push(`does not mark the ${name} header required`);
        const schema = headerValueSchema(root, proof.header);
        if (schema && !allowsString(schema)) issues.push(`declares the ${name} header as ${JSON.stringify(schema.type)}, not a string (a JWT)`);
      }
      const r401 = operationResponses(root, op).find((r) => r.status === '401');
      if (r401) {
        const challenge = findHeader(root, r401.response, r401.path, 'WWW-Authenticate');
        const texts = challenge
          ? [headerDescription(root, challenge.header), ...declaredHeaderStrings(root, challenge.header, challenge.path).map((v) => v.text)]
          : [];
        const schema = challenge ? headerValueSchema(root, challenge.header) : undefined;
        if (schema && typeof schema.pattern === 'string') texts.push(schema.pattern);
        if (!texts.some((t) => /\bdpop\b/i.test(t))) {
          issues.push(`its 401 response does not document the WWW-Authenticate: DPoP challenge${challenge ? '' : ' header'}`);
        }
      }
      if (issues.length === 0) continue;
      const why = dpopSchemes.length > 0 ? `takes DPoP-bound access tokens of ${quotedList(dpopSchemes)}` : `takes a ${name} proof`;
      results.push({ message: `${describeOperation(op)} ${why} but ${andList(issues)}.`, path: op.path });
    }
    return results;
  },
);


