import { createRulesetFunction } from './utils/rulesetFunction.js';
import { isObject, type JsonObject } from './utils/guards.js';
import { hasNonPublicOperation, isPublicApi } from './utils/exemptions.js';

/**
 * fin-auth-global-security-present: the root `security` list holds at least one non-empty requirement, so an
 * operation added without its own `security` is protected by default. Skipped when the API is declared public
 * (`info.x-public-api: true`) or every operation is marked `x-public: true`.
 */
export const globalSecurityPresent = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function globalSecurityPresent(root) {
    if (isPublicApi(root) || !hasNonPublicOperation(root)) return [];
    const tail = 'so an operation without its own security list is public by default.';
    if (!Array.isArray(root.security)) {
      return [{ message: `The document has no root security requirement, ${tail}`, path: [] }];
    }
    if (root.security.length === 0) {
      return [{ message: `The root security list is empty, ${tail}`, path: ['security'] }];
    }
    const protecting = root.security.some((req) => isObject(req) && Object.keys(req).length > 0);
    if (!protecting) {
      return [{ message: `The root security list holds only the anonymous requirement {}, ${tail}`, path: ['security'] }];
    }
    return [];
  },
);
