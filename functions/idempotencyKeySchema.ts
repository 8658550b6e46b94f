import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { entries, isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { headerValueSchema } from './utils/headers.js';
import { parameterObjects } from './utils/parameters.js';
import { schemaTypes } from './utils/pan.js';
import { IDEMPOTENCY_OPTION_PROPERTIES, isIdempotencyHeader, operationsWithIdempotencyHeader, type IdempotencyOptions } from './utils/paymentOperations.js';
import { IdenticalDeclarations } from './utils/repeats.js';
import { mergeAllOf } from './utils/schemaWalker.js';
import { andList } from './utils/lists.js';

export interface IdempotencyKeySchemaOptions extends IdempotencyOptions {
  /** Largest acceptable `maxLength` (default 255, the draft's guidance; UK Open Banking uses 40). */
  maxLength?: number;
}

const WINDOW_EXTENSION = 'x-idempotency-window';

/** A retention period stated in prose (`stored for 24 hours`, `6h`) or as an ISO 8601 duration (`PT24H`, `P1D`). */
const PERIOD_TEXT = /\b\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d)\b|\bP(?:\d+[YMWD])*(?:T(?:\d+[HMS])+)?\b(?<=\d[YMWDHS])/i;

function hasText(holder: unknown, key: string): boolean {
  return isObject(holder) && typeof holder[key] === 'string' && (holder[key] as string).trim().length > 0;
}

/** The JSON path of the schema `headerValueSchema` returns. */
function schemaPath(param: JsonObject, path: JsonPath): JsonPath {
  if (isObject(param.schema)) return [...path, 'schema'];
  for (const [mediaType, media] of entries(param.content)) if (isObject(media) && isObject(media.schema)) return [...path, 'content', mediaType, 'schema'];
  return path;
}

/**
 * fin-idempotency-key-schema: every idempotency-key header parameter (each Parameter Object once, where it is written)
 * is a bounded string, `maxLength` at most the configured limit, with a `pattern` or `format: uuid`; and the period for
 * which the server remembers keys is documented: `x-idempotency-window` on the parameter, its schema, an operation that
 * uses it, `info` or the root, or a period stated in the parameter's description.
 */
export const idempotencyKeySchema = createRulesetFunction<JsonObject, IdempotencyKeySchemaOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { ...IDEMPOTENCY_OPTION_PROPERTIES, maxLength: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
      errorMessage: '"fin-idempotency-key-schema" options: { headerNames?: string[], maxLength?: integer }, e.g. { headerNames: ["x-idempotency-key"], maxLength: 40 }.',
    },
  },
  function idempotencyKeySchema(root, options) {
    const limit = options?.maxLength ?? 255;
    const windowOnOperation = new Set<object>();
    for (const { op, ref } of operationsWithIdempotencyHeader(root, options)) {
      if (hasText(op.operation, WINDOW_EXTENSION)) windowOnOperation.add(ref.header);
    }
    const documentWindow = hasText(root, WINDOW_EXTENSION) || hasText(root.info, WINDOW_EXTENSION);
    // Identical declarations repeated inline on many operations are one decision: report the first, count the rest.
    const declarations = new IdenticalDeclarations();
    for (const ref of parameterObjects(root)) {
      if (ref.in.toLowerCase() !== 'header' || !isIdempotencyHeader(ref.name, ref.parameter, options)) continue;
      if (declarations.seen(ref.parameter)) continue;
      const own: IFunctionResult[] = [];
      const param = ref.parameter;
      const schema = headerValueSchema(root, param);
      const label = `Idempotency key header "${ref.name}"`;
      if (schema) {
        const merged = mergeAllOf(schema);
        const gaps: string[] = [];
        const types = schemaTypes(merged).filter((t) => t !== 'null');
        if (types.length > 0 && !types.includes('string')) gaps.push(`is typed ${types.join('/')} rather than string`);
        if (typeof merged.maxLength !== 'number') gaps.push('has no maxLength');
        else if (merged.maxLength > limit) gaps.push(`allows ${merged.maxLength} characters (more than ${limit})`);
        if (typeof merged.pattern !== 'string' && merged.format !== 'uuid') gaps.push('has neither a pattern nor format: uuid');
        if (gaps.length > 0) {
          own.push({ message: `${label} ${andList(gaps)}.`, path: schemaPath(param, ref.path) });
        }
      } else {
        own.push({ message: `${label} has no schema; declare a string with a maxLength and a pattern or format: uuid.`, path: ref.path });
      }
      const description = typeof param.description === 'string' ? param.description : '';
      const documented =
        documentWindow ||
        windowOnOperation.has(param) ||
        hasText(param, WINDOW_EXTENSION) ||
        hasText(schema, WINDOW_EXTENSION) ||
        PERIOD_TEXT.test(description);
      if (!documented) {
        own.push({
          message: `${label} does not say how long the server remembers keys; add ${WINDOW_EXTENSION} (e.g. PT24H) or state the period in its description.`,
          path: ref.path,
        });
      }
      declarations.add(ref.parameter, own);
    }
    return declarations.results((n) => `The same declaration is repeated ${n} more time${n === 1 ? '' : 's'}; define it once in components.`);
  },
);
