import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { describeSubject, typesOf, visitsOncePerSchema } from './utils/inputSchemas.js';
import { MONEY_NAMES, moneyName } from './utils/money.js';
import { extendClass } from './utils/names.js';

export interface MoneyNotFloatOptions {
  /** Extra money phrases (`premium`, `settlement value`). */
  names?: string[];
  /** Extra veto phrases (`score`). */
  vetoes?: string[];
}

function isBinaryFloat(m: JsonObject): boolean {
  const types = typesOf(m);
  if (types.includes('number')) return true;
  return types.length === 0 && (m.format === 'float' || m.format === 'double');
}

/**
 * fin-input-money-not-float: monetary fields (by name, or `value` inside a money-named object) in requests and responses
 * are not JSON numbers/binary floating point: a decimal string with an anchored pattern, or integer minor units.
 */
export const moneyNotFloat = createRulesetFunction<JsonObject, MoneyNotFloatOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        names: { type: 'array', items: { type: 'string' } },
        vetoes: { type: 'array', items: { type: 'string' } },
      },
      additionalProperties: false,
      errorMessage: '"fin-input-money-not-float" options: { names?: string[], vetoes?: string[] }, e.g. { names: ["premium"], vetoes: ["score"] }.',
    },
  },
  function moneyNotFloat(root, options) {
    const results: IFunctionResult[] = [];
    const money = extendClass(MONEY_NAMES, options ?? undefined);
    for (const visit of visitsOncePerSchema(root)) {
      const m = visit.merged;
      if (!isBinaryFloat(m)) continue;
      const phrase = moneyName(visit, money, root);
      if (phrase === undefined) continue;
      const written = typeof m.format === 'string' ? `number (format: ${m.format})` : 'number';
      results.push({
        message: `${describeSubject(root, visit)} is a monetary amount ("${phrase}") typed as a binary floating-point ${written}, which cannot hold most decimal amounts exactly: use a decimal string with an anchored pattern, or integer minor units.`,
        path: visit.path,
      });
    }
    return results;
  },
);
