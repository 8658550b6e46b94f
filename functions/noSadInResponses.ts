import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import {
  cardDataIndex,
  cardDataOptionsSchema,
  exempted,
  whereCarried,
  type CardDataOptions,
} from './utils/cardData.js';
import type { JsonObject } from './utils/guards.js';

/**
 * fin-pci-no-sad-in-responses: no data the API sends out (responses of every status, response headers, and the
 * requests of callbacks and webhooks it makes) carries sensitive authentication data: a card verification code, a
 * PIN or PIN block, or track / chip-equivalent data. `writeOnly: true` properties are not part of responses (3.x).
 * Issuers with a documented business need record `x-pci-issuer-exemption` (PCI DSS 3.3.3) on the property, the
 * operation or `info`.
 */
export const noSadInResponses = createRulesetFunction<JsonObject, CardDataOptions | null>(
  {
    input: { type: 'object' },
    options: cardDataOptionsSchema('fin-pci-no-sad-in-responses', '{ cvc: { names: ["card check value"] } }'),
  },
  function noSadInResponses(root, options) {
    const results: IFunctionResult[] = [];
    const reported = new Set<object>();
    for (const { visit, cls } of cardDataIndex(root, options).visits) {
      if (cls.class !== 'sad' || reported.has(visit.schema)) continue;
      if (visit.ctx.direction !== 'response' && !visit.ctx.outbound) continue;
      if (exempted(root, 'x-pci-issuer-exemption', [visit.schema, visit.holder], visit.ctx.operation)) continue;
      reported.add(visit.schema);
      const what = visit.isParameter ? `Header "${visit.name}"` : `Property "${visit.name}"`;
      results.push({
        message: `${what} is sent in ${whereCarried(visit.ctx)}, but it holds sensitive authentication data (${cls.label}: ${cls.reason}).`,
        path: visit.path,
      });
    }
    return results;
  },
);
