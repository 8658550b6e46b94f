import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { isObject, type JsonObject } from './utils/guards.js';
import { findHeader } from './utils/headers.js';
import { describeOperation, operations } from './utils/oas.js';
import { parameterObjects } from './utils/parameters.js';
import { operationResponses, statusClass } from './utils/responses.js';
import { componentProperties } from './utils/schemaWalker.js';

const LIFECYCLE_HEADERS: readonly string[] = ['Deprecation', 'Sunset'];

/**
 * Words that point a reader somewhere else ("use GET /v3/accounts instead", "replaced by", "migrate to", "superseded
 * by", "in favour of", a path or a link), or that say why nothing replaces it ("now returned by default", "no longer
 * needed", "has no effect", "ignored").
 */
const MIGRATION_TEXT =
  /\b(?:instead|replac\w*|use[sd]?|using|migrat\w*|successor|supersed\w*|switch(?:es|ed)? to|moved? to|in favou?r of|see|prefer\w*|upgrade|no longer|(?:is|are) now|by default|ha(?:s|ve) no effect|ignored|obsolete|not (?:needed|required|used))\b|(?:^|\s)\/[A-Za-z{]|https?:\/\//i;

/** The description, summary and deprecation extensions (`x-deprecatedMessage`, `x-deprecation`, `x-replaced-by`...). */
function describes(holder: JsonObject): boolean {
  const texts = [holder.description, holder.summary];
  for (const [key, value] of Object.entries(holder)) {
    if (/^x-.*(?:deprecat|sunset|replace|successor)/i.test(key)) texts.push(isObject(value) ? JSON.stringify(value) : value);
  }
  if (Object.keys(holder).some((k) => /^x-.*(?:replaced-?by|successor)/i.test(k))) return true;
  return MIGRATION_TEXT.test(texts.filter((t): t is string => typeof t === 'string').join('\n'));
}

/**
 * fin-lifecycle-deprecation-signalled: a deprecated operation tells clients at run time and in its documentation:
 * every success response (2xx / `2XX`; `default` when there is none) documents a `Deprecation` (RFC 9745) or `Sunset`
 * (RFC 8594) header, and its description, summary or a deprecation extension (`x-deprecatedMessage`, `x-replaced-by`)
 * points to the replacement. Deprecated parameters and schema
 * properties (each once, where written) point to their replacement in their description. One finding per item,
 * at its `deprecated` flag.
 */
export const deprecationSignalled = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function deprecationSignalled(root) {
    const results: IFunctionResult[] = [];
    for (const op of operations(root)) {
      if (op.operation.deprecated !== true) continue;
      const responses = operationResponses(root, op);
      let success = responses.filter((r) => statusClass(r.status) === '2');
      if (success.length === 0) success = responses.filter((r) => r.status === 'default');
      const silent = success.filter((r) => findHeader(root, r.response, r.path, LIFECYCLE_HEADERS) === undefined).map((r) => r.status);
      const gaps: string[] = [];
      if (silent.length > 0) {
        const which = silent.length === success.length ? 'its success responses document' : `its ${silent.join(', ')} response${silent.length === 1 ? '' : 's'} document${silent.length === 1 ? 's' : ''}`;
        gaps.push(`${which} neither a Deprecation nor a Sunset header`);
      }
      if (success.length === 0) gaps.push('it documents no success response to carry a Deprecation or Sunset header');
      if (!describes(op.operation)) gaps.push('its description does not say what to use instead');
      if (gaps.length === 0) continue;
      results.push({
        message: `${describeOperation(op)} is deprecated, but ${gaps.join(', and ')}.`,
        path: [...op.path, 'deprecated'],
      });
    }
    for (const ref of parameterObjects(root)) {
      if (ref.parameter.deprecated !== true || describes(ref.parameter)) continue;
      const where = ref.pathKeys.length > 0 ? ` of ${ref.pathKeys[0]}` : '';
      results.push({
        message: `Parameter "${ref.name}"${where} is deprecated, but its description does not say what to use instead.`,
        path: [...ref.path, 'deprecated'],
      });
    }
    const seen = new Set<object>();
    for (const prop of componentProperties(root)) {
      if (prop.schema.deprecated !== true || seen.has(prop.schema) || !isObject(prop.schema)) continue;
      seen.add(prop.schema);
      if (describes(prop.schema)) continue;
      results.push({
        message: `Property "${prop.name}" is deprecated, but its description does not say what to use instead.`,
        path: [...prop.path, 'deprecated'],
      });
    }
    return results;
  },
);
