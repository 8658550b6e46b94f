import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { EXTRA_CREDENTIAL_VETOES } from './utils/credentials.js';
import { passwordNames } from './utils/dictionaries.js';
import { asArray, type JsonObject } from './utils/guards.js';
import { containsPhrase, extendClass, matchName, tokenize } from './utils/names.js';
import type { OperationRef } from './utils/oas.js';
import { reachableFrom } from './utils/reach.js';
import { schemaIndex, type SchemaVisit } from './utils/schemaWalker.js';

export interface PasswordLengthPolicyOptions {
  /** Smallest acceptable `minLength` (default 12, PCI DSS 8.3.6; 15 for single-factor use per NIST SP 800-63B-4). */
  minLength?: number;
  /** Smallest acceptable `maxLength` when one is declared (default 64, NIST SP 800-63B-4). */
  maxLength?: number;
  /** Report composition patterns (look-aheads forcing character classes). Default true; false where PCI asks for them. */
  composition?: boolean;
  names?: string[];
  vetoes?: string[];
}

/**
 * Fields that verify, repeat or carry an encrypted password, one-time passwords and recovery answers: none is chosen
 * under a password policy.
 */
const NOT_SETTING: readonly string[] = [
  'current',
  'old',
  'existing',
  'confirm',
  'confirmation',
  'confirmed',
  'repeat',
  'retype',
  'verify',
  'encrypted',
  'encoded',
  'one time',
  'answer',
  'question',
];

/**
 * Path tokens of operations that verify a password the user already has (log-in, token, PSD2 authorisation
 * resources): length rules belong where the password is chosen, and a log-in form must accept every password
 * that was valid when it was set.
 */
const VERIFYING_PATH: readonly string[] = [
  'login',
  'logon',
  'signin',
  'sign in',
  'log in',
  'session',
  'sessions',
  'token',
  'tokens',
  'oauth',
  'authorize',
  'authorise',
  'authorization',
  'authorizations',
  'authorisation',
  'authorisations',
  'authenticate',
  'authentication',
  'authentications',
];

/**
 * Tokens of the last literal path segment of operations where a user or staff account's password is chosen:
 * registration, profile, password change and reset. Elsewhere a `password` field usually carries a credential for
 * another system (a webhook's Basic password, a VCS import password, a partner gateway login), whose length the API
 * cannot dictate.
 */
const SETTING_PATH: readonly string[] = [
  'user',
  'users',
  'me',
  'self',
  'profile',
  'profiles',
  'member',
  'members',
  'customer',
  'customers',
  'account',
  'accounts',
  'staff',
  'employees',
  'operators',
  'registration',
  'registrations',
  'register',
  'signup',
  'sign up',
  'enrolment',
  'enrollment',
  'enrollments',
  'enrolments',
  'password',
  'passwords',
  'passphrase',
  'credential',
  'credentials',
  'reset',
  'resets',
  'recovery',
];

function pathTokens(op: OperationRef): string[] {
  return op.pathKey
    .split('/')
    .filter((s) => !s.startsWith('{'))
    .flatMap((s) => tokenize(s));
}

function verifies(op: OperationRef | undefined): boolean {
  return op !== undefined && VERIFYING_PATH.some((phrase) => containsPhrase(pathTokens(op), phrase));
}

/**
 * Whether a password sent to this operation is chosen by its owner (and not a third party's), judged on the last
 * literal path segment: `/accounts/{id}/users` creates users, `/accounts/{id}/connect` configures an integration.
 */
function setsOwnPassword(op: OperationRef | undefined): boolean {
  if (op === undefined) return false;
  const literal = op.pathKey.split('/').filter((s) => s !== '' && !s.startsWith('{'));
  const last = tokenize(literal[literal.length - 1] ?? '');
  return SETTING_PATH.some((phrase) => containsPhrase(last, phrase));
}

/** A look-ahead, the usual shape of "must contain a digit/upper-case/symbol" composition rules. */
const LOOKAHEAD = /\(\?[=!]/;

/**
 * fin-auth-password-length-policy: password fields where a client chooses an account password (request properties and
 * parameters of registration, profile, password and reset operations, and `newPassword`-style fields anywhere; not
 * current/old/confirmation fields, log-in or token requests) declare `minLength` >= the minimum, a `maxLength` (if any)
 * >= 64, and no composition pattern. Each schema is judged once, where it is written.
 */
export const passwordLengthPolicy = createRulesetFunction<JsonObject, PasswordLengthPolicyOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        minLength: { type: 'integer', minimum: 1 },
        maxLength: { type: 'integer', minimum: 1 },
        composition: { type: 'boolean' },
        names: { type: 'array', items: { type: 'string', minLength: 1 } },
        vetoes: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
      additionalProperties: false,
      errorMessage:
        '"fin-auth-password-length-policy" options: { minLength?: integer, maxLength?: integer, composition?: boolean, names?: string[], vetoes?: string[] }, e.g. { minLength: 15 }.',
    },
  },
  function passwordLengthPolicy(root, options) {
    const min = options?.minLength ?? 12;
    const maxFloor = options?.maxLength ?? 64;
    const checkComposition = options?.composition !== false;
    const nameClass = extendClass(passwordNames, {
      names: options?.names,
      vetoes: [...EXTRA_CREDENTIAL_VETOES, ...(options?.vetoes ?? [])],
    });
    const index = schemaIndex(root);
    // What clients send (parameters and bodies, and everything reachable from them, so that a shared schema counts if
    // *any* operation uses it), except to log-in and token operations. Judged there: passwords sent where an account
    // password is chosen, and fields named as new passwords wherever they are sent.
    const requestRoots = [...index.operationRoots.values()]
      .flat()
      .filter((r) => r.ctx.direction === 'request' && !r.ctx.outbound && !verifies(r.ctx.operation));
    const visitsFrom = (roots: SchemaVisit[]) => [
      ...roots,
      ...[...reachableFrom(index, roots).values()].map((r) => r.visit),
    ];
    const judged = [
      ...visitsFrom(requestRoots.filter((r) => setsOwnPassword(r.ctx.operation))),
      ...visitsFrom(requestRoots).filter((v) => v.name !== undefined && tokenize(v.name).includes('new')),
    ];
    const results: IFunctionResult[] = [];
    const seen = new Set<object>();

    for (const visit of judged) {
      const { name, merged, schema, path } = visit;
      if (name === undefined || seen.has(schema)) continue;
      const tokens = tokenize(name);
      if (NOT_SETTING.some((t) => containsPhrase(tokens, t))) continue;
      if (matchName(tokens, nameClass) === undefined) continue;
      const types = typeof merged.type === 'string' ? [merged.type] : asArray(merged.type);
      if (types.length > 0 && !types.includes('string')) continue;
      seen.add(schema);

      const label = `Password field "${name}"`;
      const minLength = merged.minLength;
      if (typeof minLength !== 'number') {
        results.push({ message: `${label} declares no minLength; require at least ${min} characters.`, path });
      } else if (minLength < min) {
        results.push({
          message: `${label} allows ${minLength}-character passwords; require at least ${min}.`,
          path: [...path, 'minLength'],
        });
      }
      const maxLength = merged.maxLength;
      if (typeof maxLength === 'number' && maxLength < maxFloor) {
        results.push({
          message: `${label} caps passwords at ${maxLength} characters; permit at least ${maxFloor}.`,
          path: [...path, 'maxLength'],
        });
      }
      if (checkComposition && typeof merged.pattern === 'string' && LOOKAHEAD.test(merged.pattern)) {
        results.push({
          message: `${label} imposes composition rules through its pattern; check length and breached-password lists instead.`,
          path: [...path, 'pattern'],
        });
      }
    }
    return results;
  },
);
