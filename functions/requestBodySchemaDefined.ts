import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, entries, isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { describeOp, typesOf } from './utils/inputSchemas.js';
import { isStructuredMediaType } from './utils/mediaTypes.js';
import { oasVersion, operations, type OperationRef } from './utils/oas.js';
import { componentPathItemOperations, mergeAllOf } from './utils/schemaWalker.js';

/** Keywords that constrain instances; a schema with none of them (only annotations) accepts anything. */
const VALIDATION_KEYWORDS: readonly string[] = [
  'type', 'properties', 'items', 'prefixItems', 'allOf', 'oneOf', 'anyOf', 'not', 'enum', 'const', 'format', 'pattern',
  'additionalProperties', 'patternProperties', 'unevaluatedProperties', 'propertyNames', 'required', 'minLength',
  'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems',
  'uniqueItems', 'contains', 'minProperties', 'maxProperties', 'if', 'dependentSchemas', 'dependentRequired',
  'contentMediaType', 'contentEncoding', '$ref',
];

function isEmptySchema(schema: JsonObject): boolean {
  return !VALIDATION_KEYWORDS.some((k) => Object.prototype.hasOwnProperty.call(schema, k));
}

/** `type: object` (or untyped) with no properties, no typed map and no composition: any object passes. */
function isBareObject(schema: JsonObject): boolean {
  const m = mergeAllOf(schema);
  const types = typesOf(m);
  if (types.length > 0 && !(types.length === 1 && types[0] === 'object')) return false;
  if (types.length === 0 && !isObject(m.properties) && m.additionalProperties === undefined) return false;
  if (isObject(m.properties) && Object.keys(m.properties).length > 0) return false;
  if (entries(m.patternProperties).length > 0) return false;
  // `{ type: object, properties: {}, additionalProperties: false }` admits only `{}`: an explicitly empty body.
  if (m.additionalProperties === false || m.unevaluatedProperties === false || m.maxProperties === 0) return false;
  if (isObject(m.additionalProperties) && !isEmptySchema(m.additionalProperties)) return false;
  if (asArray(m.oneOf).length > 0 || asArray(m.anyOf).length > 0 || m.not !== undefined) return false;
  return true;
}

function requiredFields(schema: unknown): boolean {
  return isObject(schema) && asArray(mergeAllOf(schema).required).length > 0;
}

function schemaProblem(schema: unknown): string | undefined {
  if (!isObject(schema)) return 'has no schema';
  if (isEmptySchema(schema)) return 'has an empty schema';
  if (isBareObject(schema)) return 'has a bare object schema without properties';
  return undefined;
}

/**
 * fin-input-request-body-schema-defined: every structured request body (JSON, XML, forms, text) of the API's own
 * operations has a schema that constrains it: present, not `{}`, not a bare object; and a body whose schema has
 * required fields is itself `required: true`. Binary media types are left to fin-input-upload-limits.
 */
export const requestBodySchemaDefined = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function requestBodySchemaDefined(root) {
    const results: IFunctionResult[] = [];
    const seen = new Set<object>();
    const ops: OperationRef[] = [...operations(root), ...componentPathItemOperations(root)];
    const v2 = oasVersion(root) === '2.0';
    for (const op of ops) {
      const name = describeOp(op);
      if (v2) {
        const params: [unknown, JsonPath][] = [
          ...asArray(op.pathItem.parameters).map((p, i): [unknown, JsonPath] => [p, [...op.path.slice(0, -1), 'parameters', i]]),
          ...asArray(op.operation.parameters).map((p, i): [unknown, JsonPath] => [p, [...op.path, 'parameters', i]]),
        ];
        for (const [p, path] of params) {
          if (!isObject(p) || p.in !== 'body' || seen.has(p)) continue;
          seen.add(p);
          const problem = schemaProblem(p.schema);
          if (problem !== undefined) {
            results.push({
              message: `The body parameter "${String(p.name)}" of ${name} ${problem}, so any payload is accepted: describe it.`,
              path: isObject(p.schema) ? [...path, 'schema'] : path,
            });
          } else if (p.required !== true && requiredFields(p.schema)) {
            results.push({
              message: `The body parameter "${String(p.name)}" of ${name} has required fields but is not required: true, so a request without a body is valid.`,
              path,
            });
          }
        }
        continue;
      }
      const body = op.operation.requestBody;
      if (!isObject(body) || seen.has(body)) continue;
      seen.add(body);
      const base: JsonPath = [...op.path, 'requestBody'];
      const content = entries(body.content).filter(([mt]) => !mt.startsWith('x-'));
      if (content.length === 0) {
        results.push({ message: `The request body of ${name} declares no content, so any payload is accepted: list its media types and schemas.`, path: base });
        continue;
      }
      let anyRequiredFields = false;
      for (const [mediaType, media] of content) {
        if (!isStructuredMediaType(mediaType) || !isObject(media)) continue;
        anyRequiredFields ||= requiredFields(media.schema);
        const problem = schemaProblem(media.schema);
        if (problem === undefined) continue;
        results.push({
          message: `The ${mediaType} request body of ${name} ${problem}, so any payload is accepted: describe it.`,
          path: isObject(media.schema) ? [...base, 'content', mediaType, 'schema'] : [...base, 'content', mediaType],
        });
      }
      if (anyRequiredFields && body.required !== true) {
        results.push({
          message: `The request body of ${name} has required fields but is not required: true, so a request without a body is valid.`,
          path: base,
        });
      }
    }
    return results;
  },
);
