import type { JsonObject, JsonPath } from './guards.js';
import { findHeader, type HeaderRef } from './headers.js';
import { findDefaultResponseHeader, type DefaultHeader } from './headerValues.js';
import { memoPerDocument } from './memo.js';
import { operations } from './oas.js';
import { componentResponsePaths, operationResponses } from './responses.js';

/**
 * Where a document declares a response header that belongs to the host rather than to one operation
 * (`Strict-Transport-Security`, `X-Content-Type-Options`, `Content-Security-Policy`): on any response, or once for
 * every response in `x-default-response-headers`. Used by the fin-headers rules that judge the document as a whole, so
 * that a missing header is one finding, not one per response (the incumbent's rate-limit rules demanded headers on
 * every single response).
 */
export interface DocumentedHeader {
  /** Each distinct Header Object declared on some response, where it is written, with the response that shows it. */
  declarations: { ref: HeaderRef; where: string }[];
  gateway?: DefaultHeader;
}

export function documentedHeader(root: JsonObject, name: string): DocumentedHeader {
  return memoPerDocument(root, `documentedHeader:${name.toLowerCase()}`, () => {
    const declarations: { ref: HeaderRef; where: string }[] = [];
    const seen = new Set<object>();
    const responsePaths = componentResponsePaths(root);
    for (const op of operations(root)) {
      for (const response of operationResponses(root, op)) {
        const base: JsonPath = responsePaths.get(response.response) ?? response.path;
        const ref = findHeader(root, response.response, base, name);
        if (!ref || seen.has(ref.header)) continue;
        seen.add(ref.header);
        declarations.push({ ref, where: `the ${response.status} response of ${op.method.toUpperCase()} ${op.pathKey}` });
      }
    }
    return { declarations, gateway: findDefaultResponseHeader(root, [name]) };
  });
}

export function isDocumented(doc: DocumentedHeader): boolean {
  return doc.declarations.length > 0 || doc.gateway !== undefined;
}
