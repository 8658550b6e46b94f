import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { describeParameterHit, urlPlace } from './utils/cardData.js';
import type { JsonObject } from './utils/guards.js';
import { personalDataIndex, personalDataOptionsSchema, type PersonalDataOptions } from './utils/personalData.js';

/** Where a value is part of the URL. */
const URL_PARTS: ReadonlySet<string> = new Set(['path', 'query', 'querystring']);

/**
 * fin-gdpr-no-personal-data-in-url: no path or query parameter (nor a property of an object-valued one) carries direct
 * identifiers or contact data: a person's name, email, phone, postal address, date of birth, IP address, device id,
 * geolocation, bank account number or IBAN, demographic data, or part of a national id. Full national ids, special
 * categories and criminal-offence data are fin-gdpr-no-sensitive-identifiers-in-url's, at error severity.
 */
export const noPersonalDataInUrl = createRulesetFunction<JsonObject, PersonalDataOptions | null>(
  {
    input: { type: 'object' },
    options: personalDataOptionsSchema('fin-gdpr-no-personal-data-in-url', '{ personal: { vetoes: ["hashed"] } }'),
  },
  function noPersonalDataInUrl(root, options) {
    const results: IFunctionResult[] = [];
    const reported = new Set<object>();
    for (const hit of personalDataIndex(root, options).parameters) {
      if (!URL_PARTS.has(hit.location) || reported.has(hit.node)) continue;
      const { cls } = hit;
      if (!(cls.class === 'personal' || (cls.class === 'national-id' && cls.kind === 'partial'))) continue;
      reported.add(hit.node);
      results.push({
        message: `${describeParameterHit(hit)} puts ${cls.label} in ${urlPlace(hit.location)} (${cls.reason}).`,
        path: hit.path,
      });
    }
    return results;
  },
);
