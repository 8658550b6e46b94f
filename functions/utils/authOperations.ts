import { EXTRA_CREDENTIAL_VETOES } from './credentials.js';
import { credentialNames } from './dictionaries.js';
import type { JsonObject } from './guards.js';
import { memoPerDocument } from './memo.js';
import { containsPhrase, matchName, tokenize, type NameClass } from './names.js';
import { asStringArray, operations, type OperationRef } from './oas.js';
import { isWriteOperation } from './writeOperations.js';
import { schemaIndex, type SchemaContext, type SchemaIndex } from './schemaWalker.js';

/**
 * Authentication operations (catalogue §4.5 "auth operations", §4.4 `x-auth-endpoint`): operations that verify a
 * credential or an authentication factor (login, token, OTP/MFA verification, password or PIN reset/change, SCA
 * authorisation). Used by fin-ratelimit-auth-endpoints and fin-error-auth-failure-uniform.
 *
 * Detection, first match wins:
 * 1. `x-auth-endpoint: true|false` on the operation decides, both ways.
 * 2. Only POST, PUT and PATCH are judged by name or body: verifying a factor means sending it. A GET on `/sessions`
 *    lists sessions; a DELETE logs out.
 * 3. A literal path segment (not a `{parameter}`) or a tag contains a keyword as a token sequence (`/login`,
 *    `/users/{id}/password`, tag `Authentication`); a plural `s` is ignored (`/sessions`). POSTs that only read
 *    (`/getAuthenticationResult`, `/sessions/search`) do not count. Ambiguous keywords (`token`, `session`,
 *    `authorize`/`authorise`, `pin`) name payment objects too (card tokens, checkout sessions, payment
 *    authorisations, card PINs being set), so they count only with corroboration: an auth word elsewhere in the path
 *    (`/oauth2/token`, `/auth/sessions`) or a credential field in the request (`client_secret`, `password`, `pin`).
 *    Some keywords also carry vetoes from the rest of the path (`/checkout/sessions`, `/password-policy`).
 * 4. The request body (or 2.0 `formData`) carries, at most two levels down, a field that proves a factor the client
 *    holds at that moment: a one-time password, a verification or SCA code, a security answer, the *current* password
 *    or PIN. A bare `password` or `pin` is not enough: registration (`POST /users`) and card issuing
 *    (`POST /cards { pin }`) set one.
 * 5. Sandbox and simulation endpoints (`/sandbox/...`, `/simulate/...`) are never authentication operations.
 * 6. A credential field that (nearly) every request body carries (Plaid's `secret`) authenticates the API's calls
 *    in general; it does not corroborate an ambiguous keyword.
 */

export interface AuthOperationOptions {
  /** Keywords matched in literal path segments (token sequences, e.g. `sign in`); replaces the defaults. */
  keywords?: string[];
  /** Keywords matched in tags; defaults to `keywords`. */
  tags?: string[];
  /** Request-body field names that prove a factor (token sequences); replaces the defaults; `[]` turns body detection off. */
  factorFields?: string[];
}

export const DEFAULT_AUTH_KEYWORDS: readonly string[] = [
  'login',
  'log in',
  'logon',
  'signin',
  'sign in',
  'token',
  'authorize',
  'authorise',
  'authenticate',
  'authentication',
  'otp',
  'mfa',
  'password',
  'pin',
  'session',
];

/** Keywords that also name payment objects: they need an auth word in the path or a credential in the request. */
const AMBIGUOUS_KEYWORDS: ReadonlySet<string> = new Set(['token', 'session', 'authorize', 'authorise', 'pin']);

/** Path or tag tokens that make an ambiguous keyword an authentication one (`/oauth2/token`, `/auth/sessions`). */
const AUTH_CONTEXT: ReadonlySet<string> = new Set(['oauth', 'auth', 'openid', 'oidc', 'sso', 'login', 'signin', 'authentication', 'iam', 'connect']);

/** Path tokens of sandbox-only simulation endpoints (`/sandbox/item/reset_login`, `/simulate/authorize`). */
const TEST_ONLY: ReadonlySet<string> = new Set(['sandbox', 'simulate', 'simulation']);

/** Keyword -> tokens elsewhere in the path or tag that say it is not about authentication. */
const KEYWORD_VETOES: Readonly<Record<string, readonly string[]>> = {
  // Payment, checkout, onboarding and identity-verification "sessions" are business objects.
  session: ['checkout', 'billing', 'portal', 'payment', 'payments', 'verification', 'financial', 'connection', 'connections', 'identity', 'terminal', 'cart', 'onboarding', 'link'],
  // `/pin/status`, `/pin-entry` describe PIN capability, not verification.
  pin: ['status', 'entry', 'capability', 'capabilities'],
  // `/accounts/{id}/login_links` creates a link to a dashboard; it verifies nothing.
  login: ['link', 'links', 'url', 'urls'],
  // A password *policy* or *requirements* document verifies nothing.
  password: ['policy', 'policies', 'requirement', 'requirements', 'rules'],
};

export const DEFAULT_FACTOR_FIELDS: readonly string[] = [
  'otp',
  'one time password',
  'one time passcode',
  'totp',
  'hotp',
  'passcode',
  'pass code',
  'verification code',
  'mfa code',
  'sca authentication data',
  'security answer',
  'secret answer',
  'memorable word',
  'current password',
  'old password',
  'existing password',
  'current pin',
  'old pin',
];

const JUDGED_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch']);

export interface AuthOperation {
  op: OperationRef;
  /** Why the operation counts, for messages: `it is marked x-auth-endpoint: true`, `its path contains "login"`. */
  reason: string;
}

function singular(token: string): string {
  return token.length > 3 && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token;
}

/** The keyword a token list contains (plural-insensitive), honouring the keyword's vetoes against `context`. */
function keywordIn(tokens: readonly string[], keywords: readonly string[][], context: readonly string[]): string | undefined {
  const norm = tokens.map(singular);
  for (const kw of keywords) {
    const phrase = kw.join(' ');
    if (!containsPhrase(norm, phrase)) continue;
    const vetoes = KEYWORD_VETOES[phrase];
    if (vetoes && context.some((t) => vetoes.includes(t) || vetoes.includes(singular(t)))) continue;
    return phrase;
  }
  return undefined;
}

function factorClass(fields: readonly string[]): NameClass {
  return {
    id: 'auth-factor',
    entries: fields.map((f) => ({ phrase: tokenize(f).join(' ') })),
    vetoes: [...credentialNames.vetoes, ...EXTRA_CREDENTIAL_VETOES],
  };
}

/**
 * The first field matching `nameClass` that a request schema carries, at most `maxDepth` named levels below it (items
 * and composition branches do not count as levels), memoised per (schema, depth): linear in the number of schemas;
 * cycles terminate (a schema being expanded counts as "none" for the cycle that reaches it again).
 */
function fieldFinder(index: SchemaIndex, nameClass: NameClass, maxDepth: number) {
  const memo = new Map<string, Map<object, string | null>>();
  const bounded = Number.isFinite(maxDepth);
  const find = (schema: object, ctx: SchemaContext, depth = 1): string | undefined => {
    let byDepth = memo.get(String(bounded ? depth : 0));
    if (!byDepth) memo.set(String(bounded ? depth : 0), (byDepth = new Map()));
    const known = byDepth.get(schema);
    if (known !== undefined) return known ?? undefined;
    byDepth.set(schema, null);
    let found: string | undefined;
    for (const child of index.childVisits(schema, ctx)) {
      if (child.name !== undefined && isFactor(child.name, child.merged, nameClass)) found = child.name;
      else if (child.name === undefined) found = find(child.schema, child.ctx, depth);
      else if (!bounded) found = find(child.schema, child.ctx, depth);
      else if (depth < maxDepth) found = find(child.schema, child.ctx, depth + 1);
      if (found !== undefined) break;
    }
    byDepth.set(schema, found ?? null);
    return found;
  };
  return find;
}

function isFactor(name: string, merged: JsonObject, nameClass: NameClass): boolean {
  if (merged.type === 'boolean') return false;
  return matchName(name, nameClass) !== undefined;
}

/** The authentication operations under `paths`, with the reason each one counts. */
export function authOperations(root: JsonObject, options: AuthOperationOptions | null | undefined): AuthOperation[] {
  // Two rules ask the same question; with the same options the answer is computed once per document.
  return memoPerDocument(root, `authOperations:${JSON.stringify(options ?? {})}`, () => detectAuthOperations(root, options));
}

function detectAuthOperations(root: JsonObject, options: AuthOperationOptions | null | undefined): AuthOperation[] {
  const keywords = (options?.keywords ?? DEFAULT_AUTH_KEYWORDS).map((k) => tokenize(k).map(singular)).filter((k) => k.length > 0);
  const tagKeywords = (options?.tags ?? options?.keywords ?? DEFAULT_AUTH_KEYWORDS).map((k) => tokenize(k).map(singular)).filter((k) => k.length > 0);
  const fields = options?.factorFields ?? DEFAULT_FACTOR_FIELDS;
  const nameClass = factorClass(fields);
  const index = schemaIndex(root);
  // Factor fields count a couple of levels deep (BG `scaAuthenticationData` sits in a oneOf branch, Adyen's
  // `details.oneTimePasscode` one level down); deeper ones are configuration of something else (DocuSign envelopes
  // configure a recipient's `oneTimePassword` check three levels down).
  const findFactor = fieldFinder(index, nameClass, 2);
  // Corroboration looks at the body's own fields only: credential words are broad, and a deep `encryptedPassword` of
  // some payment method says nothing about the operation. A session id is what a login issues, not what it verifies.
  const credentialClass: NameClass = {
    id: 'credential',
    entries: [...credentialNames.entries.filter((e) => !['session id', 'sessionid'].includes(e.phrase)), ...nameClass.entries],
    vetoes: nameClass.vetoes,
  };
  const findCredential = fieldFinder(index, credentialClass, 1);
  /** The first field of the operation's request body or 2.0 formData that `nameClass` matches. */
  const requestField = (op: OperationRef, cls: NameClass, find: ReturnType<typeof fieldFinder>): string | undefined => {
    for (const visit of index.operationRoots.get(op) ?? []) {
      if (visit.ctx.direction !== 'request' || (visit.ctx.location !== 'body' && visit.ctx.location !== 'formData')) continue;
      const field = visit.name !== undefined && visit.isParameter && isFactor(visit.name, visit.merged, cls) ? visit.name : find(visit.schema, visit.ctx);
      if (field !== undefined) return field;
    }
    return undefined;
  };

  // A credential the API takes in (nearly) every request body, like Plaid's `client_id`/`secret`, is how the API
  // authenticates calls, not a sign that one operation is an authentication endpoint.
  const credentialOf = new Map<OperationRef, string | undefined>();
  const perField = new Map<string, number>();
  let withBody = 0;
  for (const op of operations(root)) {
    if (!(index.operationRoots.get(op) ?? []).some((v) => v.ctx.direction === 'request' && (v.ctx.location === 'body' || v.ctx.location === 'formData'))) continue;
    withBody++;
    const field = requestField(op, credentialClass, findCredential);
    credentialOf.set(op, field);
    if (field !== undefined) perField.set(field.toLowerCase(), (perField.get(field.toLowerCase()) ?? 0) + 1);
  }
  const corroboratingField = (op: OperationRef): string | undefined => {
    const field = credentialOf.get(op);
    if (field === undefined) return undefined;
    const n = perField.get(field.toLowerCase()) ?? 0;
    return n >= 5 && n * 2 >= withBody ? undefined : field;
  };

  const out: AuthOperation[] = [];
  for (const op of operations(root)) {
    const flag = op.operation['x-auth-endpoint'];
    if (typeof flag === 'boolean') {
      if (flag) out.push({ op, reason: 'it is marked x-auth-endpoint: true' });
      continue;
    }
    if (!JUDGED_METHODS.has(op.method) || !isWriteOperation(op)) continue;
    const segments = op.pathKey.split('/').filter((s) => s !== '' && !s.includes('{'));
    const pathTokens = segments.flatMap((s) => tokenize(s));
    if (pathTokens.some((t) => TEST_ONLY.has(singular(t)))) continue;
    const corroborated = (kw: string, context: readonly string[]): string | undefined => {
      if (!AMBIGUOUS_KEYWORDS.has(kw)) return '';
      if (context.some((t) => AUTH_CONTEXT.has(singular(t)))) return '';
      const field = corroboratingField(op);
      return field === undefined ? undefined : ` and its request carries "${field}"`;
    };
    let reason: string | undefined;
    for (const segment of segments) {
      const kw = keywordIn(tokenize(segment), keywords, pathTokens);
      const also = kw === undefined ? undefined : corroborated(kw, pathTokens);
      if (kw !== undefined && also !== undefined) {
        reason = `its path contains "${kw}"${also}`;
        break;
      }
    }
    if (reason === undefined) {
      for (const tag of asStringArray(op.operation.tags)) {
        const tagTokens = tokenize(tag);
        const kw = keywordIn(tagTokens, tagKeywords, tagTokens);
        const also = kw === undefined ? undefined : corroborated(kw, [...tagTokens, ...pathTokens]);
        if (kw !== undefined && also !== undefined) {
          reason = `its tag "${tag}" contains "${kw}"${also}`;
          break;
        }
      }
    }
    if (reason === undefined && fields.length > 0) {
      const field = requestField(op, nameClass, findFactor);
      if (field !== undefined) reason = `its request carries "${field}"`;
    }
    if (reason !== undefined) out.push({ op, reason });
  }
  return out;
}

/** JSON schema of the detection options, shared by the rules that use them. */
export const AUTH_OPERATION_OPTION_PROPERTIES = {
  keywords: { type: 'array', items: { type: 'string', minLength: 1 } },
  tags: { type: 'array', items: { type: 'string', minLength: 1 } },
  factorFields: { type: 'array', items: { type: 'string', minLength: 1 } },
} as const;
