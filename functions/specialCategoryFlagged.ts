import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { describeParameterHit, whereCarried } from './utils/cardData.js';
import { isObject, type JsonObject } from './utils/guards.js';
import {
  declaredValues,
  holderOf,
  personalDataIndex,
  personalDataOptionsSchema,
  valueSchema,
  type PersonalClassification,
  type PersonalDataOptions,
} from './utils/personalData.js';
import type { SchemaVisit } from './utils/schemaWalker.js';

/** The conditions of GDPR Art. 9(2)(a)-(j) under which special-category data may be processed. */
export const ART9_CONDITIONS: readonly string[] = [
  'explicit-consent',
  'employment',
  'vital-interests',
  'not-for-profit',
  'made-public',
  'legal-claims',
  'substantial-public-interest',
  'health-care',
  'public-health',
  'archiving-research',
];

const CONDITION_KEY = 'x-gdpr-art9-condition';

/** What is missing or wrong, as a clause, or undefined when the value is flagged properly. */
function problem(cls: PersonalClassification, annotated: readonly unknown[]): string | undefined {
  const values = declaredValues(annotated);
  const classified = values.includes('special-category');
  const raw = annotated.find((o) => isObject(o) && o[CONDITION_KEY] !== undefined);
  const condition = isObject(raw) ? raw[CONDITION_KEY] : undefined;
  const conditions = (Array.isArray(condition) ? condition : condition === undefined ? [] : [condition]).map((c) => (typeof c === 'string' ? c.trim().toLowerCase() : String(c)));
  const invalid = conditions.filter((c) => !ART9_CONDITIONS.includes(c));
  const what = `${cls.label} (${cls.reason})`;
  if (!classified && conditions.length === 0) return `holds ${what} but is not classified special-category and declares no Art. 9(2) condition in ${CONDITION_KEY}`;
  if (!classified) return `holds ${what} but is not classified x-data-classification: special-category`;
  if (conditions.length === 0) return `is classified special-category but declares no Art. 9(2) condition in ${CONDITION_KEY}`;
  if (invalid.length > 0) {
    return `declares ${CONDITION_KEY} "${invalid[0]}", which is not an Art. 9(2) condition (${ART9_CONDITIONS.join(', ')})`;
  }
  return undefined;
}

function describeVisit(root: JsonObject, visit: SchemaVisit): string {
  if (visit.isParameter) return `Header "${visit.name}" of ${whereCarried(visit.ctx).replace(/^a header of /, '')}`;
  const holder = holderOf(root, visit, whereCarried);
  if (holder?.component !== undefined) return `Property "${visit.name}" of schema "${holder.component}"`;
  return `Property "${visit.name}" in ${whereCarried(visit.ctx)}`;
}

/**
 * fin-gdpr-special-category-flagged: every property, parameter or header that holds special-category data (Art. 9:
 * health, biometrics, racial or ethnic origin, religion or beliefs, political opinions, trade-union membership, sex
 * life or orientation, genetic data) is classified `special-category` and names the Art. 9(2) condition it is
 * processed under in `x-gdpr-art9-condition`. Each value is reported once, where it is written.
 */
export const specialCategoryFlagged = createRulesetFunction<JsonObject, PersonalDataOptions | null>(
  {
    input: { type: 'object' },
    options: personalDataOptionsSchema('fin-gdpr-special-category-flagged', '{ specialCategory: { vetoes: ["wellness"] } }'),
  },
  function specialCategoryFlagged(root, options) {
    const index = personalDataIndex(root, options);
    const results: IFunctionResult[] = [];
    const reported = new Set<object>();
    for (const { visit, cls } of index.visits) {
      if (cls.class !== 'special-category') continue;
      // Request parameters are judged below with their Parameter Object; response headers here.
      if (visit.isParameter && visit.ctx.direction !== 'response') continue;
      const node = visit.holder ?? visit.schema;
      if (reported.has(node)) continue;
      reported.add(node);
      const issue = problem(cls, [visit.holder, visit.schema, visit.merged, valueSchema(visit.merged)].filter(isObject));
      if (issue === undefined) continue;
      const path = visit.isParameter && visit.path[visit.path.length - 1] === 'schema' ? visit.path.slice(0, -1) : visit.path;
      results.push({ message: `${describeVisit(root, visit)} ${issue}.`, path });
    }
    for (const hit of index.parameters) {
      if (hit.cls.class !== 'special-category' || reported.has(hit.node)) continue;
      reported.add(hit.node);
      const issue = problem(hit.cls, hit.annotated);
      if (issue !== undefined) results.push({ message: `${describeParameterHit(hit)} ${issue}.`, path: hit.path });
    }
    return results;
  },
);
