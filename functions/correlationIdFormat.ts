import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { CORRELATION_OPTION_PROPERTIES, correlationDeclarations, correlationNames, type CorrelationOptions } from './utils/correlation.js';
import { entries, isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { headerValueSchema } from './utils/headers.js';
import { IdenticalDeclarations } from './utils/repeats.js';
import { mergeAllOf } from './utils/schemaWalker.js';
import { andList } from './utils/lists.js';

/** The JSON path of the schema `headerValueSchema` returns for a header at `path`. */
function schemaPath(header: JsonObject, path: JsonPath): JsonPath {
  if (isObject(header.schema)) return [...path, 'schema'];
  for (const [mediaType, media] of entries(header.content)) if (isObject(media) && isObject(media.schema)) return [...path, 'content', mediaType, 'schema'];
  return path;
}

/**
 * fin-audit-correlation-id-format: every correlation header declaration (request parameter or response header, each
 * object once, where it is written) constrains its value: `traceparent` with a `pattern` (W3C Trace Context), the
 * others with `format: uuid` or a `pattern`; and all with a `maxLength` (or an `enum`/`const`), because `format` is an
 * annotation that many gateways and validators do not enforce, while a length bound is.
 */
export const correlationIdFormat = createRulesetFunction<JsonObject, CorrelationOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { ...CORRELATION_OPTION_PROPERTIES },
      additionalProperties: false,
      errorMessage: '"fin-audit-correlation-id-format" options: { headerNames?: string[] }, e.g. { headerNames: ["X-Request-ID", "traceparent"] }.',
    },
  },
  function correlationIdFormat(root, options) {
    // Identical inline declarations (the same header repeated on every response) are one decision.
    const declarations = new IdenticalDeclarations();
    for (const decl of correlationDeclarations(root, correlationNames(options))) {
      if (declarations.seen([decl.name.toLowerCase(), decl.header])) continue;
      const results: IFunctionResult[] = [];
      const label = `Correlation header "${decl.name}"${decl.where ? ` (${decl.where})` : ''}`;
      const schema = headerValueSchema(root, decl.header);
      if (!schema) {
        results.push({ message: `${label} has no schema; declare a string with format: uuid (or a pattern) and a maxLength.`, path: decl.path });
        declarations.add([decl.name.toLowerCase(), decl.header], results);
        continue;
      }
      const merged = mergeAllOf(schema);
      const gaps: string[] = [];
      const bounded = typeof merged.maxLength === 'number' || Array.isArray(merged.enum) || 'const' in merged;
      const isTrace = decl.name.toLowerCase() === 'traceparent';
      if (isTrace && typeof merged.pattern !== 'string') gaps.push('has no pattern for the W3C traceparent syntax');
      if (!isTrace && merged.format !== 'uuid' && typeof merged.pattern !== 'string') gaps.push('has neither format: uuid nor a pattern');
      if (!bounded) gaps.push('has no maxLength');
      if (gaps.length > 0) results.push({ message: `${label} ${andList(gaps)}.`, path: schemaPath(decl.header, decl.path) });
      declarations.add([decl.name.toLowerCase(), decl.header], results);
    }
    return declarations.results((n) => `The same declaration is repeated ${n} more time${n === 1 ? '' : 's'}; define it once in components.`);
  },
);
