import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { documentedHeader, isDocumented } from './utils/documentedHeaders.js';
import { isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { declaredHeaderStrings } from './utils/headerValues.js';
import { oasVersion, operations } from './utils/oas.js';
import { serverObjects } from './utils/servers.js';

export interface HstsOptions {
  /** Smallest acceptable max-age in seconds (default 31536000, one year). */
  minMaxAge?: number;
}

const STS = 'Strict-Transport-Security';

/** Whether every server (or the document, or `info`) says browsers never call it: `x-browser-facing: false`. */
function notBrowserFacing(root: JsonObject): boolean {
  if (root['x-browser-facing'] === false || (isObject(root.info) && root.info['x-browser-facing'] === false)) return true;
  if (oasVersion(root) === '2.0') return false;
  const servers = serverObjects(root);
  return servers.length > 0 && servers.every((s) => s.server['x-browser-facing'] === false);
}

/** What is wrong with an HSTS value, or undefined when it is strong enough. */
function weakness(value: string, min: number): string | undefined {
  const maxAge = /max-age\s*=\s*"?(\d+)"?/i.exec(value);
  const gaps: string[] = [];
  if (!maxAge) gaps.push('has no max-age');
  else if (Number(maxAge[1]) < min) gaps.push(`has max-age=${maxAge[1]}, less than ${min}`);
  if (!/includesubdomains/i.test(value)) gaps.push('lacks includeSubDomains');
  return gaps.length > 0 ? gaps.join(' and ') : undefined;
}

/**
 * fin-headers-hsts: the document tells browsers to use TLS only: some response (or `x-default-response-headers`)
 * documents `Strict-Transport-Security`, and every value it gives has `max-age` of at least a year and
 * `includeSubDomains`. HSTS belongs to the host, so a document that never mentions it gets one finding, not one per
 * response. Server-to-server APIs opt out with `x-browser-facing: false` on every server (or at the root / in `info`).
 */
export const hsts = createRulesetFunction<JsonObject, HstsOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { minMaxAge: { type: 'integer', minimum: 0 } },
      additionalProperties: false,
      errorMessage: '"fin-headers-hsts" options: { minMaxAge?: integer }, e.g. { minMaxAge: 63072000 }.',
    },
  },
  function hsts(root, options) {
    if (operations(root).length === 0 || notBrowserFacing(root)) return [];
    const min = options?.minMaxAge ?? 31536000;
    const doc = documentedHeader(root, STS);
    const results: IFunctionResult[] = [];
    if (!isDocumented(doc)) {
      const path: JsonPath = Array.isArray(root.servers) ? ['servers'] : ['paths'];
      results.push({
        message: `No response documents ${STS}; declare it (max-age=${min}; includeSubDomains) on responses or in x-default-response-headers, or mark server-to-server servers x-browser-facing: false.`,
        path,
      });
      return results;
    }
    for (const { ref, where } of doc.declarations) {
      for (const v of declaredHeaderStrings(root, ref.header, ref.path)) {
        const weak = weakness(v.text, min);
        if (weak) results.push({ message: `${STS} "${v.text}" on ${where} ${weak}.`, path: v.path });
      }
    }
    if (doc.gateway) {
      for (const value of doc.gateway.values) {
        const weak = weakness(value, min);
        if (weak) results.push({ message: `${STS} "${value}" in x-default-response-headers ${weak}.`, path: doc.gateway.path });
      }
    }
    return results;
  },
);
