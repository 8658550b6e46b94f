import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, entries, isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { describeOperation, oasVersion, operations } from './utils/oas.js';
import { componentResponsePaths, operationResponses } from './utils/responses.js';

/** Media-type names for JSON that are not `application/json` or a `+json` type. */
const NON_STANDARD_JSON: ReadonlySet<string> = new Set(['text/json', 'text/x-json', 'application/x-json']);

/** What is wrong with a declared media type, or undefined. */
function problem(mediaType: string): string | undefined {
  const mt = mediaType.split(';')[0].trim().toLowerCase();
  if (mt === '*/*' || mt === '*') return 'allows any media type';
  if (mt.endsWith('/*')) return `allows any ${mt.slice(0, -2)} subtype`;
  if (NON_STANDARD_JSON.has(mt)) return 'is not a registered JSON media type (use application/json or a +json type)';
  return undefined;
}

/**
 * fin-headers-explicit-content-type: responses say exactly what they return, so clients and browsers never guess
 * (MIME sniffing): no wildcard media types (`*\/*`, `application/*`) in 3.x response `content` or 2.0 `produces`,
 * JSON only as `application/json` or a `+json` type, and every `200` response of a GET documents its body (3.x
 * `content`, 2.0 `schema`). Shared responses are reported once, where they are written.
 */
export const explicitContentType = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function explicitContentType(root) {
    const results: IFunctionResult[] = [];
    const oas2 = oasVersion(root) === '2.0';
    const producesCheck = (list: unknown, base: JsonPath, where: string) =>
      asArray(list).forEach((mt, i) => {
        const p = typeof mt === 'string' ? problem(mt) : undefined;
        if (p) results.push({ message: `Media type "${mt}" in the produces list of ${where} ${p}.`, path: [...base, i] });
      });
    if (oas2) producesCheck(root.produces, ['produces'], 'the document');
    const seen = new Set<object>();
    const seenBodies = new Set<object>();
    const responsePaths = componentResponsePaths(root);
    for (const op of operations(root)) {
      if (oas2) producesCheck(op.operation.produces, [...op.path, 'produces'], describeOperation(op));
      for (const response of operationResponses(root, op)) {
        const base = responsePaths.get(response.response) ?? response.path;
        const label = `The ${response.status} response of ${describeOperation(op)}`;
        if (!oas2 && !seen.has(response.response)) {
          seen.add(response.response);
          for (const [mt] of entries(response.response.content)) {
            const p = problem(mt);
            if (p) results.push({ message: `${label} declares media type "${mt}", which ${p}.`, path: [...base, 'content', mt] });
          }
        }
        if (op.method === 'get' && response.status === '200' && !seenBodies.has(response.response)) {
          seenBodies.add(response.response);
          const body = oas2 ? isObject(response.response.schema) : isObject(response.response.content) && Object.keys(response.response.content).length > 0;
          if (!body) results.push({ message: `${label} documents no body; declare its media type and schema.`, path: base });
        }
      }
    }
    return results;
  },
);
