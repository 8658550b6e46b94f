/**
 * Media type helpers for request-body rules: normalisation (`Application/JSON; charset=utf-8` -> `application/json`),
 * wildcard ranges, and the split between structured payloads (JSON, XML, forms, text), whose schema describes fields,
 * and opaque/binary payloads (files, images, signed blobs), which are judged as uploads.
 */

/** Lower-cased `type/subtype` without parameters. */
export function mediaRange(mediaType: string): string {
  return mediaType.split(';')[0].trim().toLowerCase();
}

/** `*\/*` and `type/*` ranges. */
export function isWildcardRange(mediaType: string): boolean {
  const range = mediaRange(mediaType);
  return range === '*' || range === '*/*' || range.endsWith('/*');
}

/** Ranges too broad for a request body: any type (`*\/*`) or any application/text/multipart subtype. */
export const OVERBROAD_RANGES: ReadonlySet<string> = new Set(['*', '*/*', 'application/*', 'text/*', 'multipart/*']);

export function isOverbroadRange(mediaType: string): boolean {
  return OVERBROAD_RANGES.has(mediaRange(mediaType));
}

export function isJsonMediaType(mediaType: string): boolean {
  const range = mediaRange(mediaType);
  return range === 'application/json' || range.endsWith('+json') || range === 'text/json';
}

export function isFormMediaType(mediaType: string): boolean {
  const range = mediaRange(mediaType);
  return range === 'application/x-www-form-urlencoded' || range.startsWith('multipart/');
}

/** JSON, XML, forms, plain text and wildcards: payloads whose schema describes fields or text. */
export function isStructuredMediaType(mediaType: string): boolean {
  const range = mediaRange(mediaType);
  return (
    isJsonMediaType(range) ||
    isFormMediaType(range) ||
    range === 'application/xml' ||
    range === 'text/xml' ||
    range.endsWith('+xml') ||
    range.startsWith('text/') ||
    isWildcardRange(range)
  );
}
