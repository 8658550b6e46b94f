import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { whereCarried } from './utils/cardData.js';
import { asArray, isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { oasVersion } from './utils/oas.js';
import {
  dataSubjectOptionsSchema,
  dataSubjectResources,
  declaresClassification,
  personalDataIndex,
  type DataSubjectOptions,
} from './utils/personalData.js';
import { componentSchemaName, schemaIndex, type SchemaVisit } from './utils/schemaWalker.js';

/** Keywords that say something about a value; a schema with none of them accepts anything. */
const CONSTRAINING = [
  'type',
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'prefixItems',
  'enum',
  'const',
  'oneOf',
  'anyOf',
  'allOf',
  'not',
  'if',
  'format',
  'pattern',
  'contentMediaType',
  'contentSchema',
  '$ref',
];

function isEmptySchema(schema: unknown): boolean {
  return isObject(schema) && !CONSTRAINING.some((k) => schema[k] !== undefined);
}

function types(schema: JsonObject): string[] {
  return typeof schema.type === 'string' ? [schema.type] : asArray(schema.type).filter((t): t is string => typeof t === 'string');
}

/** Why a schema lets a response carry unspecified data, or undefined when it is explicit. */
export function looseness(schema: JsonObject, merged: JsonObject, isOas31: boolean): string | undefined {
  if (isEmptySchema(merged)) return 'an empty schema (any value)';
  const t = types(merged);
  const isObjectSchema = t.includes('object') || (t.length === 0 && merged.additionalProperties !== undefined);
  if (!isObjectSchema) return undefined;
  const composed = ['oneOf', 'anyOf'].some((k) => Array.isArray(merged[k])) || (Array.isArray(schema.allOf) && schema.allOf.length > 0 && merged.properties === undefined && merged.additionalProperties === undefined);
  const hasProperties = isObject(merged.properties) && Object.keys(merged.properties).length > 0;
  const hasPatternProperties = isObject(merged.patternProperties) && Object.keys(merged.patternProperties).length > 0;
  const ap = merged.additionalProperties;
  const closedBy31 = isOas31 && merged.unevaluatedProperties === false;
  if (closedBy31 || ap === false) return undefined;
  const untypedAp = ap === true || isEmptySchema(ap);
  if (!hasProperties && !hasPatternProperties && !composed) {
    if (ap === undefined) return 'a free-form object (type object with no properties)';
    if (untypedAp) return 'a free-form object (additionalProperties without a schema)';
    return undefined;
  }
  // An object with declared properties and `additionalProperties: true` is explicit about what it returns today; the
  // flag is a forward-compatibility marker (Plaid sets it on every object), not an undescribed bag.
  return undefined;
}

/** What the loose node is, for messages: the property, component, items or values it describes. */
function describe(root: JsonObject, visit: SchemaVisit): string {
  const where = whereCarried(visit.ctx);
  if (visit.isParameter) return `Header "${visit.name}" of ${where.replace(/^a header of /, '')}`;
  if (visit.name !== undefined) return `Property "${visit.name}" in ${where}`;
  const component = componentSchemaName(root, visit.schema);
  if (component !== undefined) return `Schema "${component}" in ${where}`;
  const n = visit.path.length;
  const last = visit.path[n - 1];
  const ownerName = n >= 3 && visit.path[n - 3] === 'properties' ? String(visit.path[n - 2]) : visit.parentName;
  const owner = ownerName !== undefined ? ` of "${ownerName}"` : '';
  if (last === 'items') return `The items${owner} in ${where}`;
  if (last === 'additionalProperties') return `The map values${owner} in ${where}`;
  if (visit.parentName !== undefined) return `A schema under "${visit.parentName}" in ${where}`;
  return `The body schema of ${where}`;
}

/**
 * fin-gdpr-responses-fully-specified: objects that carry personal data in a response (or webhook or callback payload),
 * and the bodies of data-subject resources, are explicit about everything else they may return: no empty schemas, no
 * free-form objects (`type: object` without properties, or with only `additionalProperties: true` or `{}`). A node is judged when it is, or hangs under a property of, an object that holds
 * personal data, or is the body (or its items) of a data-subject resource. A typed map
 * (`additionalProperties: {type: string, maxLength: 500}`), `additionalProperties: false`, 3.1
 * `unevaluatedProperties: false`, or a classification on the node (`x-data-classification: public`) passes.
 */
export const responsesFullySpecified = createRulesetFunction<JsonObject, DataSubjectOptions | null>(
  {
    input: { type: 'object' },
    options: dataSubjectOptionsSchema('fin-gdpr-responses-fully-specified', '{ collections: ["customers", "beneficiaries"] }'),
  },
  function responsesFullySpecified(root, options) {
    const index = schemaIndex(root);
    const personal = personalDataIndex(root, options);
    const resources = dataSubjectResources(root, options);
    const subjectPaths = new Set(resources.flatMap((r) => r.paths));
    const isOas31 = oasVersion(root) === '3.1';
    const results: IFunctionResult[] = [];
    const reported = new Set<object>();
    const expanded = new Map<object, Set<string>>();
    const findings: { what: string; tail: string; path: JsonPath; others: number }[] = [];
    const copies = new Map<string, { what: string; tail: string; path: JsonPath; others: number }>();

    // Over the outbound bodies, carrying why a node is judged: it hangs under an object that holds
    // personal data, or it is the body of a data-subject resource. Each (schema, context, reason?) is expanded once.
    const queue: [SchemaVisit, string | undefined, boolean][] = [];
    for (const [op, visits] of index.operationRoots) {
      for (const visit of visits) {
        if (!visit.ctx.outbound || visit.ctx.location !== 'body') continue;
        const subject = op.kind === 'path' && subjectPaths.has(op.pathKey) ? `in the body of the data-subject resource ${op.pathKey}` : undefined;
        queue.push([visit, subject, subject !== undefined]);
      }
    }
    // Breadth-first, so that of identical inline copies the one in the earliest operation is reported.
    for (let next = 0; next < queue.length; next++) {
      const [visit, why, subjectBody] = queue[next];
      const key = `${visit.ctx.direction}:${visit.ctx.outbound}:${why === undefined ? 0 : 1}:${subjectBody ? 1 : 0}`;
      let keys = expanded.get(visit.schema);
      if (keys?.has(key)) continue;
      if (!keys) expanded.set(visit.schema, (keys = new Set()));
      keys.add(key);
      const kids = index.childVisits(visit.schema, visit.ctx);
      const personalKid = kids.find((k) => k.parent !== undefined && k.name !== undefined && personal.visit(k) !== undefined);
      const cls = personalKid ? personal.visit(personalKid) : undefined;
      const holds = personalKid && cls ? `("${personalKid.name}": ${cls.label})` : undefined;
      if (!reported.has(visit.schema)) {
        const loose = looseness(visit.schema, visit.merged, isOas31);
        if (loose !== undefined && why !== undefined && ![visit.schema, visit.merged, visit.holder].some(declaresClassification)) {
          reported.add(visit.schema);
          // `additionalProperties: {}` is part of this finding, not an empty schema of its own.
          if (isObject(visit.merged.additionalProperties)) reported.add(visit.merged.additionalProperties);
          // Identical inline copies (flattened documents) are one finding at the first, with the number of others.
          const key = componentSchemaName(root, visit.schema) === undefined ? `${visit.name ?? ''}|${loose}|${why}` : undefined;
          const first = key !== undefined ? copies.get(key) : undefined;
          if (first) first.others++;
          else {
            const finding = { what: describe(root, visit), tail: `is ${loose} ${why}, so it may return personal data the contract does not describe.`, path: visit.path, others: 0 };
            findings.push(finding);
            if (key !== undefined) copies.set(key, finding);
          }
        }
      }
      const forProperties = holds ? `next to personal data ${holds}` : subjectBody ? why : undefined;
      for (const kid of kids) {
        const isProperty = kid.parent !== undefined && kid.name !== undefined;
        // Items and composition branches of a data-subject body are still its body; inline items and branches of a
        // judged value are part of it, while a named component reached through them is judged by its own properties.
        const inherits = subjectBody || componentSchemaName(root, kid.schema) === undefined;
        queue.push(isProperty ? [kid, forProperties, false] : [kid, inherits ? why : undefined, subjectBody]);
      }
    }
    for (const f of findings) {
      const copiesNote = f.others > 0 ? ` (and ${f.others} identical inline ${f.others === 1 ? 'copy' : 'copies'} elsewhere)` : '';
      results.push({ message: `${f.what}${copiesNote} ${f.tail}`, path: f.path });
    }
    return results;
  },
);
