import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { describeSubject, dialectOf, fieldName, hasConst, hasEnum, holds, inboundVisits, typesOf, type Dialect } from './utils/inputSchemas.js';
import { tokenize } from './utils/names.js';

/** Whole names (as token sequences) of page-size query parameters. */
const PAGE_SIZE_NAMES: ReadonlySet<string> = new Set([
  'limit',
  'page size',
  'per page',
  'size',
  'page limit',
  'max results',
  'max items',
  'max records',
  'max page size',
  'results per page',
  'items per page',
  'top',
  'first',
  'last',
  'take',
  'count',
  'page count',
]);

const NUMERIC = (m: JsonObject) => typesOf(m).some((t) => t === 'integer' || t === 'number');

function side(m: JsonObject, dialect: Dialect, which: 'lower' | 'upper'): boolean {
  const types = typesOf(m);
  if (types.length > 0 && !NUMERIC(m)) return true;
  if (hasEnum(m) || hasConst(m, dialect)) return true;
  const inclusive = which === 'lower' ? m.minimum : m.maximum;
  const exclusive = which === 'lower' ? m.exclusiveMinimum : m.exclusiveMaximum;
  if (typeof inclusive === 'number') return true;
  return dialect === 'modern' && typeof exclusive === 'number';
}

/** Cross-version mistakes with exclusive bounds (catalogue §3): each a sentence for the message. */
function boundMistakes(m: JsonObject, dialect: Dialect): string[] {
  const out: string[] = [];
  for (const [exclusiveKey, inclusiveKey] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    const exclusive = m[exclusiveKey];
    const inclusive = m[inclusiveKey];
    if (dialect === 'legacy' && typeof exclusive === 'number') {
      out.push(
        `${exclusiveKey}: ${exclusive} is OAS 3.1 syntax, which OAS 2.0/3.0 validators ignore or reject; write ${inclusiveKey}: ${exclusive} with ${exclusiveKey}: true.`,
      );
    } else if (dialect === 'legacy' && exclusive === true && typeof inclusive !== 'number') {
      out.push(`${exclusiveKey}: true only modifies ${inclusiveKey}, which is missing, so it sets no bound.`);
    } else if (dialect === 'modern' && typeof exclusive === 'boolean') {
      out.push(
        typeof inclusive === 'number'
          ? `${exclusiveKey}: ${String(exclusive)} is OAS 2.0/3.0 syntax and has no effect in OAS 3.1, so ${inclusive} itself is accepted; write ${exclusiveKey}: ${inclusive} instead of ${inclusiveKey}.`
          : `${exclusiveKey}: ${String(exclusive)} is OAS 2.0/3.0 syntax and sets no bound in OAS 3.1; write ${exclusiveKey}: <number>.`,
      );
    }
  }
  return out;
}

/**
 * fin-input-numeric-bounds: every integer and number a client sends declares a lower and an upper bound, read per
 * version (2.0/3.0: minimum/maximum with boolean exclusive modifiers; 3.1: minimum|exclusiveMinimum and
 * maximum|exclusiveMaximum as numbers); enum and const bound too. Exclusive bounds written for the other version are
 * reported, and page sizes without a maximum get their own message.
 */
export const numericBounds = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function numericBounds(root) {
    const results: IFunctionResult[] = [];
    const dialect = dialectOf(root);
    for (const visit of inboundVisits(root)) {
      const m = visit.merged;
      if (!NUMERIC(m)) continue;
      const lower = holds(root, visit.schema, (s) => side(s, dialect, 'lower'));
      const upper = holds(root, visit.schema, (s) => side(s, dialect, 'upper'));
      const mistakes = boundMistakes(m, dialect);
      if (lower && upper && mistakes.length === 0) continue;
      const subject = describeSubject(root, visit);
      const kind = typesOf(m).includes('integer') ? 'an integer' : 'a number';
      const name = fieldName(visit, root);
      const pageSize = visit.isParameter && visit.ctx.location === 'query' && name !== undefined && PAGE_SIZE_NAMES.has(tokenize(name).join(' '));
      let head: string;
      if (pageSize && !upper) head = `${subject} is a page size without an upper bound, so one call can ask for every record: declare maximum${lower ? '' : ' and minimum'}.`;
      else if (!lower && !upper) head = `${subject} is ${kind} without a lower or an upper bound: declare minimum and maximum.`;
      else if (!lower) head = `${subject} is ${kind} without a lower bound: declare minimum.`;
      else if (!upper) head = `${subject} is ${kind} without an upper bound: declare maximum.`;
      else head = `${subject} has a mistaken exclusive bound.`;
      results.push({ message: [head, ...mistakes].join(' '), path: visit.path });
    }
    return results;
  },
);
