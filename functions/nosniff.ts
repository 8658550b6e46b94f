import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { documentedHeader, isDocumented, type DocumentedHeader } from './utils/documentedHeaders.js';
import { asArray, entries, isObject, type JsonObject } from './utils/guards.js';
import { declaredHeaderStrings } from './utils/headerValues.js';
import { oasVersion, operations } from './utils/oas.js';

const NOSNIFF = 'X-Content-Type-Options';
const CSP = 'Content-Security-Policy';

function isJson(mediaType: string): boolean {
  const mt = mediaType.split(';')[0].trim().toLowerCase();
  return mt === 'application/json' || mt.endsWith('+json');
}

/** Whether the API returns JSON: a response media type (3.x) or a `produces` entry (2.0) is JSON. */
function returnsJson(root: JsonObject): boolean {
  if (oasVersion(root) === '2.0') {
    const lists = [asArray(root.produces), ...operations(root).map((op) => asArray(op.operation.produces))];
    return lists.some((l) => l.some((m) => typeof m === 'string' && isJson(m)));
  }
  return operations(root).some((op) =>
    entries(op.operation.responses).some(([, r]) => isObject(r) && Object.keys(isObject(r.content) ? r.content : {}).some(isJson)),
  );
}

/** Declared values of a documented header that fail `ok`, with where they are. */
function badValues(root: JsonObject, doc: DocumentedHeader, ok: (v: string) => boolean) {
  const out: { text: string; path: (string | number)[]; where: string }[] = [];
  for (const { ref, where } of doc.declarations) {
    for (const v of declaredHeaderStrings(root, ref.header, ref.path)) if (!ok(v.text)) out.push({ ...v, where: `on ${where}` });
  }
  for (const value of doc.gateway?.values ?? []) if (!ok(value)) out.push({ text: value, path: doc.gateway!.path, where: 'in x-default-response-headers' });
  return out;
}

/**
 * fin-headers-nosniff: the document declares `X-Content-Type-Options: nosniff` (on some response, or in
 * `x-default-response-headers`), and APIs that return JSON declare `Content-Security-Policy` with
 * `frame-ancestors 'none'` (OWASP REST Security Cheat Sheet). Both belong to the host, so each missing header is one
 * finding for the document; declared values that say otherwise are reported where they are written.
 */
export const nosniff = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function nosniff(root) {
    if (operations(root).length === 0) return [];
    const results: IFunctionResult[] = [];
    const sniff = documentedHeader(root, NOSNIFF);
    if (!isDocumented(sniff)) {
      results.push({ message: `No response documents ${NOSNIFF}: nosniff; declare it on responses or in x-default-response-headers.`, path: ['paths'] });
    } else {
      for (const v of badValues(root, sniff, (t) => t.trim().toLowerCase() === 'nosniff')) {
        results.push({ message: `${NOSNIFF} "${v.text}" ${v.where} is not nosniff.`, path: v.path });
      }
    }
    if (returnsJson(root)) {
      const csp = documentedHeader(root, CSP);
      if (!isDocumented(csp)) {
        results.push({
          message: `The API returns JSON but no response documents ${CSP}: frame-ancestors 'none'; declare it on responses or in x-default-response-headers.`,
          path: ['paths'],
        });
      } else {
        for (const v of badValues(root, csp, (t) => /frame-ancestors\s+'?none'?/i.test(t))) {
          results.push({ message: `${CSP} "${v.text}" ${v.where} does not include frame-ancestors 'none'.`, path: v.path });
        }
      }
    }
    return results;
  },
);
