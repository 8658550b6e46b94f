import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { describeSubject, dialectOf, fieldName, hasConst, hasEnum, holds, inboundVisits, isUpload, typesOf, type Dialect } from './utils/inputSchemas.js';
import { extendClass, matchName, type NameClass } from './utils/names.js';

export interface StringRestrictedOptions {
  /** Extra name phrases of free-text fields (`delivery instructions`). */
  freeTextNames?: string[];
  /** Phrases that stop a name from counting as free text (`file` in `fileName`). */
  notFreeText?: string[];
}

/** Fields whose values are prose or human names: a pattern cannot describe them, G1 still bounds their length. */
export const FREE_TEXT_NAMES: NameClass = {
  id: 'free-text',
  entries: [
    { phrase: 'description' },
    { phrase: 'desc' },
    { phrase: 'note' },
    { phrase: 'notes' },
    { phrase: 'comment' },
    { phrase: 'comments' },
    { phrase: 'message' },
    { phrase: 'remittance' },
    { phrase: 'memo' },
    { phrase: 'reason' },
    { phrase: 'text' },
    { phrase: 'title' },
    { phrase: 'label' },
    { phrase: 'summary' },
    { phrase: 'narrative' },
    { phrase: 'instructions' },
    { phrase: 'statement descriptor' },
    { phrase: 'name' },
    { phrase: 'address line' },
    { phrase: 'line 1' },
    { phrase: 'line 2' },
    { phrase: 'line 3' },
    { phrase: 'street' },
    { phrase: 'city' },
  ],
  vetoes: ['file', 'user', 'host', 'domain', 'field', 'key', 'param', 'parameter', 'header', 'cookie', 'class', 'type', 'method', 'scheme', 'table', 'column', 'bucket', 'path', 'id', 'code'],
};

/** Formats that restrict nothing a validator checks. */
const NON_RESTRICTING_FORMATS: ReadonlySet<string> = new Set(['password', 'string', 'text', 'any']);

function restricts(m: JsonObject, dialect: Dialect): boolean {
  const types = typesOf(m);
  if (types.length > 0 && !types.includes('string')) return true;
  return (
    typeof m.pattern === 'string' ||
    hasEnum(m) ||
    hasConst(m, dialect) ||
    (typeof m.format === 'string' && m.format.length > 0 && !NON_RESTRICTING_FORMATS.has(m.format))
  );
}

/**
 * fin-input-string-restricted: every string a client sends has a pattern, enum, const or format, except free-text
 * fields (by name, or `x-free-text: true`).
 */
export const stringRestricted = createRulesetFunction<JsonObject, StringRestrictedOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        freeTextNames: { type: 'array', items: { type: 'string' } },
        notFreeText: { type: 'array', items: { type: 'string' } },
      },
      additionalProperties: false,
      errorMessage:
        '"fin-input-string-restricted" options: { freeTextNames?: string[], notFreeText?: string[] }, e.g. { freeTextNames: ["delivery instructions"], notFreeText: ["account name"] }.',
    },
  },
  function stringRestricted(root, options) {
    const results: IFunctionResult[] = [];
    const dialect = dialectOf(root);
    const freeText = extendClass(FREE_TEXT_NAMES, { names: options?.freeTextNames, vetoes: options?.notFreeText });
    for (const visit of inboundVisits(root)) {
      const m = visit.merged;
      if (!typesOf(m).includes('string') || isUpload(visit)) continue;
      if (m['x-free-text'] === true || visit.holder?.['x-free-text'] === true) continue;
      const name = fieldName(visit, root);
      if (name !== undefined && matchName(name, freeText) !== undefined) continue;
      if (holds(root, visit.schema, (s) => restricts(s, dialect))) continue;
      results.push({
        message: `${describeSubject(root, visit)} is a string without pattern, enum, const or format, so any characters are accepted; restrict it, or mark free text with x-free-text: true.`,
        path: visit.path,
      });
    }
    return results;
  },
);
