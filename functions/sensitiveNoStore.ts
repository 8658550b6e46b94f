import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { findHeader } from './utils/headers.js';
import { declaredHeaderStrings, findDefaultResponseHeader, headerDescription } from './utils/headerValues.js';
import { describeOperation, oauthFlows, operations, securitySchemes, type OperationRef } from './utils/oas.js';
import { isTestHarness } from './utils/paymentOperations.js';
import { componentResponsePaths, operationResponses, statusClass } from './utils/responses.js';
import {
  SENSITIVE_DATA_OPTION_PROPERTIES,
  SENSITIVE_DATA_OPTIONS_HELP,
  sensitiveDataIndex,
  type SensitiveDataOptions,
} from './utils/sensitiveData.js';

const CACHE_CONTROL = 'Cache-Control';

/** Path parts of the OAuth token URLs the document declares (`/oauth2/token`). */
function tokenPaths(root: JsonObject): string[] {
  const { schemes, basePath } = securitySchemes(root);
  const out: string[] = [];
  for (const [name, scheme] of Object.entries(schemes)) {
    for (const flow of oauthFlows(scheme, [...basePath, name])) {
      const url = flow.flow.tokenUrl;
      if (typeof url !== 'string') continue;
      const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#][\s\S]*$/, '');
      if (path.length > 1) out.push(path.replace(/(?<!\/)\/+$/, ''));
    }
  }
  return out;
}

/** Whether a Cache-Control header says no-store in a declared value or its description (memoised per header object). */
function saysNoStore(root: JsonObject, header: JsonObject, path: (string | number)[], known: Set<object>): boolean {
  if (known.has(header)) return true;
  const texts = [...declaredHeaderStrings(root, header, path).map((v) => v.text), headerDescription(root, header)];
  const yes = texts.some((t) => /no-store/i.test(t));
  if (yes) known.add(header);
  return yes;
}

function isTokenEndpoint(op: OperationRef, paths: readonly string[]): boolean {
  if (op.method !== 'post') return false;
  const key = op.pathKey.replace(/(?<!\/)\/+$/, '');
  return paths.some((p) => p === key || p.endsWith(key));
}

/**
 * fin-headers-sensitive-no-store: a success response (2xx, `2XX`) whose body carries sensitive data (a full card number
 * or SAD, a credential or token, or a value declared personal, special-category, national-id, credential or pci-*;
 * see functions/utils/sensitiveData.ts), and every success response of the OAuth token endpoint (RFC 6749 §5.1),
 * declares `Cache-Control` with `no-store`: in an `enum`, `const`, `default` or example, or in the header description.
 * `x-default-response-headers: { Cache-Control: no-store }` covers every response. Each response object is reported
 * once, where it is written; test harnesses (`/simulate/...`, `/test_helpers/...`) are skipped. A document in which no
 * response declares `no-store` at all gets one finding at `paths` (with the count and examples) instead of one per
 * response: it is one design decision.
 */
export const sensitiveNoStore = createRulesetFunction<JsonObject, SensitiveDataOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { ...SENSITIVE_DATA_OPTION_PROPERTIES },
      additionalProperties: false,
      errorMessage: `"fin-headers-sensitive-no-store" options: { ${SENSITIVE_DATA_OPTIONS_HELP} }, e.g. { credentials: { vetoes: ["publishable"] } }.`,
    },
  },
  function sensitiveNoStore(root, options) {
    const gateway = findDefaultResponseHeader(root, [CACHE_CONTROL]);
    if (gateway?.values.some((v) => /no-store/i.test(v))) return [];
    const sensitive = sensitiveDataIndex(root, options);
    const tokens = tokenPaths(root);
    const responsePaths = componentResponsePaths(root);
    const seen = new Set<object>();
    const results: IFunctionResult[] = [];
    const noStoreHeaders = new Set<object>();
    let anyNoStore = false;
    for (const op of operations(root)) {
      if (isTestHarness(op)) continue;
      const tokenEndpoint = isTokenEndpoint(op, tokens);
      for (const response of operationResponses(root, op)) {
        if (statusClass(response.status) !== '2' || seen.has(response.response)) continue;
        const hit = sensitive.responseBody(op, response.status);
        if (!hit && !tokenEndpoint) continue;
        seen.add(response.response);
        const base = responsePaths.get(response.response) ?? response.path;
        const header = findHeader(root, response.response, base, CACHE_CONTROL);
        if (header && saysNoStore(root, header.header, header.path, noStoreHeaders)) continue;
        const what = hit ? `returns ${hit.label} ("${hit.visit.name ?? 'the body'}")` : 'issues OAuth tokens';
        const subject = `The ${response.status} response of ${describeOperation(op)} ${what}`;
        results.push(
          header
            ? { message: `${subject}, but its Cache-Control header does not say no-store.`, path: header.path }
            : { message: `${subject}, but declares no Cache-Control: no-store header.`, path: base },
        );
      }
    }
    if (results.length === 0) return results;
    // A document that never declares Cache-Control: no-store made one decision, not one per response.
    for (const op of operations(root)) {
      for (const response of operationResponses(root, op)) {
        const header = findHeader(root, response.response, response.path, CACHE_CONTROL);
        if (header && saysNoStore(root, header.header, header.path, noStoreHeaders)) anyNoStore = true;
      }
      if (anyNoStore) break;
    }
    if (anyNoStore || results.length === 1) return results;
    const examples = results.slice(0, 3).map((r) => r.message.replace(/, but [\s\S]*$/, ''));
    return [
      {
        message: `${results.length} success responses return sensitive data and no response declares Cache-Control: no-store (for example: ${examples.join('; ')}); declare it on those responses, or in x-default-response-headers when a gateway sets it.`,
        path: ['paths'],
      },
    ];
  },
);
