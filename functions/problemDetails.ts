import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, entries, isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { resolveLocal } from './utils/headers.js';
import { asStringArray, describeOperation, oasVersion, operations, type OperationRef } from './utils/oas.js';
import { componentResponseName, isErrorStatus, operationResponses, responseReportPath, type ResponseRef } from './utils/responses.js';
import { componentSchemaName, componentSchemas, mergeAllOf } from './utils/schemaWalker.js';

export interface ProblemDetailsOptions {
  /** Members the error schema must define (default the RFC 9457 members `type` and `title`). */
  members?: string[];
  /**
   * Media types of the error envelope (case-insensitive, parameters ignored), e.g. `["application/json"]` for the UK
   * Open Banking `OBErrorResponse1`. Default: `application/problem+json` and `application/problem+xml` (RFC 9457).
   */
  mediaTypes?: string[];
}

const DEFAULT_MEMBERS: readonly string[] = ['type', 'title'];

/** A media type without its parameters, in lower case: `Application/JSON; charset=utf-8` → `application/json`. */
function essence(mediaType: string): string {
  return mediaType.split(';')[0].trim().toLowerCase();
}

/** `application/problem+json`, `application/problem+xml`, with or without parameters, any case. */
export function isProblemMediaType(mediaType: string): boolean {
  return /^application\/problem\+(json|xml)$/i.test(mediaType.split(';')[0].trim());
}

const quoted = (names: readonly string[]) => names.map((m) => `"${m}"`).join(', ');

/**
 * How the function recognises and names the error envelope: RFC 9457 problem details by default (the messages of
 * that case are pinned by the corpus findings pin), or the configured `mediaTypes`, named with the members expected.
 */
interface Envelope {
  matches(mediaType: string): boolean;
  /** What the body should have been, after "not ". */
  expected: string;
  /** Message for a schema missing `missing`; `name` is its component name, `where` describes the response. */
  schemaMessage(missing: string[], name: string | undefined, where: string): string;
}

function envelopeOf(mediaTypes: string[] | undefined, members: readonly string[]): Envelope {
  const plural = (names: readonly string[]) => (names.length === 1 ? '' : 's');
  if (mediaTypes === undefined) {
    return {
      matches: isProblemMediaType,
      expected: 'application/problem+json (RFC 9457)',
      schemaMessage: (missing, name, where) =>
        `${name ? `Problem schema "${name}"` : `The problem schema of ${where}`} does not define the RFC 9457 member${plural(missing)} ${quoted(missing)}.`,
    };
  }
  const types = [...new Set(mediaTypes.map(essence))];
  const wanted = new Set(types);
  const listed = types.join(' or ');
  return {
    matches: (mediaType) => wanted.has(essence(mediaType)),
    expected: `the error envelope (${listed}${members.length === 0 ? '' : ` with member${plural(members)} ${quoted(members)}`})`,
    schemaMessage: (missing, name, where) =>
      `${name ? `Error schema "${name}"` : `The error schema of ${where}`} does not define the envelope member${plural(missing)} ${quoted(missing)} (${listed} envelope: ${quoted(members)}).`,
  };
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
 * `application/problem+json` (or `+xml`) and its schema defines the RFC 9457 members clients act on. With the option
 * `mediaTypes` the same check applies to another error envelope (UK Open Banking: `application/json` with
 * `OBErrorResponse1`'s `Code`, `Message`, `Errors`); "problem" below then means that envelope.
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
      properties: {
        members: { type: 'array', items: { type: 'string', minLength: 1 } },
        mediaTypes: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^\\s*[^\\s/;]+/[^\\s/;]+\\s*(;.*)?$' } },
      },
      additionalProperties: false,
      errorMessage:
        '"fin-error-problem-details" options: { members?: string[], mediaTypes?: string[] (type/subtype) }, e.g. { members: ["type", "title", "status", "detail", "instance"] }, or for UK Open Banking { mediaTypes: ["application/json"], members: ["Code", "Message", "Errors"] }.',
    },
  },
  function problemDetails(root, options) {
    const members = options?.members ?? DEFAULT_MEMBERS;
    const envelope = envelopeOf(options?.mediaTypes, members);
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
      results.push({
        message: envelope.schemaMessage(missing, componentSchemaName(root, s), where),
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
        const problemProduced = produces.some(envelope.matches);
        if (!problemProduced) {
          const list = produces.length > 0 ? produces.join(', ') : 'no media type';
          if (own) {
            results.push({
              message: `Operation ${describeOperation(op)} returns error bodies but produces ${list}, not ${envelope.expected}.`,
              path: [...op.path, 'produces'],
            });
          } else if (!rootProducesReported) {
            rootProducesReported = true;
            results.push({
              message: `The document produces ${list}, not ${envelope.expected}, for the error bodies of its operations.`,
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
        const problem = mediaTypes.filter(envelope.matches);
        if (problem.length === 0) {
          if (componentResponseName(root, ref.response) === undefined) {
            inline.push(ref);
            mediaTypes.forEach((m) => inlineTypes.add(m));
            continue;
          }
          results.push({
            message: `The body of ${describeResponse(ref, op)} is ${mediaTypes.join(', ')}, not ${envelope.expected}.`,
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
          message: `The body of ${describeResponse(inline[0], op)} is ${[...inlineTypes].join(', ')}, not ${envelope.expected}.`,
          path: [...inline[0].path, 'content'],
        });
      } else if (inline.length > 1) {
        results.push({
          message: `The ${inline.map((r) => r.status).join(', ')} responses of ${describeOperation(op)} are ${[...inlineTypes].join(', ')}, not ${envelope.expected}.`,
          path: [...op.path, 'responses'],
        });
      }
    }
    return results;
  },
);
