import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { findHeader, findRequestHeader } from './utils/headers.js';
import { describeOperation, type OperationRef } from './utils/oas.js';
import { inScope, paymentConsentCreations, paymentSubmissions, PSD2_SCOPE_OPTION_PROPERTIES, type Psd2ScopeOptions } from './utils/psd2.js';
import { operationResponses, statusClass } from './utils/responses.js';
import { andList } from './utils/lists.js';

export interface MessageSigningOptions extends Omit<Psd2ScopeOptions, 'accountPaths'> {
  /** Alternatives, each a list of header names that together make a signature; any one alternative satisfies. */
  signatureHeaders?: string[][];
  /** The request signature headers must be `required: true` (default false: declaring them is enough). */
  required?: boolean;
  /** 2xx responses must return a signature too (default false: Berlin Group signs requests only). */
  responses?: boolean;
}

export const DEFAULT_SIGNATURE_HEADERS: readonly (readonly string[])[] = [
  ['x-jws-signature'],
  ['Digest', 'Signature', 'TPP-Signature-Certificate'],
  ['Signature', 'Signature-Input', 'Content-Digest'],
];

function alternativesText(alternatives: readonly (readonly string[])[]): string {
  return alternatives.map((a) => a.join(' + ')).join('; or ');
}

/**
 * fin-psd2-message-signing: payment initiation requests (payment submissions and payment-consent creations) declare a
 * message signature: UK Open Banking `x-jws-signature`, Berlin Group `Digest` + `Signature` + `TPP-Signature-Certificate`,
 * or RFC 9421 `Signature` + `Signature-Input` with RFC 9530 `Content-Digest` (configurable alternatives; all headers of
 * one alternative must be declared). Options demand that the headers be required and that 2xx responses be signed too.
 * One finding per operation, listing what is missing. Judged only in documents with a consent resource unless
 * `onlyOpenBanking: false`.
 */
export const messageSigning = createRulesetFunction<JsonObject, MessageSigningOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        signatureHeaders: {
          type: 'array',
          minItems: 1,
          items: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
        },
        required: { type: 'boolean' },
        responses: { type: 'boolean' },
        paymentPaths: PSD2_SCOPE_OPTION_PROPERTIES.paymentPaths,
        consentPaths: PSD2_SCOPE_OPTION_PROPERTIES.consentPaths,
        scaPaths: PSD2_SCOPE_OPTION_PROPERTIES.scaPaths,
        onlyOpenBanking: PSD2_SCOPE_OPTION_PROPERTIES.onlyOpenBanking,
      },
      additionalProperties: false,
      errorMessage:
        '"fin-psd2-message-signing" options: { signatureHeaders?: string[][], required?: boolean, responses?: boolean, paymentPaths?: string[], consentPaths?: string[], scaPaths?: string[], onlyOpenBanking?: boolean }, e.g. { signatureHeaders: [["x-jws-signature"]], required: true, responses: true }.',
    },
  },
  function messageSigning(root, options) {
    if (!inScope(root, options)) return [];
    const alternatives = options?.signatureHeaders ?? DEFAULT_SIGNATURE_HEADERS;
    const mustRequire = options?.required === true;
    const signedResponses = options?.responses === true;
    const judged = new Map<string, OperationRef>();
    for (const op of [...paymentConsentCreations(root, options), ...paymentSubmissions(root, options)]) judged.set(op.path.join('\n'), op);
    const results: IFunctionResult[] = [];
    for (const op of judged.values()) {
      const gaps: string[] = [];
      // The alternative that comes closest: most headers declared, then most required.
      const scored = alternatives.map((alt) => {
        const found = alt.map((n) => findRequestHeader(root, op, n));
        return {
          alt,
          declared: alt.filter((_, i) => found[i] !== undefined),
          missing: alt.filter((_, i) => found[i] === undefined),
          optional: alt.filter((_, i) => found[i] !== undefined && found[i]!.header.required !== true),
        };
      });
      const complete = scored.filter((s) => s.missing.length === 0);
      if (complete.length === 0) {
        const best = [...scored].sort((a, b) => b.declared.length / b.alt.length - a.declared.length / a.alt.length)[0];
        if (best === undefined || best.declared.length === 0) {
          gaps.push(`declares no request signature header (${alternativesText(alternatives)})`);
        } else {
          gaps.push(`declares ${andList(best.declared)} but not ${andList(best.missing)}`);
        }
      } else if (mustRequire && !complete.some((s) => s.optional.length === 0)) {
        gaps.push(`declares ${andList(complete[0].optional)} as optional, so unsigned requests are accepted`);
      }
      if (signedResponses) {
        const unsigned = operationResponses(root, op)
          .filter((r) => statusClass(r.status) === '2')
          .filter((r) => !alternatives.some((alt) => alt.every((n) => findHeader(root, r.response, r.path, n) !== undefined)))
          .map((r) => r.status);
        if (unsigned.length > 0) gaps.push(`its ${andList(unsigned)} response${unsigned.length === 1 ? ' returns' : 's return'} no signature`);
      }
      if (gaps.length > 0) {
        results.push({ message: `Payment initiation ${describeOperation(op)} ${andList(gaps)}.`, path: op.path });
      }
    }
    return results;
  },
);
