import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { describeSubject, dialectOf, hasConst, hasEnum, holds, inboundVisits, typesOf, type Dialect } from './utils/inputSchemas.js';

/** 3.1 closed tuple: `prefixItems` with `items: false` admits at most prefixItems.length elements. */
function closedTuple(m: JsonObject, dialect: Dialect): boolean {
  return dialect === 'modern' && Array.isArray(m.prefixItems) && m.items === false;
}

function boundsItems(m: JsonObject, dialect: Dialect): boolean {
  const types = typesOf(m);
  if (types.length > 0 && !types.includes('array')) return true;
  return typeof m.maxItems === 'number' || hasEnum(m) || hasConst(m, dialect) || closedTuple(m, dialect);
}

function describesItems(m: JsonObject, dialect: Dialect): boolean {
  const types = typesOf(m);
  if (types.length > 0 && !types.includes('array')) return true;
  return m.items !== undefined || (dialect === 'modern' && Array.isArray(m.prefixItems)) || hasEnum(m) || hasConst(m, dialect);
}

/**
 * fin-input-array-max-items: every array a client sends (query arrays, 2.0 inline parameter arrays, request body
 * arrays) declares maxItems and an items schema. Bounds from allOf members and composing schemas count; a 3.1 closed
 * tuple (prefixItems + items: false) is bounded.
 */
export const arrayMaxItems = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function arrayMaxItems(root) {
    const results: IFunctionResult[] = [];
    const dialect = dialectOf(root);
    for (const visit of inboundVisits(root)) {
      if (!typesOf(visit.merged).includes('array')) continue;
      const bounded = holds(root, visit.schema, (s) => boundsItems(s, dialect));
      const typed = holds(root, visit.schema, (s) => describesItems(s, dialect));
      if (bounded && typed) continue;
      const subject = describeSubject(root, visit);
      const message = !bounded
        ? `${subject} is an array without maxItems, so a client can send any number of elements${typed ? '' : ', and it declares no items schema'}.`
        : `${subject} is an array without an items schema, so its elements are not validated.`;
      results.push({ message, path: visit.path });
    }
    return results;
  },
);
