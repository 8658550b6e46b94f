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
 * fin-pci-no-sad-in-url: no path, query, header or cookie parameter (nor a property of an object-valued one) carries
 * sensitive authentication data. Every Parameter Object is checked once, wherever it is defined (path items,
 * operations, callbacks, webhooks, components).
 */
export const noSadInUrl = createRulesetFunction<JsonObject, CardDataOptions | null>(
  {
    input: { type: 'object' },
    options: cardDataOptionsSchema('fin-pci-no-sad-in-url', '{ pin: { vetoes: ["hint"] } }'),
  },
  function noSadInUrl(root, options) {
    const results: IFunctionResult[] = [];
    const reported = new Set<object>();
    for (const hit of cardDataIndex(root, options).parameters) {
      if (hit.cls.class !== 'sad' || reported.has(hit.node)) continue;
      reported.add(hit.node);
      results.push({
        message: `${describeParameterHit(hit)} puts sensitive authentication data in ${urlPlace(hit.location)} (${hit.cls.label}: ${hit.cls.reason}).`,
        path: hit.path,
      });
    }
    return results;
  },
);
