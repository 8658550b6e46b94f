import { asArray, entries, isObject, type JsonObject, type JsonPath } from './guards.js';
import type { OperationRef } from './oas.js';

/**
 * Header lookups (catalogue §4.6 `headerLookup`). HTTP field names are case-insensitive (RFC 9110 §5.1), so
 * `retry-after`, `Retry-After` and `RETRY-AFTER` are the same header. Rules normally run on Spectral's resolved
 * document, where `$ref`s to `components.headers` / `components.parameters` (2.0: root `parameters`) are already the
 * target objects; a local `$ref` that is still present (a rule run with `resolved: false`, or a document the resolver
 * left alone) is followed here too, so callers never see a bare `{ $ref }`.
 */

export interface HeaderRef {
  /** The name as written in the document. */
  name: string;
  /** The Header Object (or, for request headers, the Parameter Object), `$ref` followed. */
  header: JsonObject;
  /** JSON path of the header entry as written (`...responses.429.headers.Retry-After`). */
  path: JsonPath;
}

/** Follows local `$ref`s (`#/components/headers/RateLimit`) within the document; gives up on cycles or remote refs. */
export function resolveLocal(root: JsonObject, value: unknown): unknown {
  let current = value;
  const seen = new Set<unknown>();
  while (isObject(current) && typeof current.$ref === 'string') {
    if (seen.has(current)) return undefined;
    seen.add(current);
    const ref = current.$ref;
    if (!ref.startsWith('#')) return current;
    let target: unknown = root;
    for (const raw of ref.slice(1).split('/').slice(1)) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      target = isObject(target) ? target[key] : Array.isArray(target) ? target[Number(key)] : undefined;
    }
    current = target;
  }
  return current;
}

/** The entries of a `headers` map (Response Object, 3.x Encoding Object), `$ref` followed, extension keys skipped. */
export function headerEntries(root: JsonObject, headers: unknown, base: JsonPath): HeaderRef[] {
  const out: HeaderRef[] = [];
  for (const [name, raw] of entries(resolveLocal(root, headers))) {
    if (name.startsWith('x-') && !isObject(raw)) continue;
    const header = resolveLocal(root, raw);
    if (isObject(header)) out.push({ name, header, path: [...base, name] });
  }
  return out;
}

/** Lower-cased names of a response's headers. */
export function headerNameSet(root: JsonObject, response: JsonObject): Set<string> {
  return new Set(headerEntries(root, response.headers, []).map((h) => h.name.toLowerCase()));
}

/**
 * The first header of a response (or any object with `headers`) whose name equals one of `names`,
 * case-insensitively. `base` is the JSON path of the holder.
 */
export function findHeader(root: JsonObject, holder: JsonObject, base: JsonPath, names: string | readonly string[]): HeaderRef | undefined {
  const wanted = new Set((typeof names === 'string' ? [names] : names).map((n) => n.toLowerCase()));
  return headerEntries(root, holder.headers, [...base, 'headers']).find((h) => wanted.has(h.name.toLowerCase()));
}

/**
 * The header parameters that apply to an operation: path-item parameters overridden by operation parameters with
 * the same (case-insensitive) name, as OpenAPI prescribes. `$ref`s followed.
 */
export function requestHeaders(root: JsonObject, op: OperationRef): HeaderRef[] {
  const byName = new Map<string, HeaderRef>();
  const collect = (list: unknown, base: JsonPath) =>
    asArray(list).forEach((raw, i) => {
      const p = resolveLocal(root, raw);
      if (isObject(p) && typeof p.name === 'string' && typeof p.in === 'string' && p.in.toLowerCase() === 'header') {
        byName.set(p.name.toLowerCase(), { name: p.name, header: p, path: [...base, i] });
      }
    });
  collect(op.pathItem.parameters, [...op.path.slice(0, -1), 'parameters']);
  collect(op.operation.parameters, [...op.path, 'parameters']);
  return [...byName.values()];
}

/** The request header parameter of an operation named like one of `names` (case-insensitive), if any. */
export function findRequestHeader(root: JsonObject, op: OperationRef, names: string | readonly string[]): HeaderRef | undefined {
  const wanted = new Set((typeof names === 'string' ? [names] : names).map((n) => n.toLowerCase()));
  return requestHeaders(root, op).find((h) => wanted.has(h.name.toLowerCase()));
}

/**
 * The schema describing a header's (or header parameter's) value: 3.x `schema` or the first `content.*.schema`; 2.0
 * the Header Object itself, whose inline `type`/`format`/`maxLength` act as its schema.
 */
export function headerValueSchema(root: JsonObject, header: JsonObject): JsonObject | undefined {
  const schema = resolveLocal(root, header.schema);
  if (isObject(schema)) return schema;
  for (const [, media] of entries(header.content)) {
    const s = isObject(media) ? resolveLocal(root, media.schema) : undefined;
    if (isObject(s)) return s;
  }
  return typeof header.type === 'string' ? header : undefined;
}
