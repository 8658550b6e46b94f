import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, entries, isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { tokenize } from './utils/names.js';
import { oasVersion, operations, securitySchemes } from './utils/oas.js';
import { parameterObjects } from './utils/parameters.js';
import { serverObjects } from './utils/servers.js';
import { fillServerUrl } from './utils/transport.js';

export interface VersionDeclaredOptions {
  /** Regular expression `info.version` must match, replacing the default (semantic or calendar versions). */
  versionPattern?: string;
}

/**
 * `MAJOR.MINOR.PATCH` (with an optional `v` and any pre-release, build or `_suffix`: `2.0.0`, `v3.1.6`,
 * `1.3.12_2022-07-01`), or a calendar version (`2024-06-20`, `2020-09-14_1.697.4`) for APIs versioned by release date.
 */
const DEFAULT_VERSION = /^(?:v?\d+\.\d+\.\d+(?:[-+_ .].*)?|\d{4}-\d{2}-\d{2}(?:[-+_ .].*)?)$/;

/** A major version in a URL or path: a `/v2`, `/v2.1`, `v3_0` segment, or a `v2.` / `-v2` host label. */
const VERSION_SEGMENT = /(?:^|[/.-])v\d+(?:[._]\d+)*(?:$|[/.-])/i;

/** A versioned media type: `application/vnd.bank.v2+json`, `application/json; version=2`. */
const VERSIONED_MEDIA_TYPE = /;\s*(?:api-?)?version=|[.+-]v\d+(?:[.+;]|$)/i;

function isVersionName(name: string): boolean {
  return tokenize(name).includes('version');
}

/** Where the major version is visible to clients, or undefined. Checks stop at the first evidence. */
function exposure(root: JsonObject): string | undefined {
  if (isObject(root.info) && root.info['x-api-version'] !== undefined) return 'info.x-api-version';
  if (root['x-api-version'] !== undefined) return 'x-api-version';
  if (oasVersion(root) === '2.0') {
    const base = `${typeof root.host === 'string' ? root.host : ''}${typeof root.basePath === 'string' ? root.basePath : ''}`;
    if (VERSION_SEGMENT.test(base)) return `basePath ${base}`;
  }
  for (const { server } of serverObjects(root)) {
    const url = fillServerUrl(server).replace(/^[a-z][a-z0-9+.-]*:\/\//i, '/');
    if (VERSION_SEGMENT.test(url)) return `server ${server.url}`;
    for (const [name] of entries(server.variables)) if (isVersionName(name)) return `server variable {${name}}`;
  }
  for (const key of Object.keys(isObject(root.paths) ? root.paths : {})) {
    if (VERSION_SEGMENT.test(key)) return `path ${key}`;
    const param = /\{([^{}]+)\}/.exec(key);
    if (param && isVersionName(param[1])) return `path ${key}`;
  }
  for (const ref of parameterObjects(root)) {
    if ((ref.in === 'header' || ref.in === 'query' || ref.in === 'path') && isVersionName(ref.name)) return `${ref.in} parameter ${ref.name}`;
  }
  for (const [name, scheme] of Object.entries(securitySchemes(root).schemes)) {
    if (scheme.type === 'apiKey' && typeof scheme.name === 'string' && isVersionName(scheme.name)) return `security scheme ${name}`;
  }
  const mediaTypes = (holder: unknown): string[] => Object.keys(isObject(holder) ? holder : {});
  const lists = [asArray(root.produces), asArray(root.consumes)];
  for (const op of operations(root)) {
    lists.push(asArray(op.operation.produces), asArray(op.operation.consumes));
    if (isObject(op.operation.requestBody)) lists.push(mediaTypes(op.operation.requestBody.content));
    for (const [, response] of entries(op.operation.responses)) if (isObject(response)) lists.push(mediaTypes(response.content));
  }
  for (const list of lists) for (const mt of list) if (typeof mt === 'string' && VERSIONED_MEDIA_TYPE.test(mt)) return `media type ${mt}`;
  return undefined;
}

/**
 * fin-lifecycle-version-declared: `info.version` is a semantic version (`MAJOR.MINOR.PATCH`) or a calendar version,
 * and clients can see which major version they call: a `/v{n}` segment in a server URL, 2.0 `basePath` or path, a
 * version header, query or path parameter (or an apiKey-style version header scheme such as `Plaid-Version`), a
 * versioned media type, or `x-api-version`. At most two findings per document.
 */
export const versionDeclared = createRulesetFunction<JsonObject, VersionDeclaredOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { versionPattern: { type: 'string', minLength: 1 } },
      additionalProperties: false,
      errorMessage: '"fin-lifecycle-version-declared" options: { versionPattern?: string }, e.g. { versionPattern: "^[0-9]+$" } for integer versions.',
    },
  },
  function versionDeclared(root, options) {
    const results: IFunctionResult[] = [];
    const info = isObject(root.info) ? root.info : undefined;
    const version = info?.version;
    let pattern = DEFAULT_VERSION;
    if (options?.versionPattern !== undefined) {
      try {
        pattern = new RegExp(options.versionPattern);
      } catch {
        results.push({ message: `The versionPattern option "${options.versionPattern}" is not a valid regular expression.`, path: ['info'] });
      }
    }
    if (typeof version !== 'string' || version.trim() === '') {
      results.push({ message: 'info.version is missing; declare the API version as MAJOR.MINOR.PATCH.', path: info ? ['info'] : [] });
    } else if (!pattern.test(version.trim())) {
      const expected = options?.versionPattern !== undefined ? `does not match ${options.versionPattern}` : 'is not a semantic version (MAJOR.MINOR.PATCH) or a release date';
      results.push({ message: `info.version "${version}" ${expected}.`, path: ['info', 'version'] });
    }
    if (operations(root).length > 0 && exposure(root) === undefined) {
      const where: JsonPath = Array.isArray(root.servers) ? ['servers'] : info ? ['info'] : [];
      results.push({
        message:
          'Clients cannot tell which major version they call: no /v{n} segment in a server URL, basePath or path, no version header or parameter, and no versioned media type.',
        path: where,
      });
    }
    return results;
  },
);
