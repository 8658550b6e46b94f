import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { AUTH_OPERATION_OPTION_PROPERTIES, authOperations, type AuthOperationOptions } from './utils/authOperations.js';
import { documentedTexts } from './utils/errorTexts.js';
import { isObject, type JsonObject } from './utils/guards.js';
import { findHeader } from './utils/headers.js';
import { containsPhrase, tokenize } from './utils/names.js';
import { describeOperation, type OperationRef } from './utils/oas.js';
import { hasStatus, operationResponses, statusClass } from './utils/responses.js';

/** Token sequences that document a lock-out in an error description, code or example. */
const LOCKOUT_PHRASES: readonly string[] = [
  'locked',
  'lockout',
  'lock out',
  'too many attempts',
  'too many failed',
  'too many tries',
  'too many retries',
  'attempts exceeded',
  'max attempts',
  'maximum attempts',
  'retry limit',
];

/**
 * `blocked` documents a lock-out only when it is about the user or a credential (`PSU_BLOCKED`, "user blocked after
 * 5 attempts"); `CERTIFICATE_BLOCKED` or `RESOURCE_BLOCKED` (Berlin Group) are about other things.
 */
const BLOCKED_SUBJECTS: readonly string[] = ['user', 'psu', 'login', 'credential', 'credentials', 'password', 'pin', 'otp', 'customer'];

function speaksOfLockout(text: string): boolean {
  const tokens = tokenize(text);
  if (LOCKOUT_PHRASES.some((p) => containsPhrase(tokens, p))) return true;
  return containsPhrase(tokens, 'blocked') && BLOCKED_SUBJECTS.some((s) => tokens.includes(s));
}

/** The first documented lock-out text of an operation's 4xx responses, if any. */
function lockoutEvidence(root: JsonObject, op: OperationRef): string | undefined {
  for (const ref of operationResponses(root, op)) {
    if (statusClass(ref.status) !== '4') continue;
    for (const { text } of documentedTexts(root, ref, ref.path)) if (speaksOfLockout(text)) return text;
  }
  return undefined;
}

/**
 * fin-ratelimit-auth-endpoints: operations that verify a credential or factor (functions/utils/authOperations.ts:
 * `x-auth-endpoint`, path/tag keywords, factor fields in the request) document how repeated failures are throttled:
 * an explicit 429 with Retry-After, or a lock-out (a 423 response, or a 4xx whose description, codes or examples
 * speak of a locked account, a blocked user or credential, or too many attempts). `x-public` does not exempt them: login endpoints are
 * public by nature and are exactly what credential stuffing targets.
 */
export const rateLimitAuthEndpoints = createRulesetFunction<JsonObject, AuthOperationOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: AUTH_OPERATION_OPTION_PROPERTIES,
      additionalProperties: false,
      errorMessage:
        '"fin-ratelimit-auth-endpoints" options: { keywords?: string[], tags?: string[], factorFields?: string[] }, e.g. { keywords: ["login", "token", "verify-otp"], factorFields: ["otp", "current password"] }.',
    },
  },
  function rateLimitAuthEndpoints(root, options) {
    const results: IFunctionResult[] = [];
    for (const { op, reason } of authOperations(root, options)) {
      if (hasStatus(root, op, 423) !== undefined || lockoutEvidence(root, op) !== undefined) continue;
      const r429 = hasStatus(root, op, 429);
      if (r429 !== undefined && findHeader(root, r429.response, r429.path, 'Retry-After') !== undefined) continue;
      const what = `Authentication operation ${describeOperation(op)} (${reason})`;
      results.push({
        message:
          r429 !== undefined
            ? `${what} declares 429 without a Retry-After header and no lock-out response (423); clients and auditors cannot see how failed attempts are throttled.`
            : `${what} declares neither a 429 response with Retry-After nor a lock-out response (423), so nothing documents how repeated failed attempts are throttled.`,
        path: isObject(op.operation.responses) ? [...op.path, 'responses'] : op.path,
      });
    }
    return results;
  },
);
