import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { checkRight, markedOperations } from './utils/dataSubjectRights.js';
import { asArray, entries, isObject, type JsonObject } from './utils/guards.js';
import { describeOperation, oasVersion, operations, type OperationRef } from './utils/oas.js';
import { dataSubjectOptionsSchema, dataSubjectResources, isExportPath, rightsPortal, type DataSubjectOptions } from './utils/personalData.js';

/** Media types a machine can read: JSON (and +json, NDJSON), CSV, XML (and +xml). */
export function isStructuredMediaType(mediaType: string): boolean {
  const type = mediaType.split(';')[0].trim().toLowerCase();
  return /^application\/(.+\+)?json$/.test(type) || /^application\/(x-)?ndjson$/.test(type) || /^(text|application)\/csv$/.test(type) || /^(text|application)\/(.+\+)?xml$/.test(type);
}

/** The media types of an operation's 2xx responses that have a body, with the first such response's status. */
function successMediaTypes(root: JsonObject, op: OperationRef): { types: string[]; status?: string } {
  const types: string[] = [];
  let status: string | undefined;
  const produces = asArray(op.operation.produces ?? root.produces).filter((p): p is string => typeof p === 'string');
  for (const [code, response] of entries(op.operation.responses)) {
    if (!/^2/.test(code) || !isObject(response)) continue;
    const own = oasVersion(root) === '2.0' ? (isObject(response.schema) ? produces : []) : Object.keys(isObject(response.content) ? response.content : {});
    if (own.length > 0 && status === undefined) status = code;
    types.push(...own);
  }
  return { types, status };
}

/**
 * fin-gdpr-export-endpoint: each data-subject resource offers a copy of the person's data (Art. 15) in a structured,
 * machine-readable form (Art. 20): a GET under the resource whose path ends in `/export` or `/personal-data`, or an
 * operation marked `x-gdpr-export: true`. Export operations whose successful responses offer only unstructured media
 * types (PDF, images, plain text) are reported at the response.
 */
export const exportEndpoint = createRulesetFunction<JsonObject, DataSubjectOptions | null>(
  {
    input: { type: 'object' },
    options: dataSubjectOptionsSchema('fin-gdpr-export-endpoint', '{ collections: ["customers", "beneficiaries"] }'),
  },
  function exportEndpoint(root, options) {
    const results: IFunctionResult[] = checkRight(root, options, {
      key: 'x-gdpr-export',
      right: 'export of personal data (Art. 15, 20)',
      missing: (resource, ops) =>
        ops.some((op) => op.pathKey.startsWith(`${resource.collection}/`) && isExportPath(op.pathKey))
          ? undefined
          : `no operation under ${resource.collection} ending in /export or /personal-data and no operation marked x-gdpr-export: true`,
    });
    if (rightsPortal(root)) return results;
    const resources = dataSubjectResources(root, options);
    const exportOps = new Set<OperationRef>(markedOperations(root, 'x-gdpr-export'));
    for (const op of operations(root)) {
      if (op.method === 'get' && isExportPath(op.pathKey) && resources.some((r) => op.pathKey.startsWith(`${r.collection}/`))) exportOps.add(op);
    }
    for (const op of exportOps) {
      const { types, status } = successMediaTypes(root, op);
      if (types.length === 0 || types.some(isStructuredMediaType)) continue;
      results.push({
        message: `Export operation ${describeOperation(op)} returns only ${[...new Set(types)].join(', ')}; a copy of personal data must also be offered in a structured, machine-readable format (application/json, text/csv or XML).`,
        path: [...op.path, 'responses', status ?? '200'],
      });
    }
    return results;
  },
);
