import { asArray, entries, isObject, type JsonObject, type JsonPath } from './guards.js';
import { memoPerDocument } from './memo.js';
import { callbackOperations, HTTP_METHODS, oasVersion, operations, webhookOperations, type OperationRef } from './oas.js';

/**
 * The schema walker (catalogue §4.1): visits every Schema Object reachable from parameters, request bodies,
 * responses, headers, callbacks, 3.1 webhooks and 3.1 `components.pathItems`, in OAS 2.0, 3.0 and 3.1, with its
 * context.
 *
 * - It runs on Spectral's resolved document, so `$ref`s are already followed; a shared component is the same
 *   JS object wherever it is referenced. Each (schema object, direction, outbound) triple is expanded once, which keeps the
 *   walk linear in the document size and makes `$ref` cycles terminate. Paths are those of the first visit;
 *   Spectral maps them back to the `$ref`'d target's own location (and file).
 * - `allOf` members are merged into one view before properties are read; `oneOf`/`anyOf` branches are walked
 *   separately.
 * - `readOnly` properties are skipped in requests and `writeOnly` properties in responses.
 * - `schemaIndex(root)` also keeps, for each expanded (schema, direction), the visits of its direct children, and for
 *   each operation its top-level visits, so that per-operation questions ("does this operation carry X anywhere?")
 *   can be answered with a memoised pass over shared schemas instead of a walk per operation.
 */

/** `request`: data a client sends; `response`: data the API returns. */
export type Direction = 'request' | 'response';
export type Location = 'body' | 'query' | 'path' | 'header' | 'cookie' | 'formData' | 'querystring';

export interface SchemaContext {
  direction: Direction;
  location: Location;
  /** Operation the schema was first reached from (undefined for components walked on their own). */
  operation?: OperationRef;
  /** Response status key (`200`, `4XX`, `default`) for response contexts. */
  status?: string;
  mediaType?: string;
  /** Whether the data leaves the API provider: API responses, and requests the provider sends (callbacks, webhooks). */
  outbound: boolean;
}

export interface SchemaVisit {
  /** The schema as written (after `$ref` resolution). */
  schema: JsonObject;
  /** `allOf` members merged into one view (the schema itself when it has no `allOf`). */
  merged: JsonObject;
  path: JsonPath;
  /** Property or parameter name under which the schema was reached, if any. */
  name?: string;
  /** True when `name` is a parameter name (the schema is the parameter's value). */
  isParameter: boolean;
  /** The object schema holding this property, when reached as a property. */
  parent?: JsonObject;
  /** Whether the holding object lists this property in `required`. */
  required: boolean;
  ctx: SchemaContext;
  /**
   * Name of the holding object (`card` for `card.number`): the property or parameter name under which it was reached,
   * or, for array items and composition branches, that of the nearest named ancestor.
   */
  parentName?: string;
  /** For parameter and header values: the Parameter or Header Object the schema describes. */
  holder?: JsonObject;
}

interface VisitAt {
  name?: string;
  isParameter: boolean;
  parent?: JsonObject;
  required: boolean;
  parentName?: string;
  holder?: JsonObject;
  /** Name passed down to nameless sub-schemas (items, branches) so their properties know their container. */
  inheritedName?: string;
}

const COMPOSITION_BRANCHES = ['oneOf', 'anyOf'] as const;

/** Merges `allOf` members (recursively) into one view; own keywords win, `properties` and `required` are unions. */
export function mergeAllOf(schema: JsonObject, seen: Set<object> = new Set()): JsonObject {
  if (!Array.isArray(schema.allOf) || seen.has(schema)) return schema;
  seen.add(schema);
  const merged: JsonObject = {};
  const properties: JsonObject = {};
  const required = new Set<string>();
  const absorb = (part: JsonObject) => {
    for (const [k, v] of Object.entries(part)) {
      if (k === 'allOf') continue;
      if (k === 'properties' && isObject(v)) Object.assign(properties, v);
      else if (k === 'required' && Array.isArray(v)) v.forEach((r) => typeof r === 'string' && required.add(r));
      else merged[k] = v;
    }
  };
  for (const member of schema.allOf) if (isObject(member)) absorb(mergeAllOf(member, seen));
  absorb(schema);
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  seen.delete(schema);
  return merged;
}

/** Properties of a schema including those contributed by `allOf` members, each with the path where it is written. */
function propertiesWithPaths(schema: JsonObject, path: JsonPath, seen: Set<object>): [string, unknown, JsonPath][] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const out: [string, unknown, JsonPath][] = [];
  if (Array.isArray(schema.allOf)) {
    schema.allOf.forEach((member, i) => {
      if (isObject(member)) out.push(...propertiesWithPaths(member, [...path, 'allOf', i], seen));
    });
  }
  for (const [name, value] of entries(schema.properties)) out.push([name, value, [...path, 'properties', name]]);
  return out;
}

export interface SchemaIndex {
  visits: SchemaVisit[];
  /** Visits of the direct children (properties, items, branches) of a schema where it was expanded in this context. */
  childVisits(schema: object, ctx: SchemaContext): readonly SchemaVisit[];
  /** Top-level visits of an operation: its parameter, request body, response body and response header schemas. */
  operationRoots: ReadonlyMap<OperationRef, readonly SchemaVisit[]>;
}

class Walker {
  readonly visits: SchemaVisit[] = [];
  /** Child visits per expanded schema, keyed like `expanded`. */
  readonly children = new Map<object, Map<string, SchemaVisit[]>>();
  readonly roots = new Map<OperationRef, SchemaVisit[]>();
  /** Expanded (schema, direction, outbound) triples: a schema shared by a request and a webhook payload is walked for both. */
  private readonly expanded = new Map<object, Set<string>>();
  private readonly version;

  constructor(private readonly root: JsonObject) {
    this.version = oasVersion(root);
  }

  run(): SchemaVisit[] {
    const walked = new Set<object>();
    const walk = (op: OperationRef, providerSends: boolean) => {
      walked.add(op.pathItem);
      this.operation(op, providerSends);
    };
    for (const op of operations(this.root)) walk(op, false);
    for (const op of webhookOperations(this.root)) walk(op, true);
    for (const op of callbackOperations(this.root)) walk(op, true);
    // 3.1 reusable path items that no path, webhook or callback uses (used ones are the same objects in the resolved
    // document and were walked above).
    for (const op of componentPathItemOperations(this.root)) if (!walked.has(op.pathItem)) this.operation(op, false);
    return this.visits;
  }

  private followCyclicRef(schema: JsonObject): [JsonObject, JsonPath] | undefined {
    return typeof schema.$ref === 'string' ? resolveLocalRef(this.root, schema) : undefined;
  }

  static expansionKey(ctx: SchemaContext): string {
    return `${ctx.direction}:${ctx.outbound}`;
  }

  /** `providerSends`: the operation is a callback/webhook, so its request is outbound and its response inbound. */
  private operation(op: OperationRef, providerSends: boolean): void {
    const roots: SchemaVisit[] = this.roots.get(op) ?? [];
    this.roots.set(op, roots);
    const before = this.visits.length;
    const reqCtx = (location: Location, mediaType?: string): SchemaContext => ({
      direction: 'request',
      location,
      operation: op,
      mediaType,
      outbound: providerSends,
    });
    const params: [unknown, JsonPath][] = [
      ...asArray(op.pathItem.parameters).map((p, i): [unknown, JsonPath] => [p, [...op.path.slice(0, -1), 'parameters', i]]),
      ...asArray(op.operation.parameters).map((p, i): [unknown, JsonPath] => [p, [...op.path, 'parameters', i]]),
    ];
    for (const [param, path] of params) this.parameter(param, path, reqCtx);

    const body = op.operation.requestBody;
    if (isObject(body)) {
      for (const [mediaType, media] of entries(body.content)) {
        if (isObject(media) && isObject(media.schema)) {
          this.schema(media.schema, [...op.path, 'requestBody', 'content', mediaType, 'schema'], reqCtx('body', mediaType), {
            isParameter: false,
            required: false,
          });
        }
      }
    }

    for (const [status, response] of entries(op.operation.responses)) {
      if (!isObject(response) || status.startsWith('x-')) continue;
      const base = [...op.path, 'responses', status];
      const resCtx = (location: Location, mediaType?: string): SchemaContext => ({
        direction: 'response',
        location,
        operation: op,
        status,
        mediaType,
        outbound: !providerSends,
      });
      if (this.version === '2.0') {
        if (isObject(response.schema)) {
          this.schema(response.schema, [...base, 'schema'], resCtx('body'), { isParameter: false, required: false });
        }
      } else {
        for (const [mediaType, media] of entries(response.content)) {
          if (isObject(media) && isObject(media.schema)) {
            this.schema(media.schema, [...base, 'content', mediaType, 'schema'], resCtx('body', mediaType), {
              isParameter: false,
              required: false,
            });
          }
        }
      }
      for (const [headerName, header] of entries(response.headers)) {
        if (!isObject(header)) continue;
        const hPath = [...base, 'headers', headerName];
        for (const [schema, sPath, mediaType] of this.valueSchemas(header, hPath)) {
          this.schema(schema, sPath, resCtx('header', mediaType), {
            name: headerName,
            isParameter: true,
            required: header.required === true,
            holder: header,
          });
        }
      }
    }
    for (let i = before; i < this.visits.length; i++) if (this.topLevel.has(this.visits[i])) roots.push(this.visits[i]);
  }

  /** Visits created directly for an operation's parameters, bodies and headers (not for their children). */
  private readonly topLevel = new Set<SchemaVisit>();

  private parameter(param: unknown, path: JsonPath, reqCtx: (l: Location, m?: string) => SchemaContext): void {
    if (!isObject(param) || typeof param.in !== 'string' || typeof param.name !== 'string') return;
    const location = param.in as Location;
    for (const [schema, sPath, mediaType] of this.valueSchemas(param, path)) {
      this.schema(schema, sPath, reqCtx(location, mediaType), {
        name: location === 'body' ? undefined : param.name,
        isParameter: location !== 'body',
        required: param.required === true,
        holder: param,
      });
    }
  }

  /**
   * The schemas describing a parameter's or header's value: 3.x `schema` or `content.*.schema`; 2.0 body `schema`,
   * or the parameter/header object itself, whose inline `type`, `maxLength`, `items`... act as its schema.
   */
  private valueSchemas(holder: JsonObject, path: JsonPath): [JsonObject, JsonPath, string | undefined][] {
    if (isObject(holder.schema)) return [[holder.schema, [...path, 'schema'], undefined]];
    const out: [JsonObject, JsonPath, string | undefined][] = [];
    for (const [mediaType, media] of entries(holder.content)) {
      if (isObject(media) && isObject(media.schema)) out.push([media.schema, [...path, 'content', mediaType, 'schema'], mediaType]);
    }
    if (out.length === 0 && this.version === '2.0' && typeof holder.type === 'string') out.push([holder, path, undefined]);
    return out;
  }

  private schema(schema: JsonObject, path: JsonPath, ctx: SchemaContext, at: VisitAt, owner?: SchemaVisit[]): void {
    const cyclic = this.followCyclicRef(schema);
    if (cyclic !== undefined) [schema, path] = cyclic;
    const merged = mergeAllOf(schema);
    if (ctx.direction === 'request' && merged.readOnly === true && at.parent) return;
    if (ctx.direction === 'response' && merged.writeOnly === true && at.parent) return;
    const visit: SchemaVisit = { schema, merged, path, ctx, name: at.name, isParameter: at.isParameter, parent: at.parent, required: at.required };
    if (at.parentName !== undefined) visit.parentName = at.parentName;
    if (at.holder !== undefined) visit.holder = at.holder;
    this.visits.push(visit);
    if (owner) owner.push(visit);
    else this.topLevel.add(visit);

    const key = Walker.expansionKey(ctx);
    let dirs = this.expanded.get(schema);
    if (dirs?.has(key)) return;
    if (!dirs) this.expanded.set(schema, (dirs = new Set()));
    dirs.add(key);
    let byKey = this.children.get(schema);
    if (!byKey) this.children.set(schema, (byKey = new Map()));
    const kids: SchemaVisit[] = [];
    byKey.set(key, kids);

    const selfName = at.name ?? at.inheritedName;
    const required = new Set(asArray(merged.required).filter((r): r is string => typeof r === 'string'));
    for (const [name, value, pPath] of propertiesWithPaths(schema, path, new Set())) {
      if (isObject(value)) {
        const child: VisitAt = { name, isParameter: false, parent: schema, required: required.has(name), parentName: selfName };
        this.schema(value, pPath, ctx, child, kids);
      }
    }
    const sub = (value: unknown, subPath: JsonPath) => {
      if (isObject(value)) this.schema(value, subPath, ctx, { isParameter: false, required: false, inheritedName: selfName }, kids);
    };
    const walkAllOfMembersForNested = (s: JsonObject, sPath: JsonPath, seen: Set<object>) => {
      if (seen.has(s)) return;
      seen.add(s);
      sub(s.items, [...sPath, 'items']);
      asArray(s.prefixItems).forEach((v, i) => sub(v, [...sPath, 'prefixItems', i]));
      sub(s.additionalProperties, [...sPath, 'additionalProperties']);
      for (const [k, v] of entries(s.patternProperties)) sub(v, [...sPath, 'patternProperties', k]);
      for (const key of COMPOSITION_BRANCHES) asArray(s[key]).forEach((v, i) => sub(v, [...sPath, key, i]));
      asArray(s.allOf).forEach((m, i) => isObject(m) && walkAllOfMembersForNested(m, [...sPath, 'allOf', i], seen));
    };
    walkAllOfMembersForNested(schema, path, new Set());
  }
}

/**
 * Spectral's resolver leaves the `$ref`s that close a reference cycle unresolved (`{ $ref: '#/components/schemas/A' }`
 * inside A's own subtree), which would cut the walk there. A local one is followed to its target, visited at the
 * target's own location; the expansion index keeps the cycle finite.
 */
function resolveLocalRef(root: JsonObject, schema: JsonObject): [JsonObject, JsonPath] | undefined {
  let current: JsonObject = schema;
  let path: JsonPath | undefined;
  for (let hops = 0; hops < 8 && typeof current.$ref === 'string' && current.$ref.startsWith('#/'); hops++) {
    const segments = current.$ref
      .slice(2)
      .split('/')
      .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: unknown = root;
    const at: JsonPath = [];
    for (const segment of segments) {
      if (Array.isArray(node) && /^[0-9]+$/.test(segment)) {
        node = node[Number(segment)];
        at.push(Number(segment));
      } else if (isObject(node)) {
        node = node[segment];
        at.push(segment);
      } else return undefined;
    }
    if (!isObject(node) || node === current) return undefined;
    current = node;
    path = at;
  }
  return path === undefined ? undefined : [current, path];
}

/** The schema walk of a document with its child and per-operation indexes, computed once per document. */
export function schemaIndex(root: JsonObject): SchemaIndex {
  return memoPerDocument(root, 'schemaIndex', () => {
    const walker = new Walker(root);
    const visits = walker.run();
    return {
      visits,
      childVisits: (schema: object, ctx: SchemaContext) => walker.children.get(schema)?.get(Walker.expansionKey(ctx)) ?? [],
      operationRoots: walker.roots,
    };
  });
}

/** All schema visits of a document, computed once per document and shared by every rule. */
export function schemaVisits(root: JsonObject): SchemaVisit[] {
  return schemaIndex(root).visits;
}

/** Operations of 3.1 `components.pathItems` (reusable path items), keyed by the component name. */
export function componentPathItemOperations(root: JsonObject): OperationRef[] {
  return memoPerDocument(root, 'componentPathItemOperations', () => {
    const out: OperationRef[] = [];
    if (!isObject(root.components)) return out;
    for (const [name, pathItem] of entries(root.components.pathItems)) {
      if (!isObject(pathItem)) continue;
      for (const method of HTTP_METHODS) {
        const operation = pathItem[method];
        if (isObject(operation)) {
          out.push({ pathKey: name, method, operation, pathItem, path: ['components', 'pathItems', name, method], kind: 'path' });
        }
      }
    }
    return out;
  });
}

/** Component schema name (3.x `components.schemas` key, 2.0 `definitions` key) of a schema object, if it is one. */
export function componentSchemaName(root: JsonObject, schema: object): string | undefined {
  return memoPerDocument(root, 'componentSchemaNames', () => {
    const names = new Map<object, string>();
    for (const c of componentSchemas(root)) if (!names.has(c.schema)) names.set(c.schema, c.name);
    return names;
  }).get(schema);
}

/** Component schemas (3.x `components.schemas`, 2.0 `definitions`) and their (allOf-merged) properties. */
export function componentSchemas(root: JsonObject): { name: string; schema: JsonObject; path: JsonPath }[] {
  return memoPerDocument(root, 'componentSchemas', () => {
    const container = oasVersion(root) === '2.0' ? root.definitions : isObject(root.components) ? root.components.schemas : undefined;
    const base: JsonPath = oasVersion(root) === '2.0' ? ['definitions'] : ['components', 'schemas'];
    return entries(container)
      .filter((e): e is [string, JsonObject] => isObject(e[1]))
      .map(([name, schema]) => ({ name, schema, path: [...base, name] }));
  });
}

/** Every property of every schema reachable from a component schema, once per (object, name). */
export function componentProperties(
  root: JsonObject,
): { name: string; schema: JsonObject; merged: JsonObject; parent: JsonObject; path: JsonPath }[] {
  return memoPerDocument(root, 'componentProperties', () => {
    const out: { name: string; schema: JsonObject; merged: JsonObject; parent: JsonObject; path: JsonPath }[] = [];
    const seen = new Set<object>();
    const visit = (schema: JsonObject, path: JsonPath) => {
      if (seen.has(schema)) return;
      seen.add(schema);
      for (const [name, value, pPath] of propertiesWithPaths(schema, path, new Set())) {
        if (!isObject(value)) continue;
        out.push({ name, schema: value, merged: mergeAllOf(value), parent: schema, path: pPath });
        visit(value, pPath);
      }
      const sub = (v: unknown, p: JsonPath) => isObject(v) && visit(v, p);
      sub(schema.items, [...path, 'items']);
      sub(schema.additionalProperties, [...path, 'additionalProperties']);
      for (const key of ['allOf', 'oneOf', 'anyOf'] as const) asArray(schema[key]).forEach((v, i) => sub(v, [...path, key, i]));
    };
    for (const { schema, path } of componentSchemas(root)) visit(schema, path);
    return out;
  });
}
