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
 * fin-pci-no-pan-in-url: no path, query, header or cookie parameter (nor a property of an object-valued one) carries a
 * card number that may be full: a PAN by name or declaration, or a generic name (`/cards/{number}`) in a card
 * context whose pattern accepts a 12-19 digit number. Masked, truncated and tokenised forms (`last4`, `panToken`)
 * and values whose schema cannot hold a full PAN are not reported.
 */
export const noPanInUrl = createRulesetFunction<JsonObject, CardDataOptions | null>(
  {
    input: { type: 'object' },
    options: cardDataOptionsSchema('fin-pci-no-pan-in-url', '{ pan: { names: ["card ref number"] } }'),
  },
  function noPanInUrl(root, options) {
    const results: IFunctionResult[] = [];
    const reported = new Set<object>();
    for (const hit of cardDataIndex(root, options).parameters) {
      if (hit.cls.class !== 'pan' || hit.cls.kind !== 'full' || reported.has(hit.node)) continue;
      reported.add(hit.node);
      results.push({
        message: `${describeParameterHit(hit)} puts a card number (PAN) in ${urlPlace(hit.location)} (${hit.cls.reason}).`,
        path: hit.path,
      });
    }
    return results;
  },
);
