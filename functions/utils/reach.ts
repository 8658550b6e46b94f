import type { SchemaIndex, SchemaVisit } from './schemaWalker.js';

export interface Reached {
  /** First visit of the schema object inside the closure (its path is where the walker first met it). */
  visit: SchemaVisit;
  /** The operation-level visit (a response body, a webhook request body...) it was reached from. */
  root: SchemaVisit;
}

/**
 * Every schema reachable from some operation-level visits (`schemaIndex(root).operationRoots`), through the walker's
 * child index, which already skips `writeOnly` properties in responses and `readOnly` ones in requests. Unlike a
 * visit's own `ctx`, which names only the first operation that reached a shared schema, this answers "is X reachable
 * from *any* of these operations?". Linear: each (schema, direction, outbound) is expanded once.
 */
export function reachableFrom(index: SchemaIndex, roots: readonly SchemaVisit[]): Map<object, Reached> {
  const reached = new Map<object, Reached>();
  const expanded = new Map<object, Set<string>>();
  for (const root of roots) {
    const stack: SchemaVisit[] = [root];
    while (stack.length > 0) {
      const visit = stack.pop()!;
      const key = `${visit.ctx.direction}:${visit.ctx.outbound}`;
      let keys = expanded.get(visit.schema);
      if (keys?.has(key)) continue;
      if (!keys) expanded.set(visit.schema, (keys = new Set()));
      keys.add(key);
      if (visit !== root && !reached.has(visit.schema)) reached.set(visit.schema, { visit, root });
      for (const child of index.childVisits(visit.schema, visit.ctx)) stack.push(child);
    }
  }
  return reached;
}
