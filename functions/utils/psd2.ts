import { asArray, entries, isObject, type JsonObject, type JsonPath } from './guards.js';
import { resolveLocal, type HeaderRef } from './headers.js';
import { memoPerDocument } from './memo.js';
import { tokenize } from './names.js';
import { describeOperation, effectiveSecurity, oauthFlows, operations, securitySchemes, type OperationRef, type SecurityRequirement } from './oas.js';
import { parameterObjects } from './parameters.js';
import { isTestHarness } from './paymentOperations.js';
import { isWriteOperation } from './writeOperations.js';
import { andList } from './lists.js';

/**
 * Access-to-account APIs (catalogue §5 D): PSD2 XS2A interfaces in the Berlin Group NextGenPSD2 and UK Open Banking
 * styles. Shared by the fin-psd2 rules. Which operations read account data, submit payments, manage consents or run an
 * SCA step is decided from path segments, matched as whole words and plural-insensitively against configurable
 * phrases, so that market-specific layouts are options, never code:
 *
 * - Berlin Group: `/v1/accounts/{account-id}/balances`, `POST /v1/{payment-service}/{payment-product}` (the templated
 *   `{payment-service}` names the collection), `/v1/consents/{consentId}`, SCA steps under `.../authorisations`.
 * - UK Open Banking: `/accounts/{AccountId}/transactions`, `/balances`, `POST /domestic-payments`,
 *   `POST /domestic-vrps`, consents under `/account-access-consents`, `/domestic-payment-consents`.
 */

/**
 * Literal path segments that name account data (AIS reads). A literal segment must equal one of them (plural-insensitive),
 * anywhere in the path (`/accounts/{id}/x`), so that the payment resource `/domestic-standing-orders/{id}` is not
 * mistaken for the account-data list `/standing-orders`.
 */
export const DEFAULT_ACCOUNT_PATHS: readonly string[] = [
  'accounts',
  'card accounts',
  'balances',
  'transactions',
  'beneficiaries',
  'direct debits',
  'standing orders',
  'scheduled payments',
  'statements',
  'parties',
  'party',
  'products',
  'offers',
];

/**
 * Segments that name a payment-submission collection: one of the last two segments, literal or templated (BG
 * `{payment-service}`), ends with one of them (`/domestic-payments`, `/v1/{payment-service}/{payment-product}`).
 */
export const DEFAULT_PAYMENT_PATHS: readonly string[] = ['payments', 'standing orders', 'vrps', 'payment service'];

/** Segments that name a consent resource (`/v1/consents`, `/account-access-consents`, `/domestic-vrp-consents`). */
export const DEFAULT_CONSENT_PATHS: readonly string[] = ['consents'];

/**
 * Segments that name an SCA step: Berlin Group `.../{paymentId}/authorisations` and `.../cancellation-authorisations`
 * (British spelling; the US `authorizations` names card authorisations in acquiring APIs, so it is not a default).
 */
export const DEFAULT_SCA_PATHS: readonly string[] = ['authorisations'];

export interface Psd2ScopeOptions {
  accountPaths?: string[];
  paymentPaths?: string[];
  consentPaths?: string[];
  scaPaths?: string[];
  /**
   * Judge only access-to-account (open-banking) documents (default true): ones that create consents or have SCA-step
   * sub-resources, so that card acquirers and other payment APIs are left alone.
   */
  onlyOpenBanking?: boolean;
}

const PHRASE_LIST = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

export const PSD2_SCOPE_OPTION_PROPERTIES = {
  accountPaths: PHRASE_LIST,
  paymentPaths: PHRASE_LIST,
  consentPaths: PHRASE_LIST,
  scaPaths: PHRASE_LIST,
  onlyOpenBanking: { type: 'boolean' },
} as const;

function singular(token: string): string {
  return token.length > 3 && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token;
}

/** `direct-debits`, `Direct Debits`, `*-consents` -> [direct, debit] / [consent]. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(phrase.replace(/\*/g, ' ')).map(singular);
}

function phrases(list: readonly string[] | undefined, fallback: readonly string[]): string[][] {
  return (list ?? fallback).map(phraseTokens).filter((p) => p.length > 0);
}

/** Whether the tokens end with the phrase (whole words, plural-insensitive; the phrase from phraseTokens). */
export function endsWithPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0 || phrase.length > tokens.length) return false;
  const offset = tokens.length - phrase.length;
  return phrase.every((t, i) => singular(tokens[offset + i]) === t);
}

export interface Segment {
  /** The segment without braces: `accounts`, `payment-service`. */
  text: string;
  /** A templated segment (`{payment-service}`). */
  param: boolean;
  tokens: readonly string[];
}

export function segments(pathKey: string): Segment[] {
  return pathKey
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      const param = s.startsWith('{') && s.endsWith('}');
      const text = param ? s.slice(1, -1) : s;
      return { text, param, tokens: tokenize(text) };
    });
}

function matches(segment: Segment, list: readonly string[][]): boolean {
  return list.some((p) => endsWithPhrase(segment.tokens, p));
}

function equals(segment: Segment, list: readonly string[][]): boolean {
  return list.some((p) => p.length === segment.tokens.length && endsWithPhrase(segment.tokens, p));
}

/** Whether a path lies in a consent resource (`/v1/consents/{consentId}/status`) under the configured phrases. */
export function isConsentPath(pathKey: string, options: Psd2ScopeOptions | null | undefined): boolean {
  const list = phrases(options?.consentPaths, DEFAULT_CONSENT_PATHS);
  return segments(pathKey).some((s) => !s.param && matches(s, list));
}

/** Whether a path is an SCA step (`/v1/payments/{id}/authorisations/{authorisationId}`). */
export function isScaPath(pathKey: string, options: Psd2ScopeOptions | null | undefined): boolean {
  const list = phrases(options?.scaPaths, DEFAULT_SCA_PATHS);
  return segments(pathKey).some((s) => !s.param && matches(s, list));
}

/**
 * Whether the document is an access-to-account (XS2A / open-banking) API: it creates consents (a POST on a path whose
 * last segment is a consent word: BG `POST /v1/consents`, UK `POST /account-access-consents`), or it has SCA steps
 * below a resource (a segment equal to an SCA word right after a `{parameter}`: BG
 * `/v1/payments/{paymentId}/authorisations`). Card acquirers (`/payment_intents/{intent}/increment_authorization`) and
 * RPC-style APIs (`/payment_initiation/consent/create`) are neither.
 */
export function isOpenBankingDocument(root: JsonObject, options: Psd2ScopeOptions | null | undefined): boolean {
  const key = [...(options?.consentPaths ?? DEFAULT_CONSENT_PATHS), '|', ...(options?.scaPaths ?? DEFAULT_SCA_PATHS)].join('\n');
  return memoPerDocument(root, `psd2:isOpenBankingDocument:${key}`, () => {
    const consent = phrases(options?.consentPaths, DEFAULT_CONSENT_PATHS);
    const sca = phrases(options?.scaPaths, DEFAULT_SCA_PATHS);
    const createsConsents = operations(root).some((op) => {
      const last = segments(op.pathKey).at(-1);
      return op.method === 'post' && last !== undefined && !last.param && matches(last, consent);
    });
    if (createsConsents) return true;
    return Object.keys(isObject(root.paths) ? root.paths : {}).some((key) => {
      const segs = segments(key);
      return segs.some((s, i) => i > 0 && segs[i - 1].param && !s.param && equals(s, sca));
    });
  });
}

/** Whether the fin-psd2 rule should judge this document at all (`onlyOpenBanking`, default true; `also` widens it). */
export function inScope(root: JsonObject, options: Psd2ScopeOptions | null | undefined, also: () => boolean = () => false): boolean {
  if (options?.onlyOpenBanking === false) return true;
  return isOpenBankingDocument(root, options) || also();
}

/**
 * Account-data reads: GET operations with a literal segment that is an account-data word (`accounts`, `card-accounts`,
 * `balances`, `transactions`...), outside consent resources and SCA steps.
 */
export function accountDataOperations(root: JsonObject, options: Psd2ScopeOptions | null | undefined): OperationRef[] {
  const list = phrases(options?.accountPaths, DEFAULT_ACCOUNT_PATHS);
  return operations(root).filter(
    (op) =>
      op.method === 'get' &&
      !isConsentPath(op.pathKey, options) &&
      !isScaPath(op.pathKey, options) &&
      segments(op.pathKey).some((s) => !s.param && equals(s, list)),
  );
}

/**
 * Payment submissions: POST operations (or any with `x-payment-operation: true` on POST/PATCH; `false` vetoes) whose
 * last or second-to-last segment names a payment collection (`/domestic-payments`, `/domestic-vrps`, BG
 * `/v1/{payment-service}/{payment-product}`), outside consent resources, SCA steps and test harnesses (`/sandbox/...`,
 * `/simulate/...`), that are not reads in disguise (`POST /payments/search`). Actions on an existing payment
 * (`/domestic-payments/{id}/cancel`) are not submissions.
 */
export function paymentSubmissions(root: JsonObject, options: Psd2ScopeOptions | null | undefined): OperationRef[] {
  const list = phrases(options?.paymentPaths, DEFAULT_PAYMENT_PATHS);
  return operations(root).filter((op) => {
    const flag = op.operation['x-payment-operation'];
    if (typeof flag === 'boolean') return flag && (op.method === 'post' || op.method === 'patch');
    if (op.method !== 'post' || !isWriteOperation(op)) return false;
    if (isConsentPath(op.pathKey, options) || isScaPath(op.pathKey, options) || isTestHarness(op)) return false;
    return segments(op.pathKey)
      .slice(-2)
      .some((s) => matches(s, list));
  });
}

/**
 * Creations of payment consents: POST on a consent collection whose name, without the consent word, ends with a payment
 * phrase (`/domestic-payment-consents`, `/domestic-standing-order-consents`, `/domestic-vrp-consents`).
 */
export function paymentConsentCreations(root: JsonObject, options: Psd2ScopeOptions | null | undefined): OperationRef[] {
  const consent = phrases(options?.consentPaths, DEFAULT_CONSENT_PATHS);
  const payment = phrases(options?.paymentPaths, DEFAULT_PAYMENT_PATHS);
  return operations(root).filter((op) => {
    if (op.method !== 'post') return false;
    const segs = segments(op.pathKey);
    const last = segs[segs.length - 1];
    if (last === undefined || last.param) return false;
    const c = consent.find((p) => endsWithPhrase(last.tokens, p));
    if (c === undefined) return false;
    const head = last.tokens.slice(0, last.tokens.length - c.length);
    return payment.some((p) => endsWithPhrase(head, p));
  });
}

/**
 * Whether the resource an operation creates has an SCA sub-resource in the document (`POST /v1/payments/sepa` with
 * `/v1/payments/sepa/{paymentId}/authorisations`): the Berlin Group model, where the initiation request is the intent
 * and the PSU authorises it afterwards through that sub-resource.
 */
export function hasScaSubresource(root: JsonObject, op: OperationRef, options: Psd2ScopeOptions | null | undefined): boolean {
  const base = op.pathKey.replace(/(?<!\/)\/+$/, '');
  for (const key of Object.keys(isObject(root.paths) ? root.paths : {})) {
    if (!key.startsWith(`${base}/`)) continue;
    const rest = segments(key.slice(base.length));
    if (rest.length >= 2 && rest[0].param && isScaPath(key.slice(base.length), options)) return true;
  }
  return false;
}

/** A header parameter's own `components` path when it is a shared component, so it is reported once, where it is written. */
export function componentParameterPath(root: JsonObject, parameter: object): JsonPath | undefined {
  const ref = parameterObjects(root).find((p) => p.parameter === parameter && p.owner === 'components');
  return ref?.path;
}

/** A finding about a header parameter, collected per Parameter Object so a shared parameter is one finding. */
export interface ParameterProblem {
  name: string;
  path: JsonPath;
  problems: string[];
  ops: string[];
}

export function collectParameterProblem(
  root: JsonObject,
  into: Map<object, ParameterProblem>,
  op: OperationRef,
  header: HeaderRef,
  problems: readonly string[],
): void {
  if (problems.length === 0) return;
  const entry = into.get(header.header) ?? {
    name: header.name,
    path: componentParameterPath(root, header.header) ?? header.path,
    problems: [...problems],
    ops: [],
  };
  entry.ops.push(describeOperation(op));
  into.set(header.header, entry);
}

/** `GET /a`, `GET /a and 1 more operation`, `GET /a and 3 more operations`. */
export function operationsLabel(ops: readonly string[]): string {
  const n = ops.length;
  return n === 1 ? ops[0] : `${ops[0]} and ${n - 1} more operation${n === 2 ? '' : 's'}`;
}

/** Property names of a schema, through `allOf`/`oneOf`/`anyOf`, nested objects and arrays, to a bounded depth. */
export function propertyNames(root: JsonObject, schema: unknown, depth = 6, seen: Set<object> = new Set()): string[] {
  const s = resolveLocal(root, schema);
  if (!isObject(s) || seen.has(s) || depth < 0) return [];
  seen.add(s);
  const out: string[] = [];
  for (const [name, sub] of entries(s.properties)) {
    out.push(name);
    out.push(...propertyNames(root, sub, depth - 1, seen));
  }
  for (const key of ['allOf', 'oneOf', 'anyOf']) for (const m of asArray(s[key])) out.push(...propertyNames(root, m, depth, seen));
  if (isObject(s.items)) out.push(...propertyNames(root, s.items, depth - 1, seen));
  return out;
}

/** OAuth flows in which the PSU authenticates at the ASPSP and delegates access. */
const USER_FLOWS: ReadonlySet<string> = new Set(['authorizationCode', 'implicit', 'deviceAuthorization']);

/** `user`: the PSU authenticated and delegated (authorization code, OpenID Connect); `app`: the TPP alone. */
export interface SchemeVerdict {
  kind: 'user' | 'app' | 'unknown';
  /** Why a scheme is app-only: `OAuth 2.0 clientCredentials only`, `API key`, `HTTP basic`, `mutual TLS...`. */
  why: string;
}

/** What a security scheme tells about who stands behind a token. HTTP bearer and unknown schemes are `unknown`. */
export function schemeVerdict(scheme: JsonObject | undefined): SchemeVerdict {
  if (scheme === undefined) return { kind: 'unknown', why: '' };
  switch (scheme.type) {
    case 'openIdConnect':
      return { kind: 'user', why: '' };
    case 'oauth2': {
      const flows = oauthFlows(scheme, []).map((f) => f.name);
      if (flows.some((f) => USER_FLOWS.has(f))) return { kind: 'user', why: '' };
      if (flows.length === 0) return { kind: 'unknown', why: '' };
      return { kind: 'app', why: `OAuth 2.0 ${andList(flows)} only` };
    }
    case 'apiKey':
      return { kind: 'app', why: 'API key' };
    case 'mutualTLS':
      return { kind: 'app', why: 'mutual TLS, which identifies the TPP only' };
    case 'basic':
      return { kind: 'app', why: 'HTTP basic' };
    case 'http':
      return typeof scheme.scheme === 'string' && scheme.scheme.toLowerCase() === 'basic' ? { kind: 'app', why: 'HTTP basic' } : { kind: 'unknown', why: '' };
    default:
      return { kind: 'unknown', why: '' };
  }
}

/**
 * How an alternative of a security list lets a caller in without the PSU (`the anonymous alternative {}`,
 * `alternative "tpp" (OAuth 2.0 clientCredentials only)`), or undefined when it carries, or may carry, the PSU's grant.
 */
export function appOnlyAlternative(requirement: SecurityRequirement, schemes: Record<string, JsonObject>): string | undefined {
  const names = Object.keys(requirement);
  if (names.length === 0) return 'the anonymous alternative {}';
  const verdicts = names.map((n) => schemeVerdict(schemes[n]));
  if (verdicts.some((v) => v.kind !== 'app')) return undefined;
  return `alternative ${names.map((n, i) => `"${n}" (${verdicts[i].why})`).join(' + ')}`;
}

/** Whether every security alternative of an operation includes a user-delegated grant (so the token carries the consent). */
export function requiresUserGrant(root: JsonObject, op: OperationRef): boolean {
  const { requirements } = effectiveSecurity(root, op);
  const { schemes } = securitySchemes(root);
  return requirements.length > 0 && requirements.every((r) => Object.keys(r).some((n) => schemeVerdict(schemes[n]).kind === 'user'));
}
