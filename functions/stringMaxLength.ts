import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { describeSubject, dialectOf, hasConst, hasEnum, holds, ignoredConst, inboundVisits, isUpload, typesOf, type Dialect } from './utils/inputSchemas.js';
import { patternMaxLength } from './utils/regexPattern.js';

export interface StringMaxLengthOptions {
  /** Formats whose grammar bounds the length (replaces the default list). */
  boundedFormats?: string[];
}

/** Formats with a fixed-length or short grammar: validators that check them reject long values. */
export const DEFAULT_BOUNDED_FORMATS: readonly string[] = ['uuid', 'date', 'date-time', 'time', 'ipv4', 'ipv6'];

/**
 * Whether a schema bounds the length of the strings it accepts: maxLength, enum, const (3.1), a bounded format, or a
 * pattern anchored at both ends without unbounded quantifiers (read from the pattern's text, never executed). Schemas
 * that cannot be strings bound nothing and need nothing.
 */
export function boundsStringLength(m: JsonObject, dialect: Dialect, boundedFormats: ReadonlySet<string>): boolean {
  const types = typesOf(m);
  if (types.length > 0 && !types.includes('string')) return true;
  return (
    typeof m.maxLength === 'number' ||
    hasEnum(m) ||
    hasConst(m, dialect) ||
    (typeof m.format === 'string' && boundedFormats.has(m.format)) ||
    patternMaxLength(m.pattern) < Infinity
  );
}

/**
 * fin-input-string-max-length: every string a client sends (parameters, headers, request bodies; not readOnly
 * properties) is bounded. Constraints from allOf members and from a schema composing a oneOf/anyOf branch count.
 * Binary strings are left to fin-input-upload-limits.
 */
export const stringMaxLength = createRulesetFunction<JsonObject, StringMaxLengthOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { boundedFormats: { type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
      errorMessage:
        '"fin-input-string-max-length" options: { boundedFormats?: string[] } (replaces the default uuid, date, date-time, time, ipv4, ipv6), e.g. { boundedFormats: ["uuid", "date", "iso-4217"] }.',
    },
  },
  function stringMaxLength(root, options) {
    const results: IFunctionResult[] = [];
    const dialect = dialectOf(root);
    const formats = new Set(options?.boundedFormats ?? DEFAULT_BOUNDED_FORMATS);
    for (const visit of inboundVisits(root)) {
      const m = visit.merged;
      if (!typesOf(m).includes('string') || isUpload(visit)) continue;
      if (holds(root, visit.schema, (s) => boundsStringLength(s, dialect, formats))) continue;
      const note = ignoredConst(m, dialect) ? ' Its const is not an OAS 2.0/3.0 keyword and is ignored there: use a one-value enum.' : '';
      results.push({
        message: `${describeSubject(root, visit)} is a string without maxLength (nor enum, const, a bounded format or a length-bounding pattern).${note}`,
        path: visit.path,
      });
    }
    return results;
  },
);
