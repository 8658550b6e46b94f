import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import {
  acceptedCorrelationHeader,
  CORRELATION_OPTION_PROPERTIES,
  correlationNames,
  defaultCorrelationHeader,
  returnedCorrelationHeader,
  type CorrelationOptions,
} from './utils/correlation.js';
import type { JsonObject, JsonPath } from './utils/guards.js';
import { describeOperation, operations } from './utils/oas.js';
import { componentResponsePaths, operationResponses } from './utils/responses.js';
import { orList } from './utils/lists.js';

interface MissingResponse {
  status: string;
  path: JsonPath;
  ops: string[];
}

/**
 * fin-audit-correlation-id: every operation accepts a correlation header (X-Request-ID, X-Correlation-ID,
 * x-fapi-interaction-id, traceparent... configurable, case-insensitive, through `components.parameters`) and every
 * response, errors included, returns one (or the document declares it in `x-default-response-headers`, for a gateway
 * that adds it everywhere).
 *
 * A document that never mentions a correlation header gets one finding per side (request, response) at `paths`, not
 * one per operation: it is one design decision. Otherwise each operation that does not accept one is reported at the
 * operation, and each response object that does not return one is reported once where it is written (a shared
 * `components.responses` entry is one finding, naming the operations that use it).
 */
export const correlationId = createRulesetFunction<JsonObject, CorrelationOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { ...CORRELATION_OPTION_PROPERTIES },
      additionalProperties: false,
      errorMessage: '"fin-audit-correlation-id" options: { headerNames?: string[] }, e.g. { headerNames: ["X-Request-ID", "traceparent"] }.',
    },
  },
  function correlationId(root, options) {
    const names = correlationNames(options);
    const list = orList(names);
    const ops = operations(root);
    if (ops.length === 0) return [];
    const results: IFunctionResult[] = [];

    const notAccepting = ops.filter((op) => acceptedCorrelationHeader(root, op, names) === undefined);
    if (notAccepting.length === ops.length) {
      results.push({
        message: `No operation accepts a correlation header (${list}); ${ops.length === 1 ? 'the operation' : `all ${ops.length} operations`} can be traced only by timestamps.`,
        path: ['paths'],
      });
    } else {
      for (const op of notAccepting) {
        results.push({ message: `${describeOperation(op)} does not accept a correlation header (${list}).`, path: op.path });
      }
    }

    if (defaultCorrelationHeader(root, names) !== undefined) return results;
    const responsePaths = componentResponsePaths(root);
    const missing = new Map<object, MissingResponse>();
    let responses = 0;
    let returning = 0;
    for (const op of ops) {
      for (const response of operationResponses(root, op)) {
        responses++;
        if (returnedCorrelationHeader(root, response, names) !== undefined) {
          returning++;
          continue;
        }
        const entry = missing.get(response.response) ?? { status: response.status, path: responsePaths.get(response.response) ?? response.path, ops: [] };
        entry.ops.push(describeOperation(op));
        missing.set(response.response, entry);
      }
    }
    if (responses === 0) return results;
    if (returning === 0) {
      results.push({
        message: `No response returns a correlation header (${list}); declare it on every response, or in x-default-response-headers when a gateway adds it.`,
        path: ['paths'],
      });
      return results;
    }
    for (const entry of missing.values()) {
      const n = entry.ops.length;
      const of = n === 1 ? entry.ops[0] : `${entry.ops[0]} and ${n - 1} more operation${n === 2 ? '' : 's'}`;
      results.push({ message: `The ${entry.status} response of ${of} does not return a correlation header (${list}).`, path: entry.path });
    }
    return results;
  },
);
