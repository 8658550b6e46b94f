import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { describeSubject, holds, inboundVisits, typesOf } from './utils/inputSchemas.js';
import { tokenize } from './utils/names.js';
import { anchoring, matchedChars, parsePatternCached } from './utils/regexPattern.js';

const INTEGER_STRING_FORMATS: ReadonlySet<string> = new Set(['int32', 'int64', 'integer', 'long']);

/** Why a path identifier looks sequential, or undefined when nothing says so (opaque strings, UUIDs, unknown shape). */
function enumerable(m: JsonObject): string | undefined {
  const types = typesOf(m);
  if (types.includes('integer')) return 'an integer';
  if (types.includes('number')) return 'a number';
  if (!types.includes('string')) return undefined;
  if (typeof m.format === 'string' && INTEGER_STRING_FORMATS.has(m.format)) return `a string of format ${m.format}`;
  if (typeof m.pattern === 'string') {
    const parsed = parsePatternCached(m.pattern);
    const a = anchoring(parsed);
    const chars = matchedChars(parsed);
    if (parsed.valid && a.start && a.end && chars.digit && !chars.upper && !chars.lower && !chars.other) return 'a digits-only string';
  }
  return undefined;
}

/**
 * fin-input-non-enumerable-ids: path parameters that identify an object (`id`, `paymentId`, `account_id`) are opaque
 * rather than sequential numbers: not integer/number, not an integer-formatted string, not a digits-only pattern.
 */
export const nonEnumerableIds = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function nonEnumerableIds(root) {
    const results: IFunctionResult[] = [];
    const reported = new Set<object>();
    for (const visit of inboundVisits(root)) {
      if (!visit.isParameter || visit.ctx.location !== 'path' || visit.name === undefined || visit.holder === undefined) continue;
      if (reported.has(visit.holder)) continue;
      reported.add(visit.holder);
      const tokens = tokenize(visit.name);
      if (tokens[tokens.length - 1] !== 'id') continue;
      const why = enumerable(visit.merged);
      if (why === undefined || holds(root, visit.schema, (s) => s.format === 'uuid')) continue;
      results.push({
        message: `${describeSubject(root, visit)} identifies an object by ${why}, which an attacker can enumerate: use an opaque identifier such as format: uuid.`,
        path: visit.path,
      });
    }
    return results;
  },
);
