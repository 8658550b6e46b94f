import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { isObject, type JsonObject } from './utils/guards.js';
import { describeOperation, operations } from './utils/oas.js';
import { componentResponseName, hasBodySchema, operationResponses, responseReportPath, statusClass, type ResponseRef } from './utils/responses.js';

/**
 * fin-error-responses-defined: every operation under `paths` documents an error contract that contract tests can
 * hold the implementation to: a client-error part (a 4xx code, `4XX`, or `default`) and a server-error part (a 5xx
 * code, `5XX`, or `default`), each with a body schema.
 *
 * - `default` with a schema satisfies both parts: it documents the body of every status not declared otherwise
 *   (the catalogue counted it for 5xx only; see the doc page).
 * - Bodiless 5xx/`5XX`/`default` responses are always reported ("no bodiless 500s": an undocumented server-error body
 *   is where stack traces leak), bodiless 4xx ones when no client-error response has a body.
 * - One finding per operation: the missing parts and its bodiless inline responses together, at its `responses` (or
 *   at the response when that is the only problem). A reusable bodiless response is reported once, where it is
 *   written.
 * - HEAD responses carry no body, so only the status codes are asked of HEAD operations.
 * - Each shared response is reported once, where it is written.
 */
export const errorResponsesDefined = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function errorResponsesDefined(root) {
    const results: IFunctionResult[] = [];
    const reported = new Set<object>();
    for (const op of operations(root)) {
      const responses = operationResponses(root, op);
      const head = op.method === 'head';
      const withBody = (r: ResponseRef) => head || hasBodySchema(root, r.response);
      const client = responses.filter((r) => statusClass(r.status) === '4');
      const server = responses.filter((r) => statusClass(r.status) === '5');
      const fallback = responses.filter((r) => r.status === 'default');
      const clientOk = [...client, ...fallback].some(withBody);
      const serverOk = [...server, ...fallback].some(withBody);

      const bodiless: ResponseRef[] = [...server, ...fallback].filter((r) => !withBody(r));
      if (!clientOk) bodiless.push(...client.filter((r) => !withBody(r)));
      const inline: ResponseRef[] = [];
      for (const ref of bodiless) {
        const name = componentResponseName(root, ref.response);
        if (name === undefined) {
          inline.push(ref);
          continue;
        }
        if (reported.has(ref.response)) continue;
        reported.add(ref.response);
        results.push({
          message: `Response "${name}" (the ${ref.status} of ${describeOperation(op)}) has no body schema, so contract tests cannot check what it returns.`,
          path: responseReportPath(root, ref),
        });
      }

      const missing: string[] = [];
      if (!clientOk && client.length === 0 && fallback.length === 0) missing.push('client-error (4xx)');
      if (!serverOk && server.length === 0 && fallback.length === 0) missing.push('server-error (5xx or default)');
      const statuses = inline.map((r) => r.status).join(', ');
      const opPath = isObject(op.operation.responses) ? [...op.path, 'responses'] : op.path;
      if (missing.length > 0 && inline.length > 0) {
        results.push({
          message: `Operation ${describeOperation(op)} declares no ${missing.join(' and no ')} response, and its ${statuses} response${inline.length === 1 ? ' has' : 's have'} no body schema, so contract tests cannot check what errors return.`,
          path: opPath,
        });
      } else if (missing.length > 0) {
        results.push({ message: `Operation ${describeOperation(op)} declares no ${missing.join(' and no ')} response with a body schema.`, path: opPath });
      } else if (inline.length === 1) {
        results.push({
          message: `The ${statuses} response of ${describeOperation(op)} has no body schema, so contract tests cannot check what it returns.`,
          path: inline[0].path,
        });
      } else if (inline.length > 1) {
        results.push({
          message: `The ${statuses} responses of ${describeOperation(op)} have no body schema, so contract tests cannot check what they return.`,
          path: opPath,
        });
      }
    }
    return results;
  },
);
