import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, isObject, type JsonObject } from './utils/guards.js';
import { resolveLocal } from './utils/headers.js';
import { describeOperation, operations, type OperationRef } from './utils/oas.js';
import { hasStatus } from './utils/responses.js';

/** What an operation accepts, for the message: `a request body and 2 parameters`. */
function inputs(root: JsonObject, op: OperationRef): string | undefined {
  const params = [...asArray(op.pathItem.parameters), ...asArray(op.operation.parameters)]
    .map((p) => resolveLocal(root, p))
    .filter(isObject);
  const body = isObject(resolveLocal(root, op.operation.requestBody)) || params.some((p) => p.in === 'body' || p.in === 'formData');
  const others = new Set(params.filter((p) => p.in !== 'body' && p.in !== 'formData').map((p) => `${String(p.in)}:${String(p.name)}`)).size;
  const parts = [body ? 'a request body' : undefined, others > 0 ? `${others} parameter${others === 1 ? '' : 's'}` : undefined].filter(Boolean);
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

/**
 * fin-error-validation-declared: operations that take input (parameters, a 3.x request body, 2.0 `body`/`formData`
 * parameters) declare how invalid input is answered: an explicit 400 or 422, or a `4XX` range (which documents the
 * client-error body validation failures use, as spectral-owasp also accepts). `default` does not count: it does not
 * say that input is validated.
 */
export const validationErrorDeclared = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function validationErrorDeclared(root) {
    const results: IFunctionResult[] = [];
    for (const op of operations(root)) {
      const accepted = inputs(root, op);
      if (accepted === undefined) continue;
      if (hasStatus(root, op, 400, { ranges: true }) !== undefined || hasStatus(root, op, 422) !== undefined) continue;
      results.push({
        message: `Operation ${describeOperation(op)} accepts ${accepted} but declares no 400, 422 or 4XX response for invalid input.`,
        path: isObject(op.operation.responses) ? [...op.path, 'responses'] : op.path,
      });
    }
    return results;
  },
);
