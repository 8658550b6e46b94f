import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { asArray, entries, isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { resolveLocal } from './utils/headers.js';
import { asStringArray, describeOperation, oasVersion, operations, type OperationRef } from './utils/oas.js';
import { componentResponseName, isErrorStatus, operationResponses, responseReportPath, type ResponseRef } from './utils/responses.js';
import { componentSchemaName, componentSchemas, mergeAllOf } from './utils/schemaWalker.js';

export interface ProblemDetailsOptions {
  /** RFC 9457 members the problem schema must define (default `type` and `title`). */
  members?: string[];
}

const DEFAULT_MEMBERS: readonly string[] = ['type', 'title'];

/** `application/problem+json`, `application/problem+xml`, with or without parameters, any case. */
export function isProblemMediaType(mediaType: string): boolean {
  return /^application\/problem\+(json|xml)$/i.test(mediaType.split(';')[0].trim());
}

function propertyNames(schema: JsonObject): Set<string> {
  return new Set(Object.keys(isObject(schema.properties) ? schema.properties : {}));
}

/** Members missing from a schema; with `oneOf`/`anyOf`, a member counts only when every branch (or the base) has it. */
function missingMembers(root: JsonObject, schema: JsonObject, members: readonly string[]): string[] {
  const merged = mergeAllOf(schema);
  const own = propertyNames(merged);
  const branches = [...asArray(merged.oneOf), ...asArray(merged.anyOf)]
    .map((b) => resolveLocal(root, b))
    .filter(isObject)
    .map((b) => propertyNames(mergeAllOf(b)));
  return members.filter((m) => !own.has(m) && (branches.length === 0 || !branches.every((b) => b.has(m))));
}

/**
 * fin-error-problem-details: error responses (4xx, 5xx, `4XX`, `5XX`, `default`) of operations under `paths` offer
 * `application/problem+json` (or `+xml`) and its schema defines the RFC 9457 members clients act on.
 *
 * - 3.x: a response with `content` but no problem media type is reported (offering problem+json next to
 *   application/json passes: content negotiation): a reusable response once at its `content`, the inline responses of
 *   one operation together, at the operation's `responses` (one decision, one place to fix). Bodiless responses are
 *   left to fin-error-responses-defined.
 * - 2.0: the media type lives in `produces`; an operation with error bodies whose effective `produces` lacks a
 *   problem type is reported at its own `produces`, or once at the root `produces` it inherits (an empty
 *   `produces: []` counts as inheriting). Schemas are checked only where a problem type is produced.
 * - The schema check runs once per schema object and reports at the schema (a shared `Problem` schema once).
 */
export const problemDetails = createRulesetFunction<JsonObject, ProblemDetailsOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { members: { type: 'array', items: { type: 'string', minLength: 1 } } },
      additionalProperties: false,
      errorMessage: '"fin-error-problem-details" options: { members?: string[] }, e.g. { members: ["type", "title", "status", "detail", "instance"] }.',
    },
  },
  function problemDetails(root, options) {
    const members = options?.members ?? DEFAULT_MEMBERS;
    const results: IFunctionResult[] = [];
    const seenResponses = new Set<object>();
    const seenSchemas = new Set<object>();
    const schemaPaths = new Map<object, JsonPath>(componentSchemas(root).map((c) => [c.schema, c.path]));
    const is2 = oasVersion(root) === '2.0';
    let rootProducesReported = false;

    const checkSchema = (schema: unknown, path: JsonPath, where: string) => {
      const s = resolveLocal(root, schema);
      if (!isObject(s) || seenSchemas.has(s)) return;
      seenSchemas.add(s);
      const missing = missingMembers(root, s, members);
      if (missing.length === 0) return;
      const name = componentSchemaName(root, s);
      results.push({
        message: `${name ? `Problem schema "${name}"` : `The problem schema of ${where}`} does not define the RFC 9457 member${missing.length === 1 ? '' : 's'} ${missing.map((m) => `"${m}"`).join(', ')}.`,
        path: schemaPaths.get(s) ?? path,
      });
    };

    const describeResponse = (ref: ResponseRef, op: OperationRef) => {
      const name = componentResponseName(root, ref.response);
      return name ? `response "${name}" (the ${ref.status} of ${describeOperation(op)})` : `the ${ref.status} response of ${describeOperation(op)}`;
    };

    for (const op of operations(root)) {
      const errors = operationResponses(root, op).filter((r) => isErrorStatus(r.status));
      if (is2) {
        const withBody = errors.filter((r) => isObject(resolveLocal(root, r.response.schema)));
        if (withBody.length === 0) continue;
        // An empty `produces: []` formally clears the root list, but generators emit it meaning "inherit" (DocuSign
        // does on every operation); judging it as "no media type" would repeat the root's decision per operation.
        const own = asStringArray(op.operation.produces).length > 0;
        const produces = asStringArray(own ? op.operation.produces : root.produces);
        const problemProduced = produces.some(isProblemMediaType);
        if (!problemProduced) {
          const list = produces.length > 0 ? produces.join(', ') : 'no media type';
          if (own) {
            results.push({
              message: `Operation ${describeOperation(op)} returns error bodies but produces ${list}, not application/problem+json (RFC 9457).`,
              path: [...op.path, 'produces'],
            });
          } else if (!rootProducesReported) {
            rootProducesReported = true;
            results.push({
              message: `The document produces ${list}, not application/problem+json (RFC 9457), for the error bodies of its operations.`,
              path: Array.isArray(root.produces) ? ['produces'] : op.path,
            });
          }
        }
        // Without a problem media type the schemas are not problem details; the produces finding says what to fix.
        if (!problemProduced) continue;
        for (const ref of withBody) {
          if (seenResponses.has(ref.response)) continue;
          seenResponses.add(ref.response);
          checkSchema(ref.response.schema, [...responseReportPath(root, ref), 'schema'], describeResponse(ref, op));
        }
        continue;
      }
      // Inline responses of one operation that miss problem+json are one finding: one decision, one place to fix.
      const inline: ResponseRef[] = [];
      const inlineTypes = new Set<string>();
      for (const ref of errors) {
        if (seenResponses.has(ref.response)) continue;
        seenResponses.add(ref.response);
        const content = resolveLocal(root, ref.response.content);
        const mediaTypes = entries(content).map(([k]) => k);
        if (mediaTypes.length === 0) continue;
        const base = responseReportPath(root, ref);
        const problem = mediaTypes.filter(isProblemMediaType);
        if (problem.length === 0) {
          if (componentResponseName(root, ref.response) === undefined) {
            inline.push(ref);
            mediaTypes.forEach((m) => inlineTypes.add(m));
            continue;
          }
          results.push({
            message: `The body of ${describeResponse(ref, op)} is ${mediaTypes.join(', ')}, not application/problem+json (RFC 9457).`,
            path: [...base, 'content'],
          });
          continue;
        }
        for (const mediaType of problem) {
          const media = resolveLocal(root, (content as JsonObject)[mediaType]);
          if (isObject(media) && media.schema !== undefined) {
            checkSchema(media.schema, [...base, 'content', mediaType, 'schema'], describeResponse(ref, op));
          }
        }
      }
      if (inline.length === 1) {
        results.push({
          message: `The body of ${describeResponse(inline[0], op)} is ${[...inlineTypes].join(', ')}, not application/problem+json (RFC 9457).`,
          path: [...inline[0].path, 'content'],
        });
      } else if (inline.length > 1) {
        results.push({
          message: `The ${inline.map((r) => r.status).join(', ')} responses of ${describeOperation(op)} are ${[...inlineTypes].join(', ')}, not application/problem+json (RFC 9457).`,
          path: [...op.path, 'responses'],
        });
      }
    }
    return results;
  },
);
