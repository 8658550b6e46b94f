import { tokenize } from './names.js';
import { WRITE_METHODS, type OperationRef } from './oas.js';

/**
 * Tokens of a last path segment that make a POST a read: `POST /invoices/search`, `POST /customers/bulk-retrieve`. Such
 * operations use POST only to carry a large filter in the body (or stand in for the 3.2 QUERY method).
 */
const READ_LIKE_POST_TOKENS: ReadonlySet<string> = new Set([
  'search',
  'query',
  'lookup',
  'find',
  'filter',
  'list',
  'retrieve',
  'get',
  'fetch',
  'read',
]);

/**
 * Whether an operation changes state: PUT, PATCH, DELETE, and POST unless its last literal path segment says it is
 * a search or a bulk read (`/search`, `/search-invoices`, `/transactions:query`, `/batch-retrieve`).
 */
export function isWriteOperation(op: OperationRef): boolean {
  if (!WRITE_METHODS.has(op.method)) return false;
  if (op.method !== 'post') return true;
  const literal = op.pathKey.split('/').filter((s) => s !== '' && !s.startsWith('{'));
  const last = literal[literal.length - 1];
  return last === undefined || !tokenize(last).some((t) => READ_LIKE_POST_TOKENS.has(t));
}
