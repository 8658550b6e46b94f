import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, isObject, type JsonObject } from './utils/guards.js';
import { resolveLocal } from './utils/headers.js';
import { asStringArray, describeOperation, effectiveSecurity, operations, type OperationRef } from './utils/oas.js';
import { hasStatus } from './utils/responses.js';

const AUTHZ_FAILURE_STATUS = 'x-authz-failure-status';

/** The path parameter (by name) of an operation, path-item parameters overridden by operation ones. */
function pathParameter(root: JsonObject, op: OperationRef, name: string): JsonObject | undefined {
  let found: JsonObject | undefined;
  for (const list of [op.pathItem.parameters, op.operation.parameters]) {
    for (const raw of asArray(list)) {
      const p = resolveLocal(root, raw);
      if (isObject(p) && p.in === 'path' && p.name === name) found = p;
    }
  }
  return found;
}

/** Whether a parameter is limited to a fixed set of values (`enum`/`const`): a category such as `{payment-product}`, not an object id. */
function isEnumerated(root: JsonObject, param: JsonObject | undefined): boolean {
  if (param === undefined) return false;
  const schema = resolveLocal(root, param.schema);
  const s = isObject(schema) ? schema : param; // 2.0: constraints inline on the parameter
  return (Array.isArray(s.enum) && s.enum.length > 0) || s.const !== undefined;
}

/** The first `{parameter}` of the path template that identifies an object (not an enumerated category). */
function objectIdParameter(root: JsonObject, op: OperationRef): string | undefined {
  for (const m of op.pathKey.matchAll(/\{([^{}]+)\}/g)) {
    if (!isEnumerated(root, pathParameter(root, op, m[1]))) return m[1];
  }
  return undefined;
}

/** The declared authorization-failure status (`x-authz-failure-status`) on the operation, its path item or `info`. */
function declaredFailureStatus(root: JsonObject, op: OperationRef): string | undefined {
  for (const holder of [op.operation, op.pathItem, isObject(root.info) ? root.info : {}]) {
    const v = holder[AUTHZ_FAILURE_STATUS];
    if (typeof v === 'number' || typeof v === 'string') return String(v);
  }
  return undefined;
}

/**
 * fin-error-403-declared: secured operations that need an authorization decision declare an explicit 403: those whose
 * security lists scopes or roles (RFC 6750 `insufficient_scope`), and those that address an object through a path
 * parameter (object-level authorization, OWASP API1). Path parameters restricted to an `enum`/`const` are categories,
 * not object ids. APIs that answer 404 for other users' objects on purpose declare `x-authz-failure-status: 404`
 * (operation, path item or `info`) and then need a 404 instead. Unsecured operations are left to the auth rules.
 */
export const error403Declared = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function error403Declared(root) {
    const results: IFunctionResult[] = [];
    for (const op of operations(root)) {
      const alternatives = effectiveSecurity(root, op).requirements.filter((r) => Object.keys(r).length > 0);
      if (alternatives.length === 0) continue;
      const scopes = [...new Set(alternatives.flatMap((r) => Object.values(r).flatMap((v) => asStringArray(v))))];
      const idParam = objectIdParameter(root, op);
      if (scopes.length === 0 && idParam === undefined) continue;
      if (hasStatus(root, op, 403) !== undefined) continue;
      const failure = declaredFailureStatus(root, op);
      if (failure === '404' && hasStatus(root, op, 404) !== undefined) continue;
      const why =
        scopes.length > 0
          ? `requires scopes or roles (${scopes.slice(0, 3).join(', ')}${scopes.length > 3 ? ', ...' : ''})`
          : `addresses an object by its {${idParam}} path parameter`;
      const tail = failure === '404' ? ', and declares x-authz-failure-status: 404 but no 404 response' : ' but declares no 403 (Forbidden) response';
      results.push({
        message: `Operation ${describeOperation(op)} ${why}${tail}.`,
        path: isObject(op.operation.responses) ? [...op.path, 'responses'] : op.path,
      });
    }
    return results;
  },
);
