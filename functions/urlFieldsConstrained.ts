import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, type JsonObject } from './utils/guards.js';
import { describeSubject, fieldName, holds, inboundVisits, typesOf } from './utils/inputSchemas.js';
import { tokenize } from './utils/names.js';
import { anchoredPrefixes, parsePatternCached, patternMaxLength } from './utils/regexPattern.js';
import { andList } from './utils/lists.js';

/** Last name tokens of URL-carrying fields: `returnUrl`, `redirect_uri`, `callback`, `webhook`, `notification_urls`. */
const URL_LAST_TOKENS: ReadonlySet<string> = new Set(['url', 'uri', 'urls', 'uris', 'callback', 'redirect', 'webhook', 'href']);
const URL_FORMATS: ReadonlySet<string> = new Set(['uri', 'url', 'iri', 'uri-reference', 'iri-reference', 'uri-template']);
const ABSOLUTE_URL_FORMATS: ReadonlySet<string> = new Set(['uri', 'url', 'iri']);

function httpsOnly(m: JsonObject): boolean {
  if (Array.isArray(m.enum) && m.enum.length > 0) return m.enum.every((v) => v === null || (typeof v === 'string' && v.startsWith('https://')));
  const allow = m['x-url-allowlist'];
  const list = typeof allow === 'string' ? [allow] : asArray(allow);
  if (list.length > 0 && list.every((v) => typeof v === 'string' && v.startsWith('https://'))) return true;
  if (typeof m.pattern !== 'string') return false;
  const parsed = parsePatternCached(m.pattern);
  if (!parsed.valid) return false;
  return anchoredPrefixes(parsed).every((p) => p !== undefined && p.startsWith('https://'));
}

const bounded = (m: JsonObject) => typeof m.maxLength === 'number' || (Array.isArray(m.enum) && m.enum.length > 0) || patternMaxLength(m.pattern) < Infinity;
const absolute = (m: JsonObject) => (typeof m.format === 'string' && ABSOLUTE_URL_FORMATS.has(m.format)) || (Array.isArray(m.enum) && m.enum.length > 0);

/**
 * fin-input-url-fields-constrained: request fields that carry a URL the API may fetch, call back or redirect to (by
 * name, or by a URI format) are absolute URIs (`format: uri`), limited to https by an anchored `^https://` pattern (or
 * an `x-url-allowlist` of https URLs), and bounded in length.
 */
export const urlFieldsConstrained = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function urlFieldsConstrained(root) {
    const results: IFunctionResult[] = [];
    for (const visit of inboundVisits(root)) {
      const m = visit.merged;
      const types = typesOf(m);
      const format = typeof m.format === 'string' ? m.format : undefined;
      if (!(types.includes('string') || (types.length === 0 && format !== undefined && URL_FORMATS.has(format)))) continue;
      const name = fieldName(visit, root);
      const tokens = name !== undefined ? tokenize(name) : [];
      const byName = tokens.length > 0 && URL_LAST_TOKENS.has(tokens[tokens.length - 1]);
      if (!byName && !(format !== undefined && URL_FORMATS.has(format))) continue;
      const missing: string[] = [];
      if (!holds(root, visit.schema, absolute)) missing.push('format: uri');
      if (!holds(root, visit.schema, httpsOnly)) missing.push('an anchored ^https:// pattern (or x-url-allowlist)');
      if (!holds(root, visit.schema, bounded)) missing.push('maxLength');
      if (missing.length === 0) continue;
      results.push({
        message: `${describeSubject(root, visit)} carries a URL the API may fetch, call or redirect to, but lacks ${andList(missing)}.`,
        path: visit.path,
      });
    }
    return results;
  },
);

