import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { cardDataIndex, cardDataOptionsSchema, whereCarried, type CardDataOptions } from './utils/cardData.js';
import { declaredClassifications } from './utils/classify.js';
import { isObject, type JsonObject } from './utils/guards.js';
import { oasVersion } from './utils/oas.js';

/**
 * fin-pci-sad-classified-for-redaction: every property that carries sensitive authentication data into the API (request
 * bodies, 2.0 form fields) declares `x-data-classification: pci-sad` (a PIN may say `credential`), and in OAS 3.x is
 * `writeOnly: true`, so gateways, log pipelines and SDK generators can redact it and no response can echo it. Each
 * property is reported once, where it is written, naming what is missing.
 */
export const sadClassifiedForRedaction = createRulesetFunction<JsonObject, CardDataOptions | null>(
  {
    input: { type: 'object' },
    options: cardDataOptionsSchema('fin-pci-sad-classified-for-redaction', '{ track: { names: ["swipe data"] } }'),
  },
  function sadClassifiedForRedaction(root, options) {
    const results: IFunctionResult[] = [];
    const reported = new Set<object>();
    const needsWriteOnly = oasVersion(root) !== '2.0';
    for (const { visit, cls } of cardDataIndex(root, options).visits) {
      if (cls.class !== 'sad' || visit.ctx.direction !== 'request' || reported.has(visit.schema)) continue;
      const isFormField = visit.isParameter && visit.ctx.location === 'formData';
      if (visit.parent === undefined && !isFormField) continue;
      reported.add(visit.schema);
      const { values } = declaredClassifications([visit.holder, visit.schema, visit.merged].filter(isObject));
      const classified = values.includes('pci-sad') || (cls.kind === 'pin' && values.includes('credential'));
      const writeOnly = !needsWriteOnly || isFormField || visit.merged.writeOnly === true;
      if (classified && writeOnly) continue;
      const missing = [!classified ? 'x-data-classification: pci-sad' : undefined, !writeOnly ? 'writeOnly: true' : undefined].filter(
        (m): m is string => m !== undefined,
      );
      results.push({
        message: `Property "${visit.name}" in ${whereCarried(visit.ctx)} holds sensitive authentication data (${cls.label}: ${cls.reason}) but does not declare ${missing.join(' and ')}.`,
        path: visit.path,
      });
    }
    return results;
  },
);
