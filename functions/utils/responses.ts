import { entries, isObject, type JsonObject, type JsonPath } from './guards.js';
import { resolveLocal } from './headers.js';
import { memoPerDocument } from './memo.js';
import { oasVersion, type OperationRef } from './oas.js';

/**
 * Response keys and bodies (catalogue §4.6 `hasStatus`). A Responses Object can name a status three ways: an explicit
 * code (`429`), a range (`4XX`, OAS 3.x; matched case-insensitively because `4xx` is common), or `default` (every
 * status not declared otherwise). Rules differ in which of these answer their question (a `4XX` range does not tell a
 * client that the operation is rate limited, but a `default` with a schema does document an error body), so each rule
 * says which forms count through `StatusMatch`.
 */

/** Which response keys stand for a status besides the explicit code. */
export interface StatusMatch {
  /** The `NXX` range of the code counts (`4XX` for 429). */
  ranges?: boolean;
  /** `default` counts. */
  default?: boolean;
}

export interface ResponseRef {
  /** The key as written: `200`, `4XX`, `default`. */
  status: string;
  /** The Response Object, `$ref` followed. */
  response: JsonObject;
  /** JSON path of the response entry under the operation. */
  path: JsonPath;
}

/** `2`, `4`, `5`... for `200`/`2XX`; `default` for default; undefined for anything else (extensions, typos). */
export function statusClass(key: string): string | undefined {
  if (key === 'default') return 'default';
  const m = /^([1-5])(?:[0-9]{2}|XX)$/i.exec(key);
  return m ? m[1] : undefined;
}

export function isRangeKey(key: string): boolean {
  return /^[1-5]XX$/i.test(key);
}

/** 4xx, 5xx, `4XX`, `5XX` or `default`: the keys that can describe an error. */
export function isErrorStatus(key: string): boolean {
  const c = statusClass(key);
  return c === '4' || c === '5' || c === 'default';
}

/** The responses of an operation (extension keys skipped, `$ref` followed), in document order. */
export function operationResponses(root: JsonObject, op: OperationRef): ResponseRef[] {
  const out: ResponseRef[] = [];
  for (const [status, raw] of entries(resolveLocal(root, op.operation.responses))) {
    if (status.startsWith('x-')) continue;
    const response = resolveLocal(root, raw);
    if (isObject(response)) out.push({ status, response, path: [...op.path, 'responses', status] });
  }
  return out;
}

/**
 * The response that stands for `code` in an operation: the explicit code first, then (if `match` allows) its `NXX`
 * range, then `default`. Undefined when none of the allowed forms is declared.
 */
export function hasStatus(root: JsonObject, op: OperationRef, code: string | number, match: StatusMatch = {}): ResponseRef | undefined {
  const wanted = String(code);
  const responses = operationResponses(root, op);
  const exact = responses.find((r) => r.status === wanted);
  if (exact) return exact;
  if (match.ranges) {
    const range = responses.find((r) => isRangeKey(r.status) && r.status[0] === wanted[0]);
    if (range) return range;
  }
  if (match.default) return responses.find((r) => r.status === 'default');
  return undefined;
}

/** Whether one of the explicit codes is declared (no ranges, no default). */
export function declaresAny(root: JsonObject, op: OperationRef, codes: readonly (string | number)[]): ResponseRef | undefined {
  const wanted = new Set(codes.map(String));
  return operationResponses(root, op).find((r) => wanted.has(r.status));
}

/** The body schemas of a response with their paths relative to it: 3.x `content.<media>.schema`, 2.0 `schema`. */
export function responseBodySchemas(root: JsonObject, response: JsonObject): { schema: JsonObject; path: JsonPath; mediaType?: string }[] {
  if (oasVersion(root) === '2.0') {
    const schema = resolveLocal(root, response.schema);
    return isObject(schema) ? [{ schema, path: ['schema'] }] : [];
  }
  const out: { schema: JsonObject; path: JsonPath; mediaType?: string }[] = [];
  for (const [mediaType, media] of entries(resolveLocal(root, response.content))) {
    const m = resolveLocal(root, media);
    const schema = isObject(m) ? resolveLocal(root, m.schema) : undefined;
    if (isObject(schema)) out.push({ schema, path: ['content', mediaType, 'schema'], mediaType });
  }
  return out;
}

/** Whether a response documents a body with a schema (an empty `{}` schema does not describe anything). */
export function hasBodySchema(root: JsonObject, response: JsonObject): boolean {
  return responseBodySchemas(root, response).some((b) => Object.keys(b.schema).length > 0);
}

/** Reusable responses (3.x `components.responses`, 2.0 root `responses`) by object, with their own JSON path. */
export function componentResponsePaths(root: JsonObject): ReadonlyMap<object, JsonPath> {
  return memoPerDocument(root, 'componentResponsePaths', () => {
    const out = new Map<object, JsonPath>();
    const [container, base]: [unknown, JsonPath] =
      oasVersion(root) === '2.0'
        ? [root.responses, ['responses']]
        : [isObject(root.components) ? root.components.responses : undefined, ['components', 'responses']];
    for (const [name, response] of entries(container)) {
      if (isObject(response) && !out.has(response)) out.set(response, [...base, name]);
    }
    return out;
  });
}

/**
 * Where to report a finding about a response: its own `components` path when it is a reusable response (so a shared
 * response is reported once, where it is written), else its path under the operation.
 */
export function responseReportPath(root: JsonObject, ref: ResponseRef): JsonPath {
  return componentResponsePaths(root).get(ref.response) ?? ref.path;
}

/** The component name of a reusable response, if it is one. */
export function componentResponseName(root: JsonObject, response: object): string | undefined {
  const path = componentResponsePaths(root).get(response);
  return path ? String(path[path.length - 1]) : undefined;
}
