import { asArray, entries, isObject, type JsonObject, type JsonPath } from './guards.js';
import { resolveLocal } from './headers.js';
import { memoPerDocument } from './memo.js';

/**
 * What a document says a header's *value* is, for the header rules (catalogue §5 M) and the correlation and
 * idempotency rules: the values a Header Object (or header Parameter Object) pins down with `enum`, `const`,
 * `default` and examples, in every OAS version, and the gateway-level `x-default-response-headers` declaration.
 * Complements headers.ts, which finds headers by name.
 */

export interface DeclaredValue {
  value: unknown;
  /** JSON path of the value (`...headers.Cache-Control.schema.enum.0`). */
  path: JsonPath;
}

/** Keywords of a schema (or 2.0 inline header) that pin down or illustrate values. */
function schemaValues(schema: unknown, base: JsonPath, out: DeclaredValue[]): void {
  if (!isObject(schema)) return;
  asArray(schema.enum).forEach((v, i) => out.push({ value: v, path: [...base, 'enum', i] }));
  if ('const' in schema) out.push({ value: schema.const, path: [...base, 'const'] });
  if ('default' in schema) out.push({ value: schema.default, path: [...base, 'default'] });
  if ('example' in schema) out.push({ value: schema.example, path: [...base, 'example'] });
  if ('x-example' in schema) out.push({ value: schema['x-example'], path: [...base, 'x-example'] });
  asArray(schema.examples).forEach((v, i) => out.push({ value: v, path: [...base, 'examples', i] }));
  if (isObject(schema.items)) schemaValues(schema.items, [...base, 'items'], out);
}

/**
 * Every value a header declares: 3.x `schema` (`enum`, `const`, `default`, `example`, 3.1 `examples`), the header's
 * own `example` and `examples.*.value`, `content.*` schemas and examples; 2.0 inline `enum`, `default`, `x-example`.
 * `base` is the JSON path of the header.
 */
export function declaredHeaderValues(root: JsonObject, header: JsonObject, base: JsonPath): DeclaredValue[] {
  const out: DeclaredValue[] = [];
  const schema = resolveLocal(root, header.schema);
  if (isObject(schema)) schemaValues(schema, [...base, 'schema'], out);
  else if (typeof header.type === 'string') schemaValues(header, base, out);
  if ('example' in header && isObject(schema)) out.push({ value: header.example, path: [...base, 'example'] });
  const exampleMap = (examples: unknown, at: JsonPath) => {
    for (const [key, ex] of entries(examples)) {
      const example = resolveLocal(root, ex);
      if (isObject(example) && 'value' in example) out.push({ value: example.value, path: [...at, key, 'value'] });
    }
  };
  exampleMap(header.examples, [...base, 'examples']);
  for (const [mediaType, media] of entries(header.content)) {
    if (!isObject(media)) continue;
    const at: JsonPath = [...base, 'content', mediaType];
    schemaValues(resolveLocal(root, media.schema), [...at, 'schema'], out);
    if ('example' in media) out.push({ value: media.example, path: [...at, 'example'] });
    exampleMap(media.examples, [...at, 'examples']);
  }
  return out;
}

/** The string values a header declares (numbers and booleans as their text), with their paths. */
export function declaredHeaderStrings(root: JsonObject, header: JsonObject, base: JsonPath): { text: string; path: JsonPath }[] {
  return declaredHeaderValues(root, header, base).flatMap((v) =>
    typeof v.value === 'string' || typeof v.value === 'number' || typeof v.value === 'boolean' ? [{ text: String(v.value), path: v.path }] : [],
  );
}

/** A header's own `description` plus its schema's. */
export function headerDescription(root: JsonObject, header: JsonObject): string {
  const parts: string[] = [];
  if (typeof header.description === 'string') parts.push(header.description);
  const schema = resolveLocal(root, header.schema);
  if (isObject(schema) && typeof schema.description === 'string') parts.push(schema.description);
  return parts.join('\n');
}

/** One entry of the document-level `x-default-response-headers` declaration. */
export interface DefaultHeader {
  /** Header name as written. */
  name: string;
  /** Values it gives, if any (`Cache-Control: no-store` -> `no-store`). */
  values: string[];
  /** The Header Object, when the declaration uses the map form with Header Objects. */
  header?: JsonObject;
  path: JsonPath;
}

/**
 * The headers a gateway adds to every response, declared once for the document (catalogue §5 M) in
 * `x-default-response-headers` at the root (or in `info`). Accepted forms:
 *
 * - a list of names, optionally with a value: `[X-Content-Type-Options: nosniff, Strict-Transport-Security]`;
 * - a map from name to value or to a Header Object: `{ Cache-Control: no-store, X-Request-ID: { schema: {...} } }`.
 *
 * Keyed by lower-cased name; computed once per document.
 */
export function defaultResponseHeaders(root: JsonObject): ReadonlyMap<string, DefaultHeader> {
  return memoPerDocument(root, 'defaultResponseHeaders', () => {
    const out = new Map<string, DefaultHeader>();
    const holders: [unknown, JsonPath][] = [
      [root['x-default-response-headers'], ['x-default-response-headers']],
      [isObject(root.info) ? root.info['x-default-response-headers'] : undefined, ['info', 'x-default-response-headers']],
    ];
    for (const [decl, base] of holders) {
      if (Array.isArray(decl)) {
        decl.forEach((entry, i) => {
          if (typeof entry !== 'string') return;
          const colon = entry.indexOf(':');
          const name = (colon === -1 ? entry : entry.slice(0, colon)).trim();
          const value = colon === -1 ? '' : entry.slice(colon + 1).trim();
          if (name.length > 0) out.set(name.toLowerCase(), { name, values: value ? [value] : [], path: [...base, i] });
        });
      } else if (isObject(decl)) {
        for (const [name, raw] of Object.entries(decl)) {
          const path = [...base, name];
          const value = resolveLocal(root, raw);
          if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
            out.set(name.toLowerCase(), { name, values: [String(value)], path });
          } else if (isObject(value)) {
            const values = declaredHeaderStrings(root, value, path).map((v) => v.text);
            out.set(name.toLowerCase(), { name, values, header: value, path });
          } else {
            out.set(name.toLowerCase(), { name, values: [], path });
          }
        }
      }
    }
    return out;
  });
}

/** The default (gateway) response header named like one of `names`, case-insensitively. */
export function findDefaultResponseHeader(root: JsonObject, names: readonly string[]): DefaultHeader | undefined {
  const defaults = defaultResponseHeaders(root);
  for (const n of names) {
    const found = defaults.get(n.toLowerCase());
    if (found) return found;
  }
  return undefined;
}
