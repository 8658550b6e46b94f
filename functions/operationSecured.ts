import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { hasReason, isMarkedPublic } from './utils/exemptions.js';
import { describeOperation, effectiveSecurity, operations } from './utils/oas.js';

/**
 * fin-auth-operation-secured: every operation under `paths` (every HTTP method) has an effective security list
 * (its own `security`, else the root's) with at least one requirement naming a scheme. `x-public: true` opts an
 * operation out, but only together with a non-blank `x-public-reason`. Webhooks and callbacks are requests the
 * provider sends, not endpoints it serves, and are left to fin-auth-webhook-signature.
 */
export const operationSecured = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function operationSecured(root) {
    const results: IFunctionResult[] = [];
    for (const op of operations(root)) {
      const security = effectiveSecurity(root, op);
      if (security.requirements.some((req) => Object.keys(req).length > 0)) continue;
      const name = describeOperation(op);
      if (isMarkedPublic(op.operation)) {
        if (!hasReason(op.operation, 'x-public-reason')) {
          results.push({
            message: `Operation ${name} is marked x-public but has no x-public-reason saying why it may be called without authentication.`,
            path: [...op.path, 'x-public'],
          });
        }
        continue;
      }
      const own = security.source === 'operation';
      const list = own ? op.operation.security : root.security;
      let message: string;
      if (security.source === 'none') {
        message = `Operation ${name} has no security requirement and there is no root security to inherit.`;
      } else if (Array.isArray(list) && list.length === 0) {
        message = own
          ? `Operation ${name} turns authentication off with an empty security list.`
          : `Operation ${name} inherits the empty root security list, so it needs no authentication.`;
      } else {
        message = own
          ? `Operation ${name} accepts only anonymous callers: its security list holds only empty requirements {}.`
          : `Operation ${name} inherits a root security list that holds only empty requirements {}, so it needs no authentication.`;
      }
      results.push({ message, path: own ? [...op.path, 'security'] : op.path });
    }
    return results;
  },
);
