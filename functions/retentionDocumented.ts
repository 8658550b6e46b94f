import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { whereCarried } from './utils/cardData.js';
import { isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { declaredValues, holderOf, isPersonalDeclaration, personalDataOptionsSchema, type PersonalDataOptions } from './utils/personalData.js';
import { reachableFrom } from './utils/reach.js';
import { componentSchemaName, mergeAllOf, schemaIndex, type SchemaVisit } from './utils/schemaWalker.js';

/** An ISO 8601 duration: `P7Y`, `P6M`, `P30D`, `PT24H`, `P1Y6M`. */
const ISO_DURATION = /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;

/** Why an `x-retention` value is not valid, or undefined when it is. */
export function retentionProblem(value: unknown): string | undefined {
  if (typeof value === 'string') return ISO_DURATION.test(value.trim()) ? undefined : `"${value}" is not an ISO 8601 duration (e.g. P7Y)`;
  if (isObject(value)) {
    const { period, basis } = value;
    if (typeof period !== 'string' || !ISO_DURATION.test(period.trim())) return 'its period is not an ISO 8601 duration (e.g. P7Y)';
    if (basis !== undefined && (typeof basis !== 'string' || basis.trim().length === 0)) return 'its basis is not a non-blank text';
    return undefined;
  }
  return 'it is neither an ISO 8601 duration nor {period, basis}';
}

function hasValidRetention(objects: readonly unknown[]): boolean {
  return objects.some((o) => isObject(o) && o['x-retention'] !== undefined && retentionProblem(o['x-retention']) === undefined);
}

/** A document-wide retention statement: `info.x-retention-policy` (a URL or text) or a valid `info.x-retention`. */
function documentRetention(root: JsonObject): boolean {
  const info = root.info;
  if (!isObject(info)) return false;
  const policy = info['x-retention-policy'];
  if (typeof policy === 'string' && policy.trim().length > 0) return true;
  return info['x-retention'] !== undefined && retentionProblem(info['x-retention']) === undefined;
}

interface Target {
  object: JsonObject;
  path: JsonPath;
  label: string;
  why: string;
  /** Objects whose `x-retention` covers the target. */
  carriers: unknown[];
  /** Schema objects that, when nested in a schema with retention, cover the target. */
  nodes: object[];
}

/**
 * fin-gdpr-retention-documented: schemas that hold declared personal data (a data subject, a schema classified
 * personal, special-category, national-id, criminal-offence or pci-*, or one with properties so classified) state how
 * long the data is kept in `x-retention`: an ISO 8601 duration or `{period, basis}`. A schema nested in one that
 * declares retention is covered by it; `info.x-retention-policy` covers the whole document. Invalid `x-retention`
 * values are reported wherever they are written.
 */
export const retentionDocumented = createRulesetFunction<JsonObject, PersonalDataOptions | null>(
  {
    input: { type: 'object' },
    options: personalDataOptionsSchema('fin-gdpr-retention-documented', '{ personal: { names: ["handle"] } }'),
  },
  function retentionDocumented(root) {
    const results: IFunctionResult[] = [];
    const index = schemaIndex(root);
    const invalid = new Set<object>();
    const withRetention: SchemaVisit[] = [];
    const targets = new Map<object, Target>();
    const nameOf = (schema: JsonObject, visit: SchemaVisit) => {
      const component = componentSchemaName(root, schema);
      return component !== undefined ? `Schema "${component}"` : `The inline schema${visit.name ? ` "${visit.name}"` : ''} in ${whereCarried(visit.ctx)}`;
    };

    for (const visit of index.visits) {
      const { schema, merged } = visit;
      for (const obj of [schema, ...(Array.isArray(schema.allOf) ? schema.allOf : [])]) {
        if (!isObject(obj) || obj['x-retention'] === undefined || invalid.has(obj)) continue;
        const problem = retentionProblem(obj['x-retention']);
        if (problem === undefined) continue;
        invalid.add(obj);
        results.push({ message: `x-retention of ${nameOf(schema, visit).replace(/^Schema/, 'schema').replace(/^The/, 'the')} is invalid: ${problem}.`, path: [...visit.path, ...(obj === schema ? [] : ['allOf', (schema.allOf as unknown[]).indexOf(obj)]), 'x-retention'] });
      }
      if (hasValidRetention([schema, merged, visit.holder])) withRetention.push(visit);
      if (targets.has(schema)) continue;
      // A schema that is a data subject, or is classified as personal data as a whole.
      const objectLike = merged.type === 'object' || isObject(merged.properties) || Array.isArray(schema.allOf);
      if (merged['x-data-subject'] === true) {
        targets.set(schema, { object: schema, path: visit.path, label: nameOf(schema, visit), why: 'is marked x-data-subject: true', carriers: [schema, merged], nodes: [schema] });
        continue;
      }
      const ownValues = declaredValues([schema, merged]);
      if (objectLike && ownValues.some(isPersonalDeclaration)) {
        targets.set(schema, { object: schema, path: visit.path, label: nameOf(schema, visit), why: `is classified ${ownValues.find(isPersonalDeclaration)}`, carriers: [schema, merged], nodes: [schema] });
        continue;
      }
    }
    // Schemas that hold properties classified as personal data.
    for (const visit of index.visits) {
      if (visit.isParameter || !visit.parent || visit.name === undefined) continue;
      const values = declaredValues([visit.schema, visit.merged]);
      const value = values.find(isPersonalDeclaration);
      if (value === undefined) continue;
      const holder = holderOf(root, visit, whereCarried);
      if (!holder || targets.has(holder.object) || targets.has(holder.composite)) continue;
      targets.set(holder.object, {
        object: holder.object,
        path: holder.path,
        label: holder.label,
        why: `holds "${visit.name}", classified ${value},`,
        carriers: [holder.object, holder.composite, mergeAllOf(holder.composite), visit.schema, visit.merged],
        nodes: [holder.object, holder.composite],
      });
    }
    if (targets.size === 0 || documentRetention(root)) return results;

    const covered = reachableFrom(index, withRetention);
    for (const v of withRetention) covered.set(v.schema, { visit: v, root: v });
    for (const target of targets.values()) {
      if (target.nodes.some((n) => covered.has(n)) || hasValidRetention(target.carriers)) continue;
      results.push({
        message: `${target.label} ${target.why} but declares no retention period (x-retention: an ISO 8601 duration or {period, basis}), and info declares no x-retention-policy.`,
        path: target.path,
      });
    }
    return results;
  },
);
