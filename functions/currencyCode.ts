import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { entries, isObject, type JsonObject } from './utils/guards.js';
import { describeSubject, dialectOf, fieldName, holds, inboundVisits, typesOf, type Dialect } from './utils/inputSchemas.js';
import { memoPerDocument } from './utils/memo.js';
import { CURRENCY_NAMES, CURRENCY_WORDS, MONEY_NAMES, moneyName } from './utils/money.js';
import { matchName, tokenize } from './utils/names.js';
import { anchoring, matchedChars, maxMatchLength, minMatchLength, parsePatternCached } from './utils/regexPattern.js';
import { mergeAllOf, schemaIndex } from './utils/schemaWalker.js';

export interface CurrencyCodeOptions {
  /** Accepted code lengths (default 3..3, ISO 4217 alpha-3); widen for crypto-asset tickers. */
  codeLength?: { min?: number; max?: number };
}

interface Lengths {
  min: number;
  max: number;
}

function isCode(value: unknown, lengths: Lengths): boolean {
  return typeof value === 'string' && value.length >= lengths.min && value.length <= lengths.max && /^[A-Za-z]+$/.test(value);
}

/** Whether a schema admits only alphabetic codes of the accepted lengths: enum, const (3.1) or a letters-only pattern. */
function constrainsCode(m: JsonObject, dialect: Dialect, lengths: Lengths): boolean {
  const types = typesOf(m);
  if (types.length > 0 && !types.includes('string')) return true;
  if (Array.isArray(m.enum) && m.enum.length > 0) return m.enum.every((v) => v === null || isCode(v, lengths));
  if (dialect === 'modern' && Object.prototype.hasOwnProperty.call(m, 'const')) return isCode(m.const, lengths);
  // A format named for currency codes (`currency`, `iso-4217`, PayPal's `ppaas_common_currency_code_v2`) declares the
  // code system; validators of that API check it.
  if (typeof m.format === 'string' && tokenize(m.format).some((t) => t === 'currency' || t === '4217')) return true;
  if (typeof m.pattern !== 'string') return false;
  const parsed = parsePatternCached(m.pattern);
  const a = anchoring(parsed);
  const chars = matchedChars(parsed);
  return (
    parsed.valid &&
    a.start &&
    a.end &&
    !chars.digit &&
    !chars.other &&
    minMatchLength(parsed) >= lengths.min &&
    maxMatchLength(parsed) <= lengths.max
  );
}

/** Child schema object -> every schema that holds it (as a property, items, branch), among inbound request schemas. */
function holders(root: JsonObject): Map<object, object[]> {
  return memoPerDocument(root, 'input:holders', () => {
    const index = schemaIndex(root);
    const out = new Map<object, object[]>();
    for (const v of inboundVisits(root)) {
      for (const child of index.childVisits(v.schema, v.ctx)) {
        if (child.schema === v.schema) continue;
        const list = out.get(child.schema) ?? [];
        if (!list.includes(v.schema)) list.push(v.schema);
        out.set(child.schema, list);
      }
    }
    return out;
  });
}

/** A currency field in the object, or in an object-valued property of it (a sibling `amount: { value, currency }`). */
function hasCurrencyField(schema: JsonObject, depth = 0): boolean {
  return entries(mergedProperties(schema)).some(
    ([name, p]) => matchName(name, CURRENCY_NAMES) !== undefined || (depth === 0 && isObject(p) && hasCurrencyField(p, 1)),
  );
}

function mergedProperties(schema: JsonObject): JsonObject {
  const out: JsonObject = {};
  const visit = (s: JsonObject, seen: Set<object>) => {
    if (seen.has(s)) return;
    seen.add(s);
    if (isObject(s.properties)) Object.assign(out, s.properties);
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) if (Array.isArray(s[key])) for (const m of s[key] as unknown[]) if (isObject(m)) visit(m, seen);
  };
  visit(schema, new Set());
  return out;
}

/**
 * fin-input-currency-code: currency fields a client sends admit only ISO 4217 alpha-3 codes (pattern, enum or const),
 * and an object carrying an amount has a currency field itself or in an enclosing object.
 */
export const currencyCode = createRulesetFunction<JsonObject, CurrencyCodeOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        codeLength: {
          type: 'object',
          properties: { min: { type: 'integer', minimum: 1 }, max: { type: 'integer', minimum: 1 } },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
      errorMessage: '"fin-input-currency-code" options: { codeLength?: { min?: number, max?: number } }, e.g. { codeLength: { min: 3, max: 5 } } for crypto-asset tickers.',
    },
  },
  function currencyCode(root, options) {
    const results: IFunctionResult[] = [];
    const dialect = dialectOf(root);
    const lengths: Lengths = { min: options?.codeLength?.min ?? 3, max: options?.codeLength?.max ?? 3 };
    const up = holders(root);
    const enclosing = new Map<object, boolean>();
    const expected = lengths.min === 3 && lengths.max === 3 ? 'pattern: "^[A-Z]{3}$"' : `a letters-only pattern of ${lengths.min}-${lengths.max} characters`;
    for (const visit of inboundVisits(root)) {
      const m = visit.merged;
      const name = fieldName(visit, root);
      const types = typesOf(m);
      // 1. Currency fields.
      if (name !== undefined && matchName(name, CURRENCY_NAMES) !== undefined && (types.includes('string') || (types.length === 0 && !isObject(m.properties)))) {
        if (!holds(root, visit.schema, (s) => constrainsCode(s, dialect, lengths))) {
          results.push({
            message: `${describeSubject(root, visit)} is a currency field that is not limited to ISO 4217 codes: declare ${expected} or an enum of codes.`,
            path: visit.path,
          });
        }
        continue;
      }
      // 2. Amount objects without a currency.
      const props = mergedProperties(visit.schema);
      const amounts = entries(props).filter(([n, p]) => isObject(p) && isScalarAmount(mergeAllOf(p)) && !tokenize(n).some((t) => CURRENCY_WORDS.has(t)));
      const amount = amounts.find(([n]) => moneyName({ ...visit, name: n, parentName: name }, MONEY_NAMES) !== undefined);
      if (amount === undefined || hasCurrencyField(visit.schema)) continue;
      if (enclosingHasCurrency(visit.schema, up, enclosing)) continue;
      results.push({
        message: `${describeSubject(root, visit)} carries the amount "${amount[0]}" without a currency, here or in an enclosing object: add an ISO 4217 currency field next to it.`,
        path: visit.path,
      });
    }
    return results;
  },
);

/**
 * Whether some object that encloses the schema, along any path the API receives it by, has a currency field. Memoised
 * per schema, so the whole document costs one pass over the holder graph.
 */
function enclosingHasCurrency(schema: object, up: Map<object, object[]>, memo: Map<object, boolean>): boolean {
  const known = memo.get(schema);
  if (known !== undefined) return known;
  memo.set(schema, false); // cycle guard: a schema that encloses itself adds nothing
  const found = (up.get(schema) ?? []).some((p) => (isObject(p) && hasCurrencyField(p)) || enclosingHasCurrency(p, up, memo));
  memo.set(schema, found);
  return found;
}

/** An amount value: a number, integer or string (decimal string), not an object, array or flag. */
function isScalarAmount(p: JsonObject): boolean {
  const types = typesOf(p);
  return types.length > 0 && types.every((t) => t === 'number' || t === 'integer' || t === 'string') && p.format !== 'date' && p.format !== 'date-time';
}
