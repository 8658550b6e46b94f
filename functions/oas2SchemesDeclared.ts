import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { describeOperation, oasVersion, operations } from './utils/oas.js';

/**
 * fin-transport-oas2-schemes-declared: an OAS 2.0 document says which transfer protocol its API uses. Without a
 * root `schemes`, clients fall back to the scheme the document itself was fetched with, which may be http.
 * A missing root list is fine when every operation declares its own non-empty `schemes`; an empty list (root or
 * operation) declares nothing and is reported where it is written.
 */
export const oas2SchemesDeclared = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function oas2SchemesDeclared(root) {
    if (oasVersion(root) !== '2.0') return [];
    const results: IFunctionResult[] = [];
    const ops = operations(root);
    for (const op of ops) {
      if (Array.isArray(op.operation.schemes) && op.operation.schemes.length === 0) {
        results.push({
          message: `Operation ${describeOperation(op)} declares an empty schemes list; list https.`,
          path: [...op.path, 'schemes'],
        });
      }
    }
    if (Array.isArray(root.schemes)) {
      if (root.schemes.length === 0) {
        results.push({
          message: 'The root schemes list is empty, so clients use the scheme the document was fetched with; list https.',
          path: ['schemes'],
        });
      }
    } else if (root.schemes === undefined) {
      const uncovered = ops.filter((op) => !Array.isArray(op.operation.schemes));
      if (ops.length === 0 || uncovered.length > 0) {
        results.push({
          message: 'The document declares no root schemes, so clients use the scheme the document was fetched with (possibly http); add schemes: [https].',
          path: ['swagger'],
        });
      }
    }
    return results;
  },
);
