import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { isObject, type JsonObject } from './utils/guards.js';
import { hasReason, isMarkedPublic } from './utils/exemptions.js';
import { describeOperation, operations } from './utils/oas.js';

const isAnonymous = (req: unknown): boolean => isObject(req) && Object.keys(req).length === 0;

/**
 * fin-auth-no-anonymous-alternative: no empty Security Requirement Object `{}` in the root `security` list or in
 * the `security` list of an operation under `paths` (2.0 and 3.x). An operation may accept anonymous callers on
 * purpose with `x-public: true` plus a non-blank `x-optional-auth-reason`; the root list has no opt-out, because
 * a `{}` there weakens every operation that inherits it.
 */
export const noAnonymousAlternative = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function noAnonymousAlternative(root) {
    const results: IFunctionResult[] = [];
    if (Array.isArray(root.security)) {
      root.security.forEach((req, i) => {
        if (isAnonymous(req)) {
          results.push({
            message: 'The root security list contains the empty requirement {}, which makes authentication optional for every operation that inherits it.',
            path: ['security', i],
          });
        }
      });
    }
    const seen = new Set<object>();
    for (const op of operations(root)) {
      const list = op.operation.security;
      if (!Array.isArray(list) || seen.has(list)) continue;
      seen.add(list);
      const name = describeOperation(op);
      const optedOut = isMarkedPublic(op.operation);
      if (optedOut && hasReason(op.operation, 'x-optional-auth-reason')) continue;
      list.forEach((req, i) => {
        if (!isAnonymous(req)) return;
        results.push({
          message: optedOut
            ? `Operation ${name} accepts anonymous callers through the empty requirement {} and is marked x-public, but has no x-optional-auth-reason saying why.`
            : `Operation ${name} lists the empty requirement {}, which makes authentication optional.`,
          path: [...op.path, 'security', i],
        });
      });
    }
    return results;
  },
);
