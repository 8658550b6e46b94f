import { isObject, type JsonObject, type JsonPath } from './guards.js';
import { findHeader, requestHeaders, type HeaderRef } from './headers.js';
import { findDefaultResponseHeader, type DefaultHeader } from './headerValues.js';
import { memoPerDocument } from './memo.js';
import { operations, type OperationRef } from './oas.js';
import { parameterObjects } from './parameters.js';
import { componentResponsePaths, operationResponses, type ResponseRef } from './responses.js';

/**
 * Correlation (request / interaction / trace) id headers (catalogue §5 K): the header a client sends so that its own
 * logs, the gateway's and the provider's can be joined, and that the provider echoes in every response. Shared by
 * fin-audit-correlation-id and fin-audit-correlation-id-format. Names are matched case-insensitively and through
 * `components.parameters` / `components.headers` (`$ref`s are resolved before rules run).
 */

export const DEFAULT_CORRELATION_HEADERS: readonly string[] = [
  'X-Request-ID',
  'X-Correlation-ID',
  'x-fapi-interaction-id',
  'traceparent',
  'Request-Id',
  'Correlation-Id',
];

export interface CorrelationOptions {
  /** Header names that carry a correlation id (case-insensitive); replaces the defaults. */
  headerNames?: string[];
}

export const CORRELATION_OPTION_PROPERTIES = {
  headerNames: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
} as const;

export function correlationNames(options: CorrelationOptions | null | undefined): string[] {
  return options?.headerNames ?? [...DEFAULT_CORRELATION_HEADERS];
}

/** The correlation header an operation accepts, if any. */
export function acceptedCorrelationHeader(root: JsonObject, op: OperationRef, names: readonly string[]): HeaderRef | undefined {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return requestHeaders(root, op).find((h) => wanted.has(h.name.toLowerCase()));
}

/** The correlation header a response returns, if any. */
export function returnedCorrelationHeader(root: JsonObject, response: ResponseRef, names: readonly string[]): HeaderRef | undefined {
  return findHeader(root, response.response, response.path, names);
}

/** The correlation header the gateway adds to every response (`x-default-response-headers`), if declared. */
export function defaultCorrelationHeader(root: JsonObject, names: readonly string[]): DefaultHeader | undefined {
  return findDefaultResponseHeader(root, names);
}

export interface CorrelationHeaderDeclaration {
  name: string;
  /** The Parameter Object (request) or Header Object (response). */
  header: JsonObject;
  /** Where it is written: its `components` entry when it is shared, else its first use. */
  path: JsonPath;
  kind: 'request' | 'response';
  /** `GET /accounts` or `the 200 response of GET /accounts`, for messages; undefined for unused components. */
  where?: string;
}

/**
 * Every correlation header declaration of a document, once per object: request header parameters (each Parameter
 * Object once, components first) and response headers (each Header Object once; a shared response or
 * `components.headers` entry is reported where it is written). Memoised per document and name list.
 */
export function correlationDeclarations(root: JsonObject, names: readonly string[]): CorrelationHeaderDeclaration[] {
  const key = names.map((n) => n.toLowerCase()).join('\n');
  return memoPerDocument(root, `correlationDeclarations:${key}`, () => {
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    const out: CorrelationHeaderDeclaration[] = [];
    const seen = new Set<object>();
    for (const ref of parameterObjects(root)) {
      if (ref.in.toLowerCase() !== 'header' || !wanted.has(ref.name.toLowerCase()) || seen.has(ref.parameter)) continue;
      seen.add(ref.parameter);
      out.push({ name: ref.name, header: ref.parameter, path: ref.path, kind: 'request', where: ref.pathKeys.length > 0 ? `request header of ${ref.pathKeys[0]}` : undefined });
    }
    // Reusable headers first, so that a shared Header Object is reported at its own path.
    const components = isObject(root.components) ? root.components : undefined;
    if (components && isObject(components.headers)) {
      for (const [name, header] of Object.entries(components.headers)) {
        if (!isObject(header) || seen.has(header)) continue;
        const declared = typeof header.name === 'string' ? header.name : name;
        if (!wanted.has(name.toLowerCase()) && !wanted.has(declared.toLowerCase())) continue;
        seen.add(header);
        out.push({ name, header, path: ['components', 'headers', name], kind: 'response' });
      }
    }
    const responsePaths = componentResponsePaths(root);
    for (const op of operations(root)) {
      for (const response of operationResponses(root, op)) {
        const base = responsePaths.get(response.response) ?? response.path;
        const found = findHeader(root, response.response, base, names);
        if (!found || seen.has(found.header)) continue;
        seen.add(found.header);
        out.push({ name: found.name, header: found.header, path: found.path, kind: 'response', where: `the ${response.status} response of ${op.method.toUpperCase()} ${op.pathKey}` });
      }
    }
    return out;
  });
}
