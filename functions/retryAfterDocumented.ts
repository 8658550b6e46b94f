import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, type JsonObject } from './utils/guards.js';
import { findHeader, headerValueSchema } from './utils/headers.js';
import { describeOperation, operations } from './utils/oas.js';
import { componentResponseName, operationResponses, responseReportPath } from './utils/responses.js';

export interface RetryAfterOptions {
  /** Explicit status codes whose responses must document Retry-After (default `429`, `503`). */
  statuses?: string[];
}

const VALUE_TYPES: ReadonlySet<string> = new Set(['integer', 'number', 'string']);

/**
 * fin-ratelimit-retry-after: every 429 and 503 response of an operation documents a `Retry-After` header, looked up
 * case-insensitively (RFC 9110 §5.1) through `components.headers` `$ref`s. A Retry-After declared with a type that
 * can hold neither delay-seconds nor an HTTP-date (boolean, object, array) is reported at the header. Each response
 * object is judged once, so a shared `components.responses.TooManyRequests` yields one finding where it is written.
 */
export const retryAfterDocumented = createRulesetFunction<JsonObject, RetryAfterOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { statuses: { type: 'array', items: { type: 'string', pattern: '^[1-5][0-9][0-9]$' }, minItems: 1 } },
      additionalProperties: false,
      errorMessage: '"fin-ratelimit-retry-after" options: { statuses?: string[] } of explicit codes, e.g. { statuses: ["429"] }.',
    },
  },
  function retryAfterDocumented(root, options) {
    const statuses = new Set(options?.statuses ?? ['429', '503']);
    const results: IFunctionResult[] = [];
    const seen = new Set<object>();
    for (const op of operations(root)) {
      for (const ref of operationResponses(root, op)) {
        if (!statuses.has(ref.status) || seen.has(ref.response)) continue;
        seen.add(ref.response);
        const name = componentResponseName(root, ref.response);
        const which = name ? `Response "${name}" (the ${ref.status} of ${describeOperation(op)})` : `The ${ref.status} response of ${describeOperation(op)}`;
        const header = findHeader(root, ref.response, responseReportPath(root, ref), 'Retry-After');
        if (header === undefined) {
          results.push({
            message: `${which} does not document a Retry-After header, so clients cannot tell when to try again.`,
            path: responseReportPath(root, ref),
          });
          continue;
        }
        const schema = headerValueSchema(root, header.header);
        const types = typeof schema?.type === 'string' ? [schema.type] : asArray(schema?.type).filter((t): t is string => typeof t === 'string');
        const valueTypes = types.filter((t) => t !== 'null');
        if (valueTypes.length > 0 && !valueTypes.some((t) => VALUE_TYPES.has(t))) {
          results.push({
            message: `${which} declares ${header.name} as ${valueTypes.join('/')}; it must be delay-seconds (integer) or an HTTP-date (string).`,
            path: header.path,
          });
        }
      }
    }
    return results;
  },
);
