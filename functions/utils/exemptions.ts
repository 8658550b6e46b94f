import { isObject, type JsonObject } from './guards.js';
import { operations } from './oas.js';

/**
 * The documented opt-outs of catalogue §4.4 for authentication rules. Each one leaves a trace in the document
 * that a reviewer can audit: a flag plus, where the catalogue asks for it, a written reason.
 */

/** `info.x-public-api: true`: the whole API is intentionally unauthenticated (e.g. open data). */
export function isPublicApi(root: JsonObject): boolean {
  return isObject(root.info) && root.info['x-public-api'] === true;
}

/** `x-public: true` on an operation: it is intentionally callable without authentication. */
export function isMarkedPublic(operation: JsonObject): boolean {
  return operation['x-public'] === true;
}

/** A reason extension (`x-public-reason`, `x-optional-auth-reason`) counts only when it is a non-blank string. */
export function hasReason(holder: JsonObject, key: string): boolean {
  const value = holder[key];
  return typeof value === 'string' && value.trim().length > 0;
}

/** Whether at least one operation under `paths` is not marked `x-public: true`. */
export function hasNonPublicOperation(root: JsonObject): boolean {
  return operations(root).some((op) => !isMarkedPublic(op.operation));
}
