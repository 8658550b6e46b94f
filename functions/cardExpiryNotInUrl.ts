import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import {
  cardDataIndex,
  cardDataOptionsSchema,
  describeParameterHit,
  urlPlace,
  type CardDataOptions,
} from './utils/cardData.js';
import type { JsonObject } from './utils/guards.js';

/**
 * fin-pci-card-expiry-not-in-url: no path, query, header or cookie parameter (nor a property of an object-valued one)
 * carries a card expiry date. Expiry names count only in a card context, so token and session expiries are silent.
 */
export const cardExpiryNotInUrl = createRulesetFunction<JsonObject, CardDataOptions | null>(
  {
    input: { type: 'object' },
    options: cardDataOptionsSchema('fin-pci-card-expiry-not-in-url', '{ expiry: { names: ["card valid to"] } }'),
  },
  function cardExpiryNotInUrl(root, options) {
    const results: IFunctionResult[] = [];
    const reported = new Set<object>();
    for (const hit of cardDataIndex(root, options).parameters) {
      if (hit.cls.class !== 'card-expiry' || reported.has(hit.node)) continue;
      reported.add(hit.node);
      results.push({
        message: `${describeParameterHit(hit)} puts a card expiry date in ${urlPlace(hit.location)} (${hit.cls.reason}).`,
        path: hit.path,
      });
    }
    return results;
  },
);
