import { createRulesetFunction } from './utils/rulesetFunction.js';
import { checkRight } from './utils/dataSubjectRights.js';
import type { JsonObject } from './utils/guards.js';
import { dataSubjectOptionsSchema, isItemPath, resourceOperations, type DataSubjectOptions } from './utils/personalData.js';

/**
 * fin-gdpr-rectification-endpoint: each data-subject resource can be corrected: PATCH or PUT on the collection or its
 * items, POST on an item path (the update style of many payment APIs), or an operation marked
 * `x-gdpr-rectification: true`, or a recorded exemption.
 */
export const rectificationEndpoint = createRulesetFunction<JsonObject, DataSubjectOptions | null>(
  {
    input: { type: 'object' },
    options: dataSubjectOptionsSchema('fin-gdpr-rectification-endpoint', '{ collections: ["customers", "beneficiaries"] }'),
  },
  function rectificationEndpoint(root, options) {
    return checkRight(root, options, {
      key: 'x-gdpr-rectification',
      right: 'rectification (Art. 16)',
      missing: (resource, ops) =>
        resourceOperations(resource, ops).some((op) => op.method === 'patch' || op.method === 'put' || (op.method === 'post' && isItemPath(resource, op.pathKey)))
          ? undefined
          : `no PATCH or PUT on ${resource.paths.join(' or ')} and no operation marked x-gdpr-rectification: true`,
    });
  },
);
