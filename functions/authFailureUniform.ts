import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { AUTH_OPERATION_OPTION_PROPERTIES, authOperations, type AuthOperationOptions } from './utils/authOperations.js';
import { documentedTexts, type DocumentedText } from './utils/errorTexts.js';
import type { JsonObject, JsonPath } from './utils/guards.js';
import { containsPhrase, tokenize } from './utils/names.js';
import { describeOperation } from './utils/oas.js';
import { isErrorStatus, operationResponses } from './utils/responses.js';

/** Who is authenticating. Not `account`: in financial APIs that is usually a bank or card account (`SOURCE_ACCOUNT_NOT_FOUND`). */
const IDENTIFIERS: readonly string[] = ['user', 'username', 'user name', 'userid', 'user id', 'email', 'login', 'customer', 'member', 'phone', 'psu'];
const NOT_EXISTING: readonly string[] = ['not found', 'unknown', 'not exist', 'not exists', 'does not exist', 'no such', 'not registered', 'nonexistent', 'non existent', 'not recognised', 'not recognized'];
/** Identifiers for which "invalid" means "no such identifier" (`INVALID_USER`), unlike `INVALID_EMAIL` (a format error). */
const INVALID_MEANS_UNKNOWN: readonly string[] = ['user', 'username', 'user name', 'userid', 'user id', 'login'];
const FACTORS: readonly [string, string[]][] = [
  ['the password', ['password', 'pwd', 'passphrase', 'passcode']],
  ['the PIN', ['pin']],
  ['the one-time code', ['otp', 'one time password', 'totp', 'tan', 'sms code', 'verification code', 'mfa code']],
  ['the security answer', ['security answer', 'secret answer', 'memorable word']],
];
const FAILED: readonly string[] = ['invalid', 'wrong', 'incorrect', 'mismatch', 'mismatched', 'not match', 'does not match', 'bad', 'failed', 'not valid'];

/** The authentication element a text says failed, or undefined (none, or several at once: a generic message). */
function failedElement(text: string): string | undefined {
  const tokens = tokenize(text);
  const found = new Set<string>();
  const has = (phrases: readonly string[]) => phrases.some((p) => containsPhrase(tokens, p));
  if (has(IDENTIFIERS) && (has(NOT_EXISTING) || (containsPhrase(tokens, 'invalid') && has(INVALID_MEANS_UNKNOWN)))) {
    found.add('the user identifier');
  }
  if (has(FAILED)) for (const [label, phrases] of FACTORS) if (has(phrases)) found.add(label);
  // "Invalid username or password" names both elements in one message: that is the uniform answer, not a leak.
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * fin-error-auth-failure-uniform: the error codes and examples documented for an authentication operation do not let a
 * caller tell which element of the authentication failed: no distinct "unknown user" next to "wrong password", or
 * "wrong PIN" next to "wrong OTP" (PSD2 RTS Art. 4(3)(a)). Texts are the string `enum`/`const` values and examples of
 * the operation's error responses (descriptions are prose and are not judged). A single text naming several elements
 * ("invalid username or password") is the uniform answer. Reported at the node holding the second element (the
 * `enum` when one enum holds both), once per node.
 */
export const authFailureUniform = createRulesetFunction<JsonObject, AuthOperationOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: AUTH_OPERATION_OPTION_PROPERTIES,
      additionalProperties: false,
      errorMessage:
        '"fin-error-auth-failure-uniform" options: { keywords?: string[], tags?: string[], factorFields?: string[] }, e.g. { keywords: ["login", "verify-otp"] }.',
    },
  },
  function authFailureUniform(root, options) {
    const results: IFunctionResult[] = [];
    const reported = new Map<object, Set<string>>();
    for (const { op } of authOperations(root, options)) {
      const byElement = new Map<string, DocumentedText>();
      let second: { element: string; at: DocumentedText } | undefined;
      for (const ref of operationResponses(root, op)) {
        if (!isErrorStatus(ref.status)) continue;
        for (const t of documentedTexts(root, ref, ref.path)) {
          if (t.path[t.path.length - 1] === 'description') continue;
          const element = failedElement(t.text);
          if (element === undefined || byElement.has(element)) continue;
          byElement.set(element, t);
          if (byElement.size === 2) second = { element, at: t };
        }
        if (second) break;
      }
      if (!second) continue;
      const [first] = byElement.values();
      const path: JsonPath = second.at.path;
      const { holder, key } = second.at.node;
      const keys = reported.get(holder) ?? new Set<string>();
      if (keys.has(key)) continue;
      reported.set(holder, keys.add(key));
      const [firstElement] = byElement.keys();
      results.push({
        message: `Error texts "${first.text}" and "${second.at.text}" of authentication operation ${describeOperation(op)} tell a caller whether ${firstElement} or ${second.element} was wrong; answer every failed attempt with one generic code (e.g. INVALID_CREDENTIALS).`,
        path,
      });
    }
    return results;
  },
);
