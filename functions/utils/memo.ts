/**
 * Per-document memoisation. Spectral calls each rule's function separately; rules that need the same index
 * (operations, effective security, the schema walk) compute it once per document root and share it, so the
 * cost of a lint stays linear in the document size instead of growing with the number of rules.
 */
const cache = new WeakMap<object, Map<string, unknown>>();

export function memoPerDocument<T>(root: object, key: string, compute: () => T): T {
  let entry = cache.get(root);
  if (entry === undefined) {
    entry = new Map();
    cache.set(root, entry);
  }
  if (entry.has(key)) return entry.get(key) as T;
  const value = compute();
  entry.set(key, value);
  return value;
}
