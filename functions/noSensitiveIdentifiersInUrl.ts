import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { describeParameterHit, URL_LOCATIONS, urlPlace } from './utils/cardData.js';
import type { JsonObject } from './utils/guards.js';
import { personalDataIndex, personalDataOptionsSchema, type PersonalDataOptions } from './utils/personalData.js';

/**
 * fin-gdpr-no-sensitive-identifiers-in-url: no path, query, header or cookie parameter (nor a property of an
 * object-valued one) carries a national identification number (Art. 87), special-category data (Art. 9) or
 * criminal-offence data (Art. 10). Parts of a national id (`ssnLast4`) are left to fin-gdpr-no-personal-data-in-url.
 */
export const noSensitiveIdentifiersInUrl = createRulesetFunction<JsonObject, PersonalDataOptions | null>(
  {
    input: { type: 'object' },
    options: personalDataOptionsSchema('fin-gdpr-no-sensitive-identifiers-in-url', '{ nationalId: { names: ["bsn number"] } }'),
  },
  function noSensitiveIdentifiersInUrl(root, options) {
    const results: IFunctionResult[] = [];
    const reported = new Set<object>();
    for (const hit of personalDataIndex(root, options).parameters) {
      if (!URL_LOCATIONS.has(hit.location) || reported.has(hit.node)) continue;
      const { cls } = hit;
      const sensitive = (cls.class === 'national-id' && cls.kind !== 'partial') || cls.class === 'special-category' || cls.class === 'criminal-offence';
      if (!sensitive) continue;
      reported.add(hit.node);
      results.push({
        message: `${describeParameterHit(hit)} puts ${cls.label} in ${urlPlace(hit.location)} (${cls.reason}).`,
        path: hit.path,
      });
    }
    return results;
  },
);
