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

export const SECURE_SCHEMES: ReadonlySet<string> = new Set(['https', 'wss']);

/** Environments whose servers are not production endpoints (`x-environment`). */
export const NON_PRODUCTION_ENVIRONMENTS: ReadonlySet<string> = new Set([
  'local',
  'mock',
  'development',
  'dev',
  'test',
  'testing',
]);

export function environmentOf(server: JsonObject): string | undefined {
  return typeof server['x-environment'] === 'string' ? server['x-environment'].toLowerCase() : undefined;
}

export interface Expansion {
  url: string;
  /** The variable whose value produced this expansion (undefined: all defaults). */
  variable?: string;
  /** JSON path of the value used (`variables.<v>.default` or `variables.<v>.enum[i]`), relative to the server. */
  valuePath: JsonPath;
}

/**
 * Expands `{var}` templates: once with every default, then once per enum value of each variable (others at their
 * default). Linear in the number of values, unlike the full cartesian product, and enough to find every scheme
 * or host a variable can produce.
 */
export function expandServerUrl(server: JsonObject): Expansion[] {
  const url = typeof server.url === 'string' ? server.url : '';
  const variables = isObject(server.variables) ? server.variables : {};
  const defaults: Record<string, string> = {};
  for (const [name, v] of entries(variables)) if (isObject(v) && v.default !== undefined) defaults[name] = String(v.default);
  const fill = (overrides: Record<string, string>) =>
    url.replace(/\{([^}]+)\}/g, (whole, name: string) => overrides[name] ?? defaults[name] ?? whole);
  const out: Expansion[] = [{ url: fill({}), valuePath: ['url'] }];
  for (const [name, v] of entries(variables)) {
    if (!isObject(v)) continue;
    if (v.default !== undefined) out.push({ url: fill({}), variable: name, valuePath: ['variables', name, 'default'] });
    asArray(v.enum).forEach((value, i) => {
      out.push({ url: fill({ [name]: String(value) }), variable: name, valuePath: ['variables', name, 'enum', i] });
    });
  }
  return out;
}
