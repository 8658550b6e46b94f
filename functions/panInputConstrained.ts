import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { cardDataIndex, cardDataOptionsSchema, whereCarried, type CardDataOptions } from './utils/cardData.js';
import type { JsonObject } from './utils/guards.js';
import { oasVersion } from './utils/oas.js';
import { isPanInputPattern, schemaTypes } from './utils/pan.js';

/**
 * fin-pci-pan-input-constrained: full card numbers the API receives (request body properties, 2.0 form fields) are
 * strings with an anchored pattern of 12-19 digits and `maxLength` of at most 19, and in OAS 3.x are `writeOnly: true`.
 * Tokens, encrypted card numbers and masked forms are not card-number input and are not checked.
 */
export const panInputConstrained = createRulesetFunction<JsonObject, CardDataOptions | null>(
  {
    input: { type: 'object' },
    options: cardDataOptionsSchema('fin-pci-pan-input-constrained', '{ pan: { names: ["card ref number"] } }'),
  },
  function panInputConstrained(root, options) {
    const results: IFunctionResult[] = [];
    const reported = new Set<object>();
    const needsWriteOnly = oasVersion(root) !== '2.0';
    for (const { visit, cls } of cardDataIndex(root, options).visits) {
      if (cls.class !== 'pan' || cls.kind !== 'full' || visit.ctx.direction !== 'request' || reported.has(visit.schema)) continue;
      const isFormField = visit.isParameter && visit.ctx.location === 'formData';
      if (visit.parent === undefined && !isFormField) continue;
      reported.add(visit.schema);
      const s = visit.merged;
      const types = schemaTypes(s);
      const problems: string[] = [];
      if (types.some((t) => t === 'integer' || t === 'number')) problems.push(`it is of type ${types.join('/')} (a JSON number loses leading zeros and digits beyond 15)`);
      else if (!types.includes('string')) problems.push('it does not declare type: string');
      if (!isPanInputPattern(s.pattern)) {
        problems.push(typeof s.pattern === 'string' ? `its pattern "${s.pattern}" is not an anchored 12-19 digit pattern` : 'it has no anchored 12-19 digit pattern');
      }
      if (typeof s.maxLength !== 'number' || s.maxLength > 19) {
        problems.push(typeof s.maxLength === 'number' ? `its maxLength ${s.maxLength} is above 19` : 'it has no maxLength (19 at most)');
      }
      if (needsWriteOnly && !isFormField && s.writeOnly !== true) problems.push('it is not writeOnly: true');
      if (problems.length === 0) continue;
      results.push({
        message: `Property "${visit.name}" in ${whereCarried(visit.ctx)} holds a card number (${cls.reason}) but is not constrained as one: ${problems.join('; ')}.`,
        path: visit.path,
      });
    }
    return results;
  },
);
