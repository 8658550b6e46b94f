import { createHash } from 'node:crypto';

/**
 * Stable finding identities. A finding is identified by its rule id and a key path into its file in which object
 * keys are kept and array items are named by their content where they can be: a server by its `url`, a parameter or
 * tag by `name` (and `in`), a `$ref` object by its target, a security requirement by its scheme names, a scalar by
 * its value. Only items with none of these fall back to their index. So the identity survives moved lines,
 * reordered keys, and items inserted before or after the offending one; it changes when the offending item itself
 * is renamed, which is what "a new finding" means.
 */

export interface WalkedPath {
  /** The key path with array indices as numbers (the JSON contract). */
  path: (string | number)[];
  /** The same path with array items named by content. */
  identity: string[];
  /** The values along the path, from the document root (index 0) to the target (when it exists). */
  nodes: unknown[];
}

function itemName(item: unknown): string | undefined {
  if (item === null || item === undefined) return undefined;
  if (typeof item !== 'object') return `=${JSON.stringify(item)}`;
  if (Array.isArray(item)) return undefined;
  const o = item as Record<string, unknown>;
  if (typeof o.$ref === 'string') return `$ref=${o.$ref}`;
  if (typeof o.name === 'string') return typeof o.in === 'string' ? `name=${o.name},in=${o.in}` : `name=${o.name}`;
  if (typeof o.url === 'string') return `url=${o.url}`;
  const keys = Object.keys(o);
  if (keys.length > 0 && keys.every((k) => Array.isArray(o[k]))) return `keys=${[...keys].sort().join(',')}`;
  return undefined;
}

const itemNamesCache = new WeakMap<unknown[], string[]>();

/** Names of all items of an array, made unique with an occurrence suffix; computed once per array. */
function itemNames(array: unknown[]): string[] {
  let names = itemNamesCache.get(array);
  if (names) return names;
  const seen = new Map<string, number>();
  names = array.map((item, index) => {
    const name = itemName(item);
    if (name === undefined) return `[${index}]`;
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    return n === 0 ? `[${name}]` : `[${name}#${n}]`;
  });
  itemNamesCache.set(array, names);
  return names;
}

/** Walks a Spectral path through the parsed data: typed path, identity path and the nodes along it. */
export function walkPath(segments: readonly (string | number)[], data: unknown): WalkedPath {
  const path: (string | number)[] = [];
  const identity: string[] = [];
  const nodes: unknown[] = [data];
  let cur: unknown = data;
  for (const seg of segments) {
    if (Array.isArray(cur)) {
      const index = Number(seg);
      if (Number.isInteger(index)) {
        path.push(index);
        identity.push(index >= 0 && index < cur.length ? itemNames(cur)[index] : `[${index}]`);
      } else {
        path.push(seg);
        identity.push(String(seg));
      }
      cur = cur[index];
    } else {
      path.push(String(seg));
      identity.push(String(seg));
      cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[String(seg)] : undefined;
    }
    nodes.push(cur);
  }
  return { path, identity, nodes };
}

/** The fingerprint of a finding: rule id + identity path, hashed. Independent of lines, key order and message. */
export function fingerprintOf(code: string, identity: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify([code, ...identity])).digest('hex').slice(0, 32);
}

/** RFC 6901 JSON pointer of a key path. */
export function toPointer(path: readonly (string | number)[]): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Parses an RFC 6901 JSON pointer (with or without a leading `#`) into segments. */
export function fromPointer(pointer: string): string[] {
  const p = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (p === '' || p === '/') return p === '/' ? [''] : [];
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
