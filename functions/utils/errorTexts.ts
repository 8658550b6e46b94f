import { asArray, entries, isObject, type JsonObject, type JsonPath } from './guards.js';
import { resolveLocal } from './headers.js';
import { responseBodySchemas, type ResponseRef } from './responses.js';

/**
 * The documented texts of an error response: its description, the string `enum`/`const` values of its body schema
 * (properties, items and composition branches, a few levels deep), schema `example`/`examples`, and the response's
 * own examples (3.x `content.*.example`/`examples.*.value`, 2.0 `examples`). Each text carries the JSON path of the
 * node it was found in. Used to find lock-out codes and factor-revealing error codes on authentication operations,
 * which are few, so a bounded per-response scan stays cheap.
 */
export interface DocumentedText {
  text: string;
  /** JSON path of the node holding it (the `enum` array, the `example` value, the `description`). */
  path: JsonPath;
  /**
   * Identity of that node, the same wherever it is reached from: the holding object (schema, media type, Example
   * Object, response) and the key under it. A shared schema's `enum` reached from two operations has one `node`.
   */
  node: { holder: object; key: string };
}

const MAX_DEPTH = 6;
const MAX_TEXTS = 2000;

function collectValues(value: unknown, path: JsonPath, node: DocumentedText['node'], out: DocumentedText[], depth: number): void {
  if (out.length >= MAX_TEXTS || depth > MAX_DEPTH) return;
  if (typeof value === 'string') out.push({ text: value, path, node });
  else if (Array.isArray(value)) value.forEach((v) => collectValues(v, path, node, out, depth + 1));
  else if (isObject(value)) for (const [, v] of Object.entries(value)) collectValues(v, path, node, out, depth + 1);
}

function collectSchema(root: JsonObject, raw: unknown, path: JsonPath, out: DocumentedText[], seen: Set<object>, depth: number): void {
  const schema = resolveLocal(root, raw);
  if (!isObject(schema) || seen.has(schema) || depth > MAX_DEPTH || out.length >= MAX_TEXTS) return;
  seen.add(schema);
  asArray(schema.enum).forEach((v) => typeof v === 'string' && out.push({ text: v, path: [...path, 'enum'], node: { holder: schema, key: 'enum' } }));
  if (typeof schema.const === 'string') out.push({ text: schema.const, path: [...path, 'const'], node: { holder: schema, key: 'const' } });
  if (schema.example !== undefined) collectValues(schema.example, [...path, 'example'], { holder: schema, key: 'example' }, out, 0);
  if (Array.isArray(schema.examples)) collectValues(schema.examples, [...path, 'examples'], { holder: schema, key: 'examples' }, out, 0);
  for (const [name, prop] of entries(schema.properties)) collectSchema(root, prop, [...path, 'properties', name], out, seen, depth + 1);
  collectSchema(root, schema.items, [...path, 'items'], out, seen, depth + 1);
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    asArray(schema[key]).forEach((member, i) => collectSchema(root, member, [...path, key, i], out, seen, depth + 1));
  }
}

/** Texts documented on an error response; paths are relative to `base` (the response's JSON path). */
export function documentedTexts(root: JsonObject, ref: ResponseRef, base: JsonPath): DocumentedText[] {
  const out: DocumentedText[] = [];
  const { response } = ref;
  if (typeof response.description === 'string') {
    out.push({ text: response.description, path: [...base, 'description'], node: { holder: response, key: 'description' } });
  }
  const seen = new Set<object>();
  for (const body of responseBodySchemas(root, response)) collectSchema(root, body.schema, [...base, ...body.path], out, seen, 0);
  for (const [mediaType, media] of entries(resolveLocal(root, response.content))) {
    if (!isObject(media)) continue;
    const mPath = [...base, 'content', mediaType];
    if (media.example !== undefined) collectValues(media.example, [...mPath, 'example'], { holder: media, key: 'example' }, out, 0);
    for (const [name, example] of entries(media.examples)) {
      const ex = resolveLocal(root, example);
      if (isObject(ex) && ex.value !== undefined) collectValues(ex.value, [...mPath, 'examples', name, 'value'], { holder: ex, key: 'value' }, out, 0);
    }
  }
  for (const [mime, example] of entries(response.examples)) {
    collectValues(example, [...base, 'examples', mime], { holder: response, key: `examples/${mime}` }, out, 0);
  }
  return out;
}
