import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, entries, isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { HTTP_METHODS, oasVersion } from './utils/oas.js';
import { personalDataIndex, personalDataOptionsSchema, type PersonalDataOptions } from './utils/personalData.js';

const KEY = 'x-data-residency';

/** Region groupings accepted besides ISO 3166-1 alpha-2 codes. */
const REGIONS: ReadonlySet<string> = new Set(['EEA', 'EU', 'EFTA', 'GLOBAL']);

/** Why an `x-data-residency` value is not valid, or undefined when it is. */
export function residencyProblem(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) return 'it is an empty list';
  for (const v of list) {
    if (typeof v !== 'string' || v.trim().length === 0) return 'it is not a region code or a list of them';
    const code = v.trim().toUpperCase();
    if (!REGIONS.has(code) && !/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(code)) return `"${v}" is not EEA, EU, EFTA, GLOBAL or an ISO 3166-1 alpha-2 country code (optionally with an ISO 3166-2 subdivision)`;
  }
  return undefined;
}

interface ServerRef {
  server: JsonObject;
  path: JsonPath;
}

/** Every Server Object of a 3.x document once: root, path-item and operation level. */
function serverObjects(root: JsonObject): ServerRef[] {
  const out: ServerRef[] = [];
  const seen = new Set<object>();
  const add = (list: unknown, base: JsonPath) =>
    asArray(list).forEach((s, i) => {
      if (isObject(s) && !seen.has(s)) {
        seen.add(s);
        out.push({ server: s, path: [...base, i] });
      }
    });
  add(root.servers, ['servers']);
  for (const [key, item] of entries(root.paths)) {
    if (!isObject(item) || key.startsWith('x-')) continue;
    add(item.servers, ['paths', key, 'servers']);
    for (const method of HTTP_METHODS) if (isObject(item[method])) add((item[method] as JsonObject).servers, ['paths', key, method, 'servers']);
  }
  return out;
}

/**
 * fin-gdpr-data-residency-declared: an API that carries personal data says where it is processed, in
 * `x-data-residency` (EEA, EU, or ISO 3166-1 country codes) on `info` (for the whole API) or on each server (3.x;
 * the document root in 2.0), so that transfers outside the EEA (Art. 44-46) are visible in review.
 */
export const dataResidencyDeclared = createRulesetFunction<JsonObject, PersonalDataOptions | null>(
  {
    input: { type: 'object' },
    options: personalDataOptionsSchema('fin-gdpr-data-residency-declared', '{ personal: { names: ["handle"] } }'),
  },
  function dataResidencyDeclared(root, options) {
    const results: IFunctionResult[] = [];
    const info = isObject(root.info) ? root.info : undefined;
    const invalid = (holder: JsonObject | undefined, path: JsonPath, label: string): boolean => {
      if (!holder || holder[KEY] === undefined) return false;
      const problem = residencyProblem(holder[KEY]);
      if (problem === undefined) return false;
      results.push({ message: `${KEY} of ${label} is invalid: ${problem}.`, path: [...path, KEY] });
      return true;
    };
    const infoBad = invalid(info, ['info'], 'info');
    const isOas2 = oasVersion(root) === '2.0';
    const rootBad = isOas2 && invalid(root, [], 'the document');
    const servers = isOas2 ? [] : serverObjects(root);
    const serverBad = servers.filter((s) => invalid(s.server, s.path, `server ${String(s.server.url ?? '')}`));
    if (!personalDataIndex(root, options).hasPersonalData) return results;
    const declared = (h: JsonObject | undefined) => h !== undefined && h[KEY] !== undefined;
    if (declared(info) && !infoBad) return results;
    if (isOas2) {
      if (!(declared(root) && !rootBad) && !infoBad && !rootBad) {
        results.push({
          message: `The API carries personal data but declares no processing region: add ${KEY} (EEA, EU or ISO 3166-1 country codes) to info.`,
          path: root.host !== undefined ? ['host'] : ['info'],
        });
      }
      return results;
    }
    if (servers.length === 0) {
      if (!infoBad) {
        results.push({
          message: `The API carries personal data but declares no processing region: add ${KEY} (EEA, EU or ISO 3166-1 country codes) to info or to each server.`,
          path: ['info'],
        });
      }
      return results;
    }
    const missing = servers.filter((s) => !declared(s.server) && !serverBad.includes(s));
    if (missing.length === servers.length && !infoBad) {
      // Nothing declares a region: one finding for the document, not one per server.
      results.push({
        message: `The API carries personal data but declares no processing region: add ${KEY} (EEA, EU or ISO 3166-1 country codes) to info, or to ${servers.length === 1 ? 'its server' : `each of its ${servers.length} servers`}.`,
        path: servers[0].path.length === 2 ? ['servers'] : servers[0].path,
      });
      return results;
    }
    for (const s of missing) {
      results.push({
        message: `Server ${String(s.server.url ?? '')} declares no processing region, unlike the other servers: add ${KEY} (EEA, EU or ISO 3166-1 country codes) to it.`,
        path: s.path,
      });
    }
    return results;
  },
);
