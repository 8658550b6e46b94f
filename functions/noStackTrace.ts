import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, isObject, type JsonObject } from './utils/guards.js';
import { extendClass, matchName, tokenize, type NameClass } from './utils/names.js';
import { describeOperation } from './utils/oas.js';
import { reachableFrom } from './utils/reach.js';
import { isErrorStatus } from './utils/responses.js';
import { schemaIndex, type SchemaVisit } from './utils/schemaWalker.js';

export interface NoStackTraceOptions {
  /** Extra names of internals (token sequences, e.g. `server stack`). */
  names?: string[];
  /** Extra veto tokens (e.g. `reference`). */
  vetoes?: string[];
}

/** What an internals property leaks, keyed by the matched phrase. */
const KIND: Readonly<Record<string, string>> = {
  stack: 'a stack trace',
  stacktrace: 'a stack trace',
  backtrace: 'a stack trace',
  traceback: 'a stack trace',
  trace: 'a stack trace',
  exception: 'exception details',
  debug: 'debug information',
  sql: 'SQL',
  'sql state': 'SQL',
  query: 'query text',
  cause: 'a chained cause',
  hostname: 'a host name',
  'host name': 'a host name',
  'server name': 'a host name',
  'machine name': 'a host name',
  'server version': 'a server version',
  'framework version': 'a framework version',
  'runtime version': 'a runtime version',
};

/**
 * Names of internals (catalogue I2). `trace` counts only as the whole name, so `traceId`, `trace_id` and `traceparent`
 * (correlation ids) pass; `debug` is vetoed by `id` (PayPal's `debug_id` is a correlation id); `exception` by tokens
 * that make it a business code (`exceptionCode`, `exceptionReason`).
 */
const INTERNALS: NameClass = {
  id: 'internals',
  entries: [
    { phrase: 'stack' },
    { phrase: 'stacktrace' },
    { phrase: 'backtrace' },
    { phrase: 'traceback' },
    { phrase: 'trace', exact: true },
    { phrase: 'exception', vetoes: ['code', 'codes', 'reason', 'reasons', 'status', 'category', 'date', 'time', 'count'] },
    { phrase: 'debug' },
    { phrase: 'sql' },
    { phrase: 'query', exact: true },
    { phrase: 'cause', exact: true },
    { phrase: 'hostname' },
    { phrase: 'host name' },
    { phrase: 'server name' },
    { phrase: 'machine name' },
    { phrase: 'server version' },
    { phrase: 'framework version' },
    { phrase: 'runtime version' },
  ],
  vetoes: ['id', 'ids', 'url', 'uri', 'link', 'enabled', 'allowed'],
};

const FILE_NAMES: ReadonlySet<string> = new Set(['file', 'file name', 'filename', 'source file', 'class name', 'method name', 'function']);
const LINE_NAMES: ReadonlySet<string> = new Set(['line', 'line number', 'lineno', 'line no']);

function types(merged: JsonObject): string[] {
  return typeof merged.type === 'string' ? [merged.type] : asArray(merged.type).filter((t): t is string => typeof t === 'string');
}

function isObjectSchema(merged: JsonObject): boolean {
  return types(merged).includes('object') || isObject(merged.properties) || (types(merged).length === 0 && merged.additionalProperties !== undefined);
}

/** The kind of internals a property exposes, or undefined. */
function internalsKind(child: SchemaVisit, siblings: readonly SchemaVisit[], nameClass: NameClass): string | undefined {
  const name = child.name!;
  const merged = child.merged;
  const t = types(merged);
  if (t.length > 0 && t.every((x) => x === 'boolean' || x === 'null')) return undefined;
  const phrase = matchName(name, nameClass);
  if (phrase !== undefined) {
    if (phrase === 'cause' && !isObjectSchema(merged)) return undefined;
    if (phrase === 'query' && !(t.includes('string') || t.length === 0)) return undefined;
    return KIND[phrase] ?? 'implementation internals';
  }
  // A source location: a file (or class/method) next to a line number, the shape of a stack frame. A `line` on its
  // own is a line of the client's own upload (an ACH or CSV file), not an internal.
  const joined = tokenize(name).join(' ');
  if (FILE_NAMES.has(joined) && siblings.some((s) => s.name !== undefined && LINE_NAMES.has(tokenize(s.name).join(' ')))) {
    return 'a source location (file and line)';
  }
  return undefined;
}

/**
 * fin-error-no-stack-trace: no schema reachable from an error response body (4xx, 5xx, `4XX`, `5XX`, `default`) of
 * the API's own operations defines a property that carries internals: stack traces, exception details, debug data,
 * SQL or query text, chained causes (objects), source locations, host names, server versions. Reachability is
 * computed over the walker's child index (`reachableFrom`), so a schema shared by a 200 and a 500 is judged too, and
 * `writeOnly` properties are skipped. Each property is reported once, where it is written.
 */
export const noStackTrace = createRulesetFunction<JsonObject, NoStackTraceOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        names: { type: 'array', items: { type: 'string', minLength: 1 } },
        vetoes: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
      additionalProperties: false,
      errorMessage: '"fin-error-no-stack-trace" options: { names?: string[], vetoes?: string[] }, e.g. { names: ["internal message"], vetoes: ["reference"] }.',
    },
  },
  function noStackTrace(root, options) {
    const nameClass = extendClass(INTERNALS, options ?? undefined);
    const index = schemaIndex(root);
    const roots: SchemaVisit[] = [];
    for (const visits of index.operationRoots.values()) {
      for (const v of visits) {
        if (v.ctx.direction === 'response' && v.ctx.outbound && v.ctx.location === 'body' && v.ctx.status !== undefined && isErrorStatus(v.ctx.status)) {
          roots.push(v);
        }
      }
    }
    const results: IFunctionResult[] = [];
    const reported = new Set<string>();
    const judge = (holder: SchemaVisit, origin: SchemaVisit) => {
      const children = index.childVisits(holder.schema, holder.ctx).filter((c) => c.name !== undefined && c.parent !== undefined);
      for (const child of children) {
        const kind = internalsKind(child, children, nameClass);
        if (kind === undefined) continue;
        const key = JSON.stringify(child.path);
        if (reported.has(key)) continue;
        reported.add(key);
        const op = origin.ctx.operation;
        const where = op ? ` (reachable from the ${origin.ctx.status} response of ${describeOperation(op)})` : '';
        results.push({
          message: `Error schema property "${child.name}" exposes ${kind}${where}; keep internals in server logs and return a traceId instead.`,
          path: child.path,
        });
      }
    };
    for (const r of roots) judge(r, r);
    for (const { visit, root: origin } of reachableFrom(index, roots).values()) judge(visit, origin);
    return results;
  },
);
