import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, entries, isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { describeOp } from './utils/inputSchemas.js';
import { isOverbroadRange } from './utils/mediaTypes.js';
import { oasVersion, operations, type OperationRef } from './utils/oas.js';
import { componentPathItemOperations } from './utils/schemaWalker.js';

/** 2.0: whether an operation takes a payload (a body or form parameter), so its `consumes` list matters. */
function takesPayload(op: OperationRef): boolean {
  return [...asArray(op.pathItem.parameters), ...asArray(op.operation.parameters)].some((p) => isObject(p) && (p.in === 'body' || p.in === 'formData'));
}

/**
 * fin-input-no-wildcard-media-type: request bodies of the API's own operations list concrete media types, never
 * `*\/*` or a whole `application/*`, `text/*` or `multipart/*` family: 3.x `requestBody.content` keys, 2.0 `consumes`
 * (the operation's, or the root list for operations with a payload that do not override it).
 */
export const noWildcardMediaType = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function noWildcardMediaType(root) {
    const results: IFunctionResult[] = [];
    const ops = [...operations(root), ...componentPathItemOperations(root)];
    if (oasVersion(root) === '2.0') {
      let rootListUsed = false;
      for (const op of ops) {
        if (!takesPayload(op)) continue;
        if (!Array.isArray(op.operation.consumes)) {
          rootListUsed = true;
          continue;
        }
        op.operation.consumes.forEach((mt, i) => {
          if (typeof mt === 'string' && isOverbroadRange(mt)) {
            results.push({ message: `${describeOp(op)} consumes "${mt}": list the concrete media types it accepts.`, path: [...op.path, 'consumes', i] });
          }
        });
      }
      if (rootListUsed) {
        asArray(root.consumes).forEach((mt, i) => {
          if (typeof mt === 'string' && isOverbroadRange(mt)) {
            results.push({ message: `The API consumes "${mt}" by default: list the concrete media types its operations accept.`, path: ['consumes', i] });
          }
        });
      }
      return results;
    }
    const seen = new Set<object>();
    for (const op of ops) {
      const body = op.operation.requestBody;
      if (!isObject(body) || !isObject(body.content) || seen.has(body.content)) continue;
      seen.add(body.content);
      for (const [mt] of entries(body.content)) {
        if (!isOverbroadRange(mt)) continue;
        const path: JsonPath = [...op.path, 'requestBody', 'content', mt];
        results.push({ message: `The request body of ${describeOp(op)} accepts "${mt}": list the concrete media types it accepts.`, path });
      }
    }
    return results;
  },
);
