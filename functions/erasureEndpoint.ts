import { createRulesetFunction } from './utils/rulesetFunction.js';
import { checkRight } from './utils/dataSubjectRights.js';
import type { JsonObject } from './utils/guards.js';
import { dataSubjectOptionsSchema, resourceOperations, type DataSubjectOptions } from './utils/personalData.js';

/**
 * fin-gdpr-erasure-endpoint: each data-subject resource (a configured collection such as `/customers`, or a path whose
 * GET returns a schema marked `x-data-subject: true`) offers erasure: a DELETE on the collection or its items, or an
 * operation anywhere marked `x-gdpr-erasure: true` (`POST /erasure-requests`), or records an exemption.
 */
export const erasureEndpoint = createRulesetFunction<JsonObject, DataSubjectOptions | null>(
  {
    input: { type: 'object' },
    options: dataSubjectOptionsSchema('fin-gdpr-erasure-endpoint', '{ collections: ["customers", "beneficiaries"] }'),
  },
  function erasureEndpoint(root, options) {
    return checkRight(root, options, {
      key: 'x-gdpr-erasure',
      right: 'erasure (Art. 17)',
      missing: (resource, ops) =>
        resourceOperations(resource, ops).some((op) => op.method === 'delete')
          ? undefined
          : `no DELETE on ${resource.paths.join(' or ')} and no operation marked x-gdpr-erasure: true`,
    });
  },
);
