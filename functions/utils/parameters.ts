import { asArray, entries, isObject, type JsonObject, type JsonPath } from './guards.js';
import { memoPerDocument } from './memo.js';
import { HTTP_METHODS, oasVersion } from './oas.js';

/** Where a Parameter Object is written. */
export type ParameterOwner = 'path-item' | 'operation' | 'components';

export interface ParameterRef {
  parameter: JsonObject;
  name: string;
  /** The `in` value as written (`query`, `path`, `header`, `cookie`, `querystring`, 2.0 `formData`/`body`). */
  in: string;
  /** JSON path of the Parameter Object where it was first met (Spectral maps it to the `$ref` target). */
  path: JsonPath;
  owner: ParameterOwner;
  /** Every path template (or webhook name / callback expression) under which the parameter is used. */
  pathKeys: string[];
}

/**
 * Every Parameter Object of a document, once per object (a `$ref`'d parameter shared by many operations is one
 * entry): path-item and operation parameters under `paths`, 3.1 `webhooks`, callbacks and 3.1
 * `components.pathItems`, plus 3.x `components.parameters` and 2.0 root `parameters`. Computed once per document.
 */
export function parameterObjects(root: JsonObject): ParameterRef[] {
  return memoPerDocument(root, 'parameterObjects', () => {
    const byObject = new Map<object, ParameterRef>();
    const addOne = (p: unknown, path: JsonPath, owner: ParameterOwner, pathKey: string | undefined) => {
      if (!isObject(p) || typeof p.name !== 'string' || typeof p.in !== 'string') return;
      let ref = byObject.get(p);
      if (!ref) {
        ref = { parameter: p, name: p.name, in: p.in, path, owner, pathKeys: [] };
        byObject.set(p, ref);
      }
      if (pathKey !== undefined && !ref.pathKeys.includes(pathKey)) ref.pathKeys.push(pathKey);
    };
    const add = (list: unknown, base: JsonPath, owner: ParameterOwner, pathKey: string | undefined) =>
      asArray(list).forEach((p, i) => addOne(p, [...base, i], owner, pathKey));
    const seenPathItems = new Set<object>();
    const pathItem = (item: unknown, base: JsonPath, pathKey: string | undefined) => {
      if (!isObject(item) || seenPathItems.has(item)) {
        // A shared path item still records the extra path key for its parameters.
        if (isObject(item) && pathKey !== undefined) recordKeys(item, pathKey);
        return;
      }
      seenPathItems.add(item);
      add(item.parameters, [...base, 'parameters'], 'path-item', pathKey);
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (!isObject(op)) continue;
        add(op.parameters, [...base, method, 'parameters'], 'operation', pathKey);
        for (const [cbName, callback] of entries(op.callbacks)) {
          for (const [expression, cbItem] of entries(callback)) {
            if (!expression.startsWith('x-')) pathItem(cbItem, [...base, method, 'callbacks', cbName, expression], expression);
          }
        }
      }
    };
    const recordKeys = (item: JsonObject, pathKey: string) => {
      const lists = [item.parameters, ...HTTP_METHODS.map((m) => (isObject(item[m]) ? (item[m] as JsonObject).parameters : undefined))];
      for (const list of lists) {
        for (const p of asArray(list)) {
          const ref = isObject(p) ? byObject.get(p) : undefined;
          if (ref && !ref.pathKeys.includes(pathKey)) ref.pathKeys.push(pathKey);
        }
      }
    };

    // Components first: a parameter reached through a local $ref is then reported at its own, direct path
    // (Spectral cuts paths it maps through a $ref at keys such as `{$request.body#/url}`).
    if (oasVersion(root) === '2.0') {
      for (const [key, p] of entries(root.parameters)) addOne(p, ['parameters', key], 'components', undefined);
    } else if (isObject(root.components)) {
      for (const [key, p] of entries(root.components.parameters)) addOne(p, ['components', 'parameters', key], 'components', undefined);
      for (const [key, item] of entries(root.components.pathItems)) pathItem(item, ['components', 'pathItems', key], undefined);
      for (const [cbName, callback] of entries(root.components.callbacks)) {
        for (const [expression, cbItem] of entries(callback)) {
          if (!expression.startsWith('x-')) pathItem(cbItem, ['components', 'callbacks', cbName, expression], expression);
        }
      }
    }
    for (const [key, item] of entries(root.paths)) if (!key.startsWith('x-')) pathItem(item, ['paths', key], key);
    for (const [key, item] of entries(root.webhooks)) pathItem(item, ['webhooks', key], key);
    return [...byObject.values()];
  });
}
