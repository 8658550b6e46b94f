import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, entries, isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { describeSubject, dialectOf, inboundVisits, typesOf } from './utils/inputSchemas.js';
import { componentSchemaName, mergeAllOf } from './utils/schemaWalker.js';

interface Member {
  schema: JsonObject;
  path: JsonPath;
}

/** The schema and its allOf members (recursively), each with the path where it is written. */
function allOfMembers(schema: JsonObject, path: JsonPath, out: Member[] = [], seen = new Set<object>()): Member[] {
  if (seen.has(schema)) return out;
  seen.add(schema);
  out.push({ schema, path });
  asArray(schema.allOf).forEach((m, i) => isObject(m) && allOfMembers(m, [...path, 'allOf', i], out, seen));
  return out;
}

function isObjectSchema(m: JsonObject): boolean {
  const types = typesOf(m);
  if (types.length > 0) return types.includes('object');
  return isObject(m.properties) || m.additionalProperties !== undefined;
}

const names = (s: JsonObject) => Object.keys(isObject(s.properties) ? s.properties : {});

/**
 * fin-input-closed-request-objects: object schemas in request bodies reject undeclared properties (mass assignment).
 *
 * - Not composed: `additionalProperties: false` (any version), or a typed map bounded by maxProperties.
 * - Composed with allOf (or own properties next to oneOf/anyOf): OAS 3.1 `unevaluatedProperties: false`, which sees
 *   the properties of every member. In OAS 2.0/3.0 no keyword closes such an object without breaking it, so closure is
 *   not demanded there.
 * - `additionalProperties: false` that rejects properties another allOf member declares (it only sees the properties of
 *   its own schema object) breaks the composition and is reported where it is written, in any version.
 * - Pure oneOf/anyOf wrappers are judged through their branches.
 */
export const closedRequestObjects = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function closedRequestObjects(root) {
    const results: IFunctionResult[] = [];
    const dialect = dialectOf(root);
    const reportedClosers = new Set<object>();
    for (const visit of inboundVisits(root)) {
      if (visit.ctx.location !== 'body') continue;
      const s = visit.schema;
      const m = visit.merged;
      if (!isObjectSchema(m)) continue;
      const subject = describeSubject(root, visit);
      const members = allOfMembers(s, visit.path);
      const composedAllOf = members.length > 1;
      const hasBranches = asArray(m.oneOf).length > 0 || asArray(m.anyOf).length > 0;
      const allNames = names(m);
      if (hasBranches && allNames.length === 0 && !composedAllOf) continue;
      // Properties that oneOf/anyOf branches add: an additionalProperties: false next to them rejects them too.
      const branchNames = [...asArray(m.oneOf), ...asArray(m.anyOf)].filter(isObject).flatMap((b) => names(mergeAllOf(b)));
      const seenNames = new Set([...allNames, ...branchNames]);

      // additionalProperties: false that does not see every property of the composed object.
      let broken = false;
      for (const member of members) {
        if (member.schema.additionalProperties !== false || entries(member.schema.patternProperties).length > 0) continue;
        const own = new Set(names(member.schema));
        const rejected = [...seenNames].filter((n) => !own.has(n));
        if (rejected.length === 0) continue;
        broken = true;
        if (reportedClosers.has(member.schema)) continue;
        reportedClosers.add(member.schema);
        const where = member.schema === s ? subject : `An allOf member${memberName(root, member.schema)} of ${lowerFirst(subject)}`;
        const list = rejected.slice(0, 3).map((n) => `"${n}"`).join(', ') + (rejected.length > 3 ? ` and ${rejected.length - 3} more` : '');
        const fix = dialect === 'modern' ? 'use unevaluatedProperties: false on the composed schema instead' : 'flatten the request schema, or move to OAS 3.1 and use unevaluatedProperties: false';
        results.push({
          message: `${where} has additionalProperties: false, which rejects ${list} declared by other allOf members or oneOf/anyOf branches, so valid requests fail; ${fix}.`,
          path: [...member.path, 'additionalProperties'],
        });
      }
      if (broken) continue;

      const closedByAdditional = members.some((x) => x.schema.additionalProperties === false);
      const closedByUnevaluated = dialect === 'modern' && s.unevaluatedProperties === false;
      if (closedByAdditional || closedByUnevaluated) continue;
      const extra = m.additionalProperties;
      const unevaluated = s.unevaluatedProperties;
      const typedMap = isObject(extra) || (dialect === 'modern' && isObject(unevaluated));
      if (typedMap && typeof m.maxProperties === 'number') continue;
      if (dialect === 'legacy' && unevaluated !== undefined) {
        results.push({
          message: `${subject} uses unevaluatedProperties, which is not an OAS 2.0/3.0 keyword and is ignored, so the object accepts undeclared properties.`,
          path: visit.path,
        });
        continue;
      }
      const composed = composedAllOf || (hasBranches && allNames.length > 0);
      if (composed && dialect === 'legacy') continue;

      let message: string;
      if (typedMap) {
        message = `${subject} is an open map (additionalProperties with a schema) without maxProperties, so a client can send any number of entries: declare maxProperties.`;
      } else if (extra === true || unevaluated === true) {
        message = `${subject} explicitly allows undeclared properties, which opens it to mass assignment: declare the properties and ${composed ? 'unevaluatedProperties' : 'additionalProperties'}: false.`;
      } else if (allNames.length === 0 && !composed) {
        message = `${subject} is a free-form object that accepts any properties: declare its properties and additionalProperties: false.`;
      } else if (composed) {
        message = `${subject} is composed with allOf/oneOf/anyOf and accepts undeclared properties: add unevaluatedProperties: false (additionalProperties: false would reject the members' properties).`;
      } else {
        message = `${subject} accepts properties it does not declare, which opens it to mass assignment: add additionalProperties: false.`;
      }
      results.push({ message, path: visit.path });
    }
    return results;
  },
);

function memberName(root: JsonObject, schema: object): string {
  const name = componentSchemaName(root, schema);
  return name !== undefined ? ` ("${name}")` : '';
}

function lowerFirst(s: string): string {
  return s[0].toLowerCase() + s.slice(1);
}
