import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { entries, isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { describeOp, describeSubject, fieldName, inboundVisits, isUpload } from './utils/inputSchemas.js';
import { isOverbroadRange, isStructuredMediaType, mediaRange } from './utils/mediaTypes.js';
import { oasVersion, operations, type OperationRef } from './utils/oas.js';
import { componentPathItemOperations, mergeAllOf } from './utils/schemaWalker.js';

const sizeOf = (holder: unknown): boolean => isObject(holder) && typeof holder['x-max-file-size'] === 'number' && holder['x-max-file-size'] > 0;

/** Allowed media types of a multipart part: `encoding.<part>.contentType` (a comma-separated list) without `*\/*`. */
function partTypesDeclared(encoding: unknown): boolean | 'wildcard' {
  if (!isObject(encoding) || typeof encoding.contentType !== 'string' || encoding.contentType.trim() === '') return false;
  return encoding.contentType.split(',').some((t) => isOverbroadRange(t)) ? 'wildcard' : true;
}

/**
 * fin-input-upload-limits: every file or binary payload a client sends declares a size limit and, for multipart parts,
 * the media types it accepts.
 *
 * - 2.0 `in: formData, type: file` parameters: `x-max-file-size`.
 * - 3.x binary strings (`format: binary|byte`; 3.1 `contentMediaType`/`contentEncoding`): `maxLength` or
 *   `x-max-file-size` (on the schema, the media type or the multipart encoding); multipart parts also declare
 *   `encoding.<part>.contentType` (not `*\/*`) or 3.1 `contentMediaType`.
 * - 3.x binary media types without a schema (raw uploads): `x-max-file-size` on the Media Type Object.
 */
export const uploadLimits = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function uploadLimits(root) {
    const results: IFunctionResult[] = [];
    for (const visit of inboundVisits(root)) {
      const m = visit.merged;
      if (!isUpload(visit)) continue;
      const subject = describeSubject(root, visit);
      const op = visit.ctx.operation;
      const media = mediaObject(op, visit.ctx.mediaType);
      const part = fieldName(visit, root);
      const encoding = media !== undefined && part !== undefined && isObject(media.encoding) ? media.encoding[part] : undefined;
      const sized = typeof m.maxLength === 'number' || sizeOf(m) || sizeOf(visit.holder) || sizeOf(media) || sizeOf(encoding);
      const multipartPart =
        visit.ctx.mediaType !== undefined && mediaRange(visit.ctx.mediaType).startsWith('multipart/') && isTopLevelPart(media, part, visit.schema);
      let types: boolean | 'wildcard' = true;
      if (multipartPart) {
        const declared = partTypesDeclared(encoding);
        types = declared === false ? typeof m.contentMediaType === 'string' : declared;
      }
      const problems: string[] = [];
      if (!sized) problems.push('no size limit (maxLength or x-max-file-size)');
      if (types === false) problems.push(`no allowed media types (encoding.${part}.contentType)`);
      if (types === 'wildcard') problems.push(`a wildcard media type in encoding.${part}.contentType`);
      if (problems.length === 0) continue;
      results.push({ message: `${subject} is a file upload with ${problems.join(' and ')}.`, path: visit.path });
    }
    if (oasVersion(root) === '2.0') return results;
    // Raw binary bodies without a schema (3.1 allows omitting it; 3.0 tools accept it).
    const seen = new Set<object>();
    for (const op of [...operations(root), ...componentPathItemOperations(root)]) {
      const body = op.operation.requestBody;
      if (!isObject(body)) continue;
      for (const [mediaType, media] of entries(body.content)) {
        if (!isObject(media) || seen.has(media) || isObject(media.schema) || isStructuredMediaType(mediaType)) continue;
        seen.add(media);
        if (sizeOf(media)) continue;
        const path: JsonPath = [...op.path, 'requestBody', 'content', mediaType];
        results.push({ message: `The ${mediaType} request body of ${describeOp(op)} is a file upload with no size limit (x-max-file-size on the media type).`, path });
      }
    }
    return results;
  },
);

function mediaObject(op: OperationRef | undefined, mediaType: string | undefined): JsonObject | undefined {
  if (op === undefined || mediaType === undefined || !isObject(op.operation.requestBody)) return undefined;
  const content = op.operation.requestBody.content;
  const media = isObject(content) ? content[mediaType] : undefined;
  return isObject(media) ? media : undefined;
}

/** Whether a schema is a top-level part of a multipart body (a property of its schema, or the items of one). */
function isTopLevelPart(media: JsonObject | undefined, part: string | undefined, schema: object): boolean {
  if (media === undefined || part === undefined || !isObject(media.schema)) return false;
  const props = mergeAllOf(media.schema).properties;
  const prop = isObject(props) ? props[part] : undefined;
  return isObject(prop) && (prop === schema || prop.items === schema);
}
