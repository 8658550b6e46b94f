import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { describeSubject, visitsOncePerSchema } from './utils/inputSchemas.js';
import { anchoring, isLiteralAffix, parsePatternCached } from './utils/regexPattern.js';

/** A `pattern` keyword and where it is written: the schema itself or one of its allOf members. */
function patternHolders(schema: JsonObject, path: JsonPath, out: [JsonObject, JsonPath][], seen: Set<object>): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  if (typeof schema.pattern === 'string') out.push([schema, path]);
  asArray(schema.allOf).forEach((m, i) => isObject(m) && patternHolders(m, [...path, 'allOf', i], out, seen));
}

const short = (p: string) => (p.length > 60 ? `${p.slice(0, 57)}...` : p);

/** What is wrong with a pattern, judged from its text (it is never run), or undefined when it is anchored. */
export function anchorProblem(pattern: string): string | undefined {
  const parsed = parsePatternCached(pattern);
  if (!parsed.valid) return 'is not a valid ECMA-262 regular expression, so validators either reject the schema or skip the check';
  if (parsed.foreignAnchors.length > 0) {
    return `uses ${parsed.foreignAnchors.join(', ')}, which ECMA-262 reads as plain letters, not as anchors; use ^ and $`;
  }
  const a = anchoring(parsed);
  if ((a.start && a.end) || isLiteralAffix(parsed)) return undefined;
  if (a.alternationPitfall) {
    return 'is not anchored: | binds more loosely than ^ and $, so only the first alternative is anchored at the start and only the last at the end; group the alternatives as ^(?:a|b)$';
  }
  const missing = !a.start && !a.end ? 'at the start or the end' : !a.start ? 'at the start (^)' : 'at the end ($)';
  return `is not anchored ${missing}, so it matches inside longer values that it should reject; write ^...$`;
}

/**
 * fin-input-pattern-anchored: every `pattern` (request and response schemas, 2.0 inline parameters and headers, allOf
 * members) is anchored at both ends. The pattern is parsed, never executed, so hostile patterns cannot backtrack.
 */
export const patternAnchored = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function patternAnchored(root) {
    const results: IFunctionResult[] = [];
    const reported = new Set<object>();
    for (const visit of visitsOncePerSchema(root)) {
      const holders: [JsonObject, JsonPath][] = [];
      patternHolders(visit.schema, visit.path, holders, new Set());
      for (const [holder, path] of holders) {
        if (reported.has(holder)) continue;
        reported.add(holder);
        if (holder['x-pattern-unanchored'] === true) continue;
        const pattern = holder.pattern as string;
        const problem = anchorProblem(pattern);
        if (problem === undefined) continue;
        results.push({ message: `Pattern "${short(pattern)}" of ${lower(describeSubject(root, visit))} ${problem}.`, path: [...path, 'pattern'] });
      }
    }
    return results;
  },
);

function lower(subject: string): string {
  return subject[0].toLowerCase() + subject.slice(1);
}
