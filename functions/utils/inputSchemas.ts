import { asArray, isObject, type JsonObject } from './guards.js';
import { memoPerDocument } from './memo.js';
import { isJsonMediaType, mediaRange } from './mediaTypes.js';
import { describeOperation, oasVersion, type OperationRef } from './oas.js';
import { componentSchemaName, mergeAllOf, schemaIndex, schemaVisits, type SchemaVisit } from './schemaWalker.js';

/**
 * Shared helpers for the input-validation rules (catalogue §5 G) on top of the schema walker (§4.1):
 *
 * - which schema visits are *input* (what a client sends and the API must validate: parameters and request bodies of
 *   the API's own operations, not the requests the provider sends in callbacks and webhooks), once per schema object;
 * - the JSON Schema dialect of the document (draft-04 subset in OAS 2.0/3.0, 2020-12 in OAS 3.1), which decides how
 *   `exclusiveMinimum`/`exclusiveMaximum`, `const` and `unevaluatedProperties` are read;
 * - constraints contributed by `allOf` members (the walker's `merged` view) and by the schema that composes a
 *   `oneOf`/`anyOf` branch (`{ type: string, maxLength: 35, oneOf: [...] }` bounds every branch);
 * - a subject phrase for messages (`Query parameter "limit" of GET /payments`).
 */

/** `legacy`: OAS 2.0 and 3.0 (JSON Schema draft-04 subset); `modern`: OAS 3.1 and later (JSON Schema 2020-12). */
export type Dialect = 'legacy' | 'modern';

export function dialectOf(root: JsonObject): Dialect {
  const v = oasVersion(root);
  return v === '2.0' || v === '3.0' ? 'legacy' : 'modern';
}

/** Declared types without `null` (3.1 `type: [string, "null"]` is a string). */
export function typesOf(schema: JsonObject): string[] {
  if (typeof schema.type === 'string') return schema.type === 'null' ? [] : [schema.type];
  return asArray(schema.type).filter((t): t is string => typeof t === 'string' && t !== 'null');
}

/** Whether a visit is data a client sends to the API (a request of one of the API's own operations). */
export function isInbound(visit: SchemaVisit): boolean {
  return visit.ctx.direction === 'request' && !visit.ctx.outbound;
}

/** The first inbound visit of every schema object: one finding per schema, however many operations use it. */
export function inboundVisits(root: JsonObject): SchemaVisit[] {
  return memoPerDocument(root, 'input:inboundVisits', () => firstPerSchema(schemaVisits(root).filter(isInbound)));
}

/** The first visit of every schema object, in either direction. */
export function visitsOncePerSchema(root: JsonObject): SchemaVisit[] {
  return memoPerDocument(root, 'input:visitsOnce', () => firstPerSchema(schemaVisits(root)));
}

function firstPerSchema(visits: readonly SchemaVisit[]): SchemaVisit[] {
  const seen = new Set<object>();
  const out: SchemaVisit[] = [];
  for (const v of visits) {
    if (seen.has(v.schema)) continue;
    seen.add(v.schema);
    out.push(v);
  }
  return out;
}

/** Composition branch object -> the schemas whose `oneOf`/`anyOf` (directly or through `allOf` members) list it. */
function composers(root: JsonObject): Map<object, JsonObject[]> {
  return memoPerDocument(root, 'input:composers', () => {
    const out = new Map<object, JsonObject[]>();
    const done = new Set<object>();
    const collect = (owner: JsonObject, s: JsonObject, seen: Set<object>) => {
      if (seen.has(s)) return;
      seen.add(s);
      for (const key of ['oneOf', 'anyOf'] as const) {
        for (const branch of asArray(s[key])) {
          if (!isObject(branch)) continue;
          const list = out.get(branch) ?? [];
          if (!list.includes(owner)) list.push(owner);
          out.set(branch, list);
        }
      }
      for (const m of asArray(s.allOf)) if (isObject(m)) collect(owner, m, seen);
    };
    for (const v of schemaVisits(root)) {
      if (done.has(v.schema)) continue;
      done.add(v.schema);
      collect(v.schema, v.schema, new Set());
    }
    return out;
  });
}

/**
 * Whether a constraint holds for a schema: on its own (allOf-merged) view, or, for a `oneOf`/`anyOf` branch, on every
 * schema that composes it (whose keywords apply to the branch's instances too), or, for a composing schema, on every
 * one of its branches.
 */
export function holds(root: JsonObject, schema: JsonObject, predicate: (merged: JsonObject) => boolean): boolean {
  const comps = composers(root);
  const up = (s: JsonObject, depth: number): boolean => {
    const merged = mergeAllOf(s);
    if (predicate(merged) || everyBranch(merged, predicate, 0)) return true;
    if (depth > 8) return false;
    const parents = comps.get(s);
    return parents !== undefined && parents.length > 0 && parents.every((p) => up(p, depth + 1));
  };
  return up(schema, 0);
}

function everyBranch(merged: JsonObject, predicate: (merged: JsonObject) => boolean, depth: number): boolean {
  if (depth > 8) return false;
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = asArray(merged[key]).filter(isObject);
    if (branches.length === 0) continue;
    if (branches.every((b) => { const m = mergeAllOf(b); return predicate(m) || everyBranch(m, predicate, depth + 1); })) return true;
  }
  return false;
}

/** `const` is a keyword of JSON Schema 2020-12 (OAS 3.1), not of the draft-04 subset of OAS 2.0/3.0. */
export function hasConst(schema: JsonObject, dialect: Dialect): boolean {
  return dialect === 'modern' && Object.prototype.hasOwnProperty.call(schema, 'const');
}

export function hasEnum(schema: JsonObject): boolean {
  return Array.isArray(schema.enum) && schema.enum.length > 0;
}

/** A `const` written in an OAS 2.0/3.0 schema, which validators of those versions ignore. */
export function ignoredConst(schema: JsonObject, dialect: Dialect): boolean {
  return dialect === 'legacy' && Object.prototype.hasOwnProperty.call(schema, 'const') && !hasEnum(schema);
}

/**
 * File uploads, judged by fin-input-upload-limits rather than by the string rules: 2.0 `type: file`, `format: binary`,
 * 3.1 `contentMediaType`, and base64 content (`format: byte`, `contentEncoding`) sent as a multipart part or a raw body.
 * Base64 values inside JSON or XML documents (a 3-D Secure CAVV, a certificate) are ordinary strings.
 */
export function isUpload(visit: SchemaVisit): boolean {
  const m = visit.merged;
  if (m.type === 'file' || m.format === 'binary' || typeof m.contentMediaType === 'string') return true;
  if (m.format !== 'byte' && typeof m.contentEncoding !== 'string') return false;
  if (visit.ctx.location !== 'body' || visit.ctx.mediaType === undefined) return false;
  const media = mediaRange(visit.ctx.mediaType);
  const bodySchema = requestBodySchema(visit);
  if (visit.schema === bodySchema) return !isJsonMediaType(media) && !media.endsWith('xml') && media !== 'application/x-www-form-urlencoded';
  return media.startsWith('multipart/') && bodySchema !== undefined && visit.parent === bodySchema;
}

/** The schema of the request body media type a visit was reached through. */
function requestBodySchema(visit: SchemaVisit): JsonObject | undefined {
  const body = visit.ctx.operation?.operation.requestBody;
  const content = isObject(body) && isObject(body.content) ? body.content : undefined;
  const media = content !== undefined && visit.ctx.mediaType !== undefined ? content[visit.ctx.mediaType] : undefined;
  return isObject(media) && isObject(media.schema) ? media.schema : undefined;
}

/** `POST /payments`, `webhook "payment.created"`, `POST of reusable path item "Payments"`. */
export function describeOp(op: OperationRef | undefined): string {
  if (op === undefined) return 'an operation';
  if (op.kind === 'webhook') return `webhook "${op.pathKey}"`;
  if (op.kind === 'callback') return `callback ${describeOperation(op)}`;
  if (op.path[0] === 'components') return `${op.method.toUpperCase()} of reusable path item "${op.pathKey}"`;
  return describeOperation(op);
}

const PARAMETER_WORDS: Record<string, string> = {
  query: 'Query parameter',
  path: 'Path parameter',
  header: 'Header',
  cookie: 'Cookie',
  formData: 'Form field',
  querystring: 'Query string',
};

/**
 * Nameless schemas (array items, map values, oneOf/anyOf branches) -> the name of the nearest named schema that holds
 * them (`payments` for the items of `payments: [...]`). Built once per document from the walker's child index.
 */
function containerNames(root: JsonObject): Map<object, string> {
  return memoPerDocument(root, 'input:containerNames', () => {
    const index = schemaIndex(root);
    const out = new Map<object, string>();
    for (const v of index.visits) {
      const own = v.name ?? out.get(v.schema);
      if (own === undefined) continue;
      for (const child of index.childVisits(v.schema, v.ctx)) {
        if (child.name === undefined && !out.has(child.schema)) out.set(child.schema, own);
      }
    }
    return out;
  });
}

/** The name a schema is known by in messages: the property or parameter name, or that of the array/map that holds it. */
export function fieldName(visit: SchemaVisit, root?: JsonObject): string | undefined {
  if (visit.name !== undefined) return visit.name;
  const last = visit.path[visit.path.length - 1];
  const prev = visit.path[visit.path.length - 2];
  if (last === 'items' || last === 'additionalProperties' || prev === 'prefixItems' || prev === 'oneOf' || prev === 'anyOf') {
    return visit.parentName ?? (root !== undefined ? containerNames(root).get(visit.schema) : undefined);
  }
  return undefined;
}

/**
 * A subject phrase for messages: `Query parameter "limit" of GET /payments`, `Property "reference" in the request body
 * of POST /payments`, `An item of "tags" in ...`, `The request body of POST /payments`; plus the component schema name
 * when the schema is a shared component (the finding is reported there).
 */
export function describeSubject(root: JsonObject, visit: SchemaVisit): string {
  const op = describeOp(visit.ctx.operation);
  const component = componentSchemaName(root, visit.schema);
  const suffix = component !== undefined ? ` (schema "${component}")` : '';
  const response = visit.ctx.direction === 'response';
  const where = response
    ? `the ${visit.ctx.status ?? ''} response of ${op}`.replace('the  response', 'a response')
    : visit.ctx.location === 'body'
      ? `the request body of ${op}`
      : `the request of ${op}`;
  if (visit.isParameter && visit.name !== undefined) {
    if (response) return `Header "${visit.name}" of ${where}${suffix}`;
    return `${PARAMETER_WORDS[visit.ctx.location] ?? 'Parameter'} "${visit.name}" of ${op}${suffix}`;
  }
  if (visit.name !== undefined && visit.parent !== undefined) return `Property "${visit.name}" in ${where}${suffix}`;
  const last = visit.path[visit.path.length - 1];
  const prev = visit.path[visit.path.length - 2];
  const container = fieldName(visit, root);
  const holder = container !== undefined ? ` of "${container}"` : '';
  if (last === 'items' || prev === 'prefixItems') return `An item${holder} in ${where}${suffix}`;
  if (last === 'additionalProperties') return `A map value${holder} in ${where}${suffix}`;
  if (prev === 'oneOf' || prev === 'anyOf') return `${prev === 'anyOf' ? 'An' : 'A'} ${String(prev)} branch${holder} in ${where}${suffix}`;
  if (last === 'schema' && visit.ctx.location === 'body') {
    const media = visit.ctx.mediaType !== undefined ? ` (${visit.ctx.mediaType})` : '';
    return response ? `The body of ${where}${media}${suffix}` : `The request body of ${op}${media}${suffix}`;
  }
  return `A schema in ${where}${suffix}`;
}
