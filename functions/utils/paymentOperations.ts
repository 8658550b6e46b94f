import { asArray, entries, isObject, type JsonObject, type JsonPath } from './guards.js';
import { requestHeaders, resolveLocal, type HeaderRef } from './headers.js';
import { containsPhrase, tokenize } from './names.js';
import { asStringArray, operations, type OperationRef } from './oas.js';
import { mergeAllOf } from './schemaWalker.js';
import { isWriteOperation } from './writeOperations.js';

/**
 * Payment-moving operations and their idempotency keys (catalogue §4.5, §5 J; draft-ietf-httpapi-idempotency-key-header).
 * Shared by the fin-idempotency rules.
 *
 * An operation moves money (or creates a payment intent) when, first match wins:
 * 1. it carries `x-payment-operation: true|false`, which decides both ways (true counts for POST and PATCH only: PUT
 *    and DELETE are idempotent by definition);
 * 2. it is a POST (configurable) that is not a read in disguise (`POST /payments/search`, or a summary/operationId
 *    starting with a read verb such as "Get", "List", "Retrieve"), not an update of an existing item (the path ends
 *    with a `{parameter}`: `POST /charges/{charge}` edits metadata), not a test harness (`/simulate/...`,
 *    `/test_helpers/...`), and one of its last two literal path segments, or a tag, *ends with* one of the configured
 *    phrases, plural-insensitively: `payments` matches `/payments`, `/domestic-payments`, `/payments/{id}/refunds`,
 *    `/transfer/create` and tag `Payment`, but not `/payment-methods`, whose head noun is "methods", nor
 *    `/transfer/questionnaire/create`, where "transfer" is only a namespace.
 */

export const DEFAULT_PAYMENT_PHRASES: readonly string[] = [
  'payments',
  'transfers',
  'payouts',
  'refunds',
  'charges',
  'captures',
  'disbursements',
  'withdrawals',
  'payment orders',
  'payment consents',
  'payment intents',
  'standing orders',
];

/** Words in literal path segments that mark a test harness, where nothing real moves (`/simulate/...`, `/test_helpers/...`). */
export const DEFAULT_VETO_SEGMENTS: readonly string[] = ['simulate', 'simulates', 'simulation', 'simulations', 'sandbox', 'test helpers'];

/**
 * Words that make a POST a read: the first word of its summary or operationId (`Get payment methods`, `listPayments`),
 * or every word of its last literal segment (`/transfer/event/sync`).
 */
const READ_VERBS: ReadonlySet<string> = new Set([
  'sync',
  'get',
  'list',
  'retrieve',
  'search',
  'find',
  'lookup',
  'look',
  'query',
  'fetch',
  'read',
  'check',
  'validate',
  'calculate',
  'estimate',
  'preview',
  'count',
]);

export const DEFAULT_IDEMPOTENCY_HEADERS: readonly string[] = ['Idempotency-Key', 'X-Idempotency-Key'];

export interface PaymentOperationOptions {
  /** Phrases matched against the end of literal path segments (`payments`, `payment orders`, `*-payment-consents`). */
  paths?: string[];
  /** Phrases matched against the end of tags; defaults to `paths`. */
  tags?: string[];
  /** Literal path segments that exclude an operation (test harnesses). */
  vetoSegments?: string[];
  /** HTTP methods judged by path and tag (default `post`); `x-payment-operation: true` applies to POST and PATCH. */
  methods?: string[];
}

export interface IdempotencyOptions {
  /** Header names that carry an idempotency key (case-insensitive); replaces the defaults. */
  headerNames?: string[];
}

export const PAYMENT_OPERATION_OPTION_PROPERTIES = {
  paths: { type: 'array', items: { type: 'string', minLength: 1 } },
  tags: { type: 'array', items: { type: 'string', minLength: 1 } },
  vetoSegments: { type: 'array', items: { type: 'string', minLength: 1 } },
  methods: { type: 'array', items: { type: 'string', enum: ['post', 'patch', 'put', 'delete'] as string[] } },
} as const;

export const IDEMPOTENCY_OPTION_PROPERTIES = {
  headerNames: { type: 'array', items: { type: 'string', minLength: 1 } },
} as const;

function singular(token: string): string {
  return token.length > 3 && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token;
}

/** `*-payment-consents`, `payment_orders`, `Payment Orders` -> [payment, order]. */
function phraseTokens(phrase: string): string[] {
  return tokenize(phrase.replace(/\*/g, ' ')).map(singular);
}

/** Whether a segment or tag ends with the phrase (plural-insensitive, whole tokens). */
function endsWithPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0 || phrase.length > tokens.length) return false;
  const offset = tokens.length - phrase.length;
  return phrase.every((t, i) => singular(tokens[offset + i]) === t);
}

/** Whether an operation sits under a test-harness segment (`/simulate/...`, `/test_helpers/...`). */
export function isTestHarness(op: OperationRef, vetoSegments: readonly string[] = DEFAULT_VETO_SEGMENTS): boolean {
  const vetoes = vetoSegments.map((s) => tokenize(s).join(' ')).filter((s) => s.length > 0);
  return op.pathKey
    .split('/')
    .filter((s) => s !== '' && !s.includes('{'))
    .some((s) => vetoes.some((v) => containsPhrase(tokenize(s), v)));
}

export interface PaymentOperation {
  op: OperationRef;
  /** Why it counts, for messages: `path segment "payments"`, `tag "Transfers"`, `x-payment-operation: true`. */
  reason: string;
}

function isReadLike(op: OperationRef): boolean {
  if (!isWriteOperation(op)) return true;
  const summary = typeof op.operation.summary === 'string' ? op.operation.summary : '';
  const operationId = typeof op.operation.operationId === 'string' ? op.operation.operationId : '';
  const first = tokenize(summary)[0] ?? tokenize(operationId)[0];
  if (first !== undefined && READ_VERBS.has(first)) return true;
  const literal = op.pathKey.split('/').filter((s) => s !== '' && !s.includes('{'));
  const last = literal.length > 0 ? tokenize(literal[literal.length - 1]) : [];
  return last.length > 0 && last.every((t) => READ_VERBS.has(t));
}

/** The payment-moving operations under `paths`, with the reason each one counts. */
export function paymentOperations(root: JsonObject, options: PaymentOperationOptions | null | undefined): PaymentOperation[] {
  const pathPhrases = (options?.paths ?? DEFAULT_PAYMENT_PHRASES).map(phraseTokens).filter((p) => p.length > 0);
  const tagPhrases = (options?.tags ?? options?.paths ?? DEFAULT_PAYMENT_PHRASES).map(phraseTokens).filter((p) => p.length > 0);
  const methods = new Set((options?.methods ?? ['post']).map((m) => m.toLowerCase()));
  const out: PaymentOperation[] = [];
  for (const op of operations(root)) {
    const flag = op.operation['x-payment-operation'];
    if (typeof flag === 'boolean') {
      if (flag && (op.method === 'post' || op.method === 'patch')) out.push({ op, reason: 'x-payment-operation: true' });
      continue;
    }
    if (!methods.has(op.method) || isReadLike(op)) continue;
    const all = op.pathKey.split('/').filter((s) => s !== '');
    if (op.method === 'post' && all.length > 0 && all[all.length - 1].startsWith('{')) continue;
    if (isTestHarness(op, options?.vetoSegments)) continue;
    const segments = all.filter((s) => !s.includes('{'));
    let reason: string | undefined;
    // The resource an operation acts on is named by its last literal segment, or the one before an action
    // (`/payments/{id}/cancels`, `/transfer/create`); segments further up are namespaces (`/transfer/questionnaire/create`).
    for (const segment of segments.slice(-2).reverse()) {
      const tokens = tokenize(segment);
      if (pathPhrases.some((p) => endsWithPhrase(tokens, p))) {
        reason = `path segment "${segment}"`;
        break;
      }
    }
    if (reason === undefined) {
      for (const tag of asStringArray(op.operation.tags)) {
        const tokens = tokenize(tag);
        if (tagPhrases.some((p) => endsWithPhrase(tokens, p))) {
          reason = `tag "${tag}"`;
          break;
        }
      }
    }
    if (reason !== undefined) out.push({ op, reason });
  }
  return out;
}

/** Whether a header name is an idempotency key: one of the configured names, or any name with the token `idempotency`. */
export function isIdempotencyHeaderName(name: string, options: IdempotencyOptions | null | undefined): boolean {
  const names = (options?.headerNames ?? DEFAULT_IDEMPOTENCY_HEADERS).map((n) => n.toLowerCase());
  return names.includes(name.toLowerCase()) || tokenize(name).includes('idempotency');
}

/** What a description says of an idempotency key: "idempotent", "prevents duplicate requests", "the server stores keys for 6 hours". */
const IDEMPOTENCY_TEXT = /idempoten|\bduplicate (?:requests?|submissions?|payments?)\b|\b(?:stores?|retains?|remembers?|keeps?) (?:the )?keys?\b/i;

/** Whether a header parameter is an idempotency key: by name, or because its description says so (`Request-Id` "makes the request idempotent"). */
export function isIdempotencyHeader(name: string, parameter: JsonObject, options: IdempotencyOptions | null | undefined): boolean {
  return isIdempotencyHeaderName(name, options) || (typeof parameter.description === 'string' && IDEMPOTENCY_TEXT.test(parameter.description));
}

/** The idempotency-key header parameter of an operation, if any. */
export function idempotencyHeader(root: JsonObject, op: OperationRef, options: IdempotencyOptions | null | undefined): HeaderRef | undefined {
  return requestHeaders(root, op).find((h) => isIdempotencyHeader(h.name, h.header, options));
}

/** How an operation lets clients deduplicate retries. */
export type IdempotencyMechanism =
  | { kind: 'header'; ref: HeaderRef; required: boolean }
  | { kind: 'body-field'; name: string; required: boolean; declared: boolean; path: JsonPath }
  | { kind: 'declared-body-field' };

/** The path of a property as written: in the schema itself or in one of its `allOf` members. */
function propertyPath(schema: JsonObject, path: JsonPath, name: string, seen: Set<object> = new Set()): JsonPath | undefined {
  if (seen.has(schema)) return undefined;
  seen.add(schema);
  if (isObject(schema.properties) && name in schema.properties) return [...path, 'properties', name];
  const members = asArray(schema.allOf);
  for (let i = 0; i < members.length; i++) {
    const member = members[i];
    const found = isObject(member) ? propertyPath(member, [...path, 'allOf', i], name, seen) : undefined;
    if (found) return found;
  }
  return undefined;
}

interface BodyField {
  name: string;
  required: boolean;
  path: JsonPath;
}

/** Top-level fields of an operation's request: body properties (allOf merged) and 2.0 `formData` parameters. */
function bodyFields(root: JsonObject, op: OperationRef): BodyField[] {
  const schemas: [JsonObject, JsonPath][] = [];
  const body = resolveLocal(root, op.operation.requestBody);
  if (isObject(body)) {
    for (const [mediaType, media] of entries(body.content)) {
      const schema = isObject(media) ? resolveLocal(root, media.schema) : undefined;
      if (isObject(schema)) schemas.push([schema, [...op.path, 'requestBody', 'content', mediaType, 'schema']]);
    }
  }
  const params: [JsonObject, JsonPath][] = [];
  asArray(op.pathItem.parameters).forEach((p, i) => params.push([resolveLocal(root, p) as JsonObject, [...op.path.slice(0, -1), 'parameters', i]]));
  asArray(op.operation.parameters).forEach((p, i) => params.push([resolveLocal(root, p) as JsonObject, [...op.path, 'parameters', i]]));
  const out: BodyField[] = [];
  for (const [param, path] of params) {
    if (!isObject(param)) continue;
    const schema = param.in === 'body' ? resolveLocal(root, param.schema) : undefined;
    if (isObject(schema)) schemas.push([schema, [...path, 'schema']]);
    if (param.in === 'formData' && typeof param.name === 'string') out.push({ name: param.name, required: param.required === true, path });
  }
  for (const [schema, path] of schemas) {
    const merged = mergeAllOf(schema);
    const required = new Set(asStringArray(merged.required));
    for (const [name] of entries(merged.properties)) {
      out.push({ name, required: required.has(name), path: propertyPath(schema, path, name) ?? [...path, 'properties', name] });
    }
  }
  return out;
}

/**
 * The idempotency mechanism of an operation: a key header (required or optional); a request-body field named like an
 * idempotency key (`idempotency_key`), or the field named by `x-idempotency: { field: <name> }`; or the bare
 * declaration `x-idempotency: body-field`. Undefined when the operation offers none.
 */
export function idempotencyMechanism(root: JsonObject, op: OperationRef, options: IdempotencyOptions | null | undefined): IdempotencyMechanism | undefined {
  const header = idempotencyHeader(root, op, options);
  if (header) return { kind: 'header', ref: header, required: header.header.required === true };
  const declared = op.operation['x-idempotency'];
  const fields = bodyFields(root, op);
  if (isObject(declared) && typeof declared.field === 'string') {
    const field = declared.field;
    const prop = fields.find((p) => p.name === field);
    return { kind: 'body-field', name: field, required: prop?.required === true, declared: true, path: prop?.path ?? [...op.path, 'x-idempotency', 'field'] };
  }
  if (declared === 'body-field') return { kind: 'declared-body-field' };
  const named = fields.find((p) => tokenize(p.name).includes('idempotency'));
  if (named) return { kind: 'body-field', name: named.name, required: named.required, declared: false, path: named.path };
  return undefined;
}

/** Every operation under `paths` that accepts an idempotency key header, with the header. */
export function operationsWithIdempotencyHeader(root: JsonObject, options: IdempotencyOptions | null | undefined): { op: OperationRef; ref: HeaderRef }[] {
  const out: { op: OperationRef; ref: HeaderRef }[] = [];
  for (const op of operations(root)) {
    const ref = idempotencyHeader(root, op, options);
    if (ref) out.push({ op, ref });
  }
  return out;
}
