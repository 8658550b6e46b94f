import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { isMarkedPublic, isPublicApi } from './utils/exemptions.js';
import type { JsonObject } from './utils/guards.js';
import { findHeader } from './utils/headers.js';
import { declaredHeaderStrings, findDefaultResponseHeader } from './utils/headerValues.js';
import { describeOperation, effectiveSecurity, operations, type OperationRef } from './utils/oas.js';
import { componentResponsePaths, operationResponses } from './utils/responses.js';

const ALLOW_ORIGIN = 'Access-Control-Allow-Origin';
const ALLOW_CREDENTIALS = 'Access-Control-Allow-Credentials';

/** `*` (any origin) and `null` (sandboxed documents, `file:` pages, redirects: an origin anyone can obtain). */
function openOrigin(value: string): string | undefined {
  const v = value.trim().replace(/^"(.*)"$/, '$1');
  if (v === '*') return 'any origin (*)';
  if (v.toLowerCase() === 'null') return 'the "null" origin';
  return undefined;
}

function isSecured(root: JsonObject, op: OperationRef): boolean {
  if (isPublicApi(root) || isMarkedPublic(op.operation)) return false;
  return effectiveSecurity(root, op).requirements.some((r) => Object.keys(r).length > 0);
}

/**
 * fin-headers-cors-origin-restricted: where a secured operation documents `Access-Control-Allow-Origin`, none of the
 * values it declares (`enum`, `const`, `default`, examples; 2.0 inline `enum`/`default`/`x-example`) is `*` or
 * `null`; a wildcard together with `Access-Control-Allow-Credentials: true` is called out (browsers refuse it, so it
 * signals a server that reflects the Origin instead). The header is not required: most financial APIs are not called
 * from browsers (spectral-owasp's define-cors-origin asks for it everywhere). Unauthenticated operations and
 * `x-public: true` are skipped. Each Header Object is reported once, where it is written; the gateway declaration
 * `x-default-response-headers` is judged too when the API has a secured operation.
 */
export const corsOriginRestricted = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function corsOriginRestricted(root) {
    const results: IFunctionResult[] = [];
    const seen = new Set<object>();
    const responsePaths = componentResponsePaths(root);
    let secured = false;
    for (const op of operations(root)) {
      if (!isSecured(root, op)) continue;
      secured = true;
      for (const response of operationResponses(root, op)) {
        const base = responsePaths.get(response.response) ?? response.path;
        const origin = findHeader(root, response.response, base, ALLOW_ORIGIN);
        if (!origin || seen.has(origin.header)) continue;
        seen.add(origin.header);
        const open = declaredHeaderStrings(root, origin.header, origin.path).map((v) => ({ ...v, what: openOrigin(v.text) })).find((v) => v.what);
        if (!open) continue;
        const credentials = findHeader(root, response.response, base, ALLOW_CREDENTIALS);
        const withCredentials =
          credentials !== undefined && declaredHeaderStrings(root, credentials.header, credentials.path).some((v) => v.text.trim().toLowerCase() === 'true');
        results.push({
          message: withCredentials
            ? `The ${response.status} response of ${describeOperation(op)} allows ${open.what} together with Access-Control-Allow-Credentials: true; allow-list the trusted origins instead.`
            : `The ${response.status} response of ${describeOperation(op)}, a secured operation, allows ${open.what} in Access-Control-Allow-Origin; allow-list the trusted origins.`,
          path: open.path,
        });
      }
    }
    const gateway = secured ? findDefaultResponseHeader(root, [ALLOW_ORIGIN]) : undefined;
    const open = gateway?.values.map(openOrigin).find((w) => w !== undefined);
    if (gateway && open) {
      results.push({
        message: `x-default-response-headers gives Access-Control-Allow-Origin ${open} although the API has secured operations; allow-list the trusted origins.`,
        path: gateway.path,
      });
    }
    return results;
  },
);
