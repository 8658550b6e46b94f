import { asArray, entries, isObject, type JsonObject, type JsonPath } from './guards.js';
import { memoPerDocument } from './memo.js';
import { operations } from './oas.js';

export interface ServerRef {
  server: JsonObject;
  url: string;
  /** JSON path of the Server Object. */
  path: JsonPath;
}

/** Every 3.x Server Object: root, path items, operations, 3.1 `components.pathItems` and webhooks. */
export function serverObjects(root: JsonObject): ServerRef[] {
  return memoPerDocument(root, 'serverObjects', () => {
    const out: ServerRef[] = [];
    const collect = (list: unknown, base: JsonPath) =>
      asArray(list).forEach((server, i) => {
        if (isObject(server) && typeof server.url === 'string') out.push({ server, url: server.url, path: [...base, i] });
      });
    collect(root.servers, ['servers']);
    for (const [key, item] of entries(root.paths)) if (isObject(item)) collect(item.servers, ['paths', key, 'servers']);
    for (const op of operations(root)) collect(op.operation.servers, [...op.path, 'servers']);
    const components = isObject(root.components) ? root.components : {};
    for (const [key, item] of entries(components.pathItems)) {
      if (isObject(item)) collect(item.servers, ['components', 'pathItems', key, 'servers']);
    }
    for (const [key, item] of entries(root.webhooks)) if (isObject(item)) collect(item.servers, ['webhooks', key, 'servers']);
    return out;
  });
}

/** The URL scheme, lower-cased (`http`, `https`, `wss`...), or undefined for a relative URL. */
export function urlScheme(url: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim());
  return m ? m[1].toLowerCase() : undefined;
}

export function environmentOf(server: JsonObject): string | undefined {
  return typeof server['x-environment'] === 'string' ? server['x-environment'].toLowerCase() : undefined;
}

export interface DistinctServer extends ServerRef {
  /** How many more times the same Server Object (same URL, variables and declarations) appears. */
  repeats: number;
}

/**
 * Server Objects with identical copies folded into the first: generators often repeat the root server on every
 * operation (APIs.guru's Kubernetes copy has 845), and one defect should give one finding, not hundreds.
 */
export function distinctServers(root: JsonObject): DistinctServer[] {
  return memoPerDocument(root, 'distinctServers', () => {
    const byKey = new Map<string, DistinctServer>();
    for (const ref of serverObjects(root)) {
      const key = JSON.stringify(ref.server);
      const seen = byKey.get(key);
      if (seen) seen.repeats++;
      else byKey.set(key, { ...ref, repeats: 0 });
    }
    return [...byKey.values()];
  });
}

/** Message suffix for a folded server, e.g. ` The same server is declared 12 more times.` */
export function repeatsNote(repeats: number): string {
  return repeats === 0 ? '' : ` The same server is declared ${repeats} more time${repeats === 1 ? '' : 's'}; fix it once, for example at the root.`;
}
