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
 * fin-pci-pan-masked-in-responses: card numbers the API sends out (responses, response headers, callback and webhook
 * requests) show masking, truncation or tokenisation evidence. Reported: a PAN by name or declaration whose schema
 * can hold a full card number; and a field named as masked (`maskedPan`, `cardNumberLast4`) whose pattern accepts a
 * full 12-19 digit number. Full PANs with a documented business need (PCI DSS 3.4.1) record
 * `x-pci-full-pan-justification` on the property, the operation or `info`.
 */
export const panMaskedInResponses = createRulesetFunction<JsonObject, CardDataOptions | null>(
  {
    input: { type: 'object' },
    options: cardDataOptionsSchema('fin-pci-pan-masked-in-responses', '{ pan: { vetoes: ["reference"] } }'),
  },
  function panMaskedInResponses(root, options) {
    const results: IFunctionResult[] = [];
    const reported = new Set<object>();
    for (const { visit, cls } of cardDataIndex(root, options).visits) {
      if (cls.class !== 'pan' || reported.has(visit.schema)) continue;
      if (visit.ctx.direction !== 'response' && !visit.ctx.outbound) continue;
      const what = visit.isParameter ? `Header "${visit.name}"` : `Property "${visit.name}"`;
      let message: string | undefined;
      if (cls.kind === 'full') {
        message = `${what} in ${whereCarried(visit.ctx)} may return a full card number (${cls.reason}; ${cls.capacity?.reason ?? 'no masking is declared'}).`;
      } else if (cls.kind === 'masked' && cls.by === 'name' && cls.capacity?.capacity === 'admits' && typeof visit.merged.pattern === 'string') {
        message = `${what} in ${whereCarried(visit.ctx)} is named as ${cls.label}, but ${cls.capacity.reason}.`;
      }
      if (message === undefined) continue;
      if (exempted(root, 'x-pci-full-pan-justification', [visit.schema, visit.holder], visit.ctx.operation)) continue;
      reported.add(visit.schema);
      results.push({ message, path: visit.path });
    }
    return results;
  },
);
