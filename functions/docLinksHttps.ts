import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, entries, isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { callbackOperations, describeOperation, HTTP_METHODS, operations, webhookOperations } from './utils/oas.js';
import { componentProperties, componentSchemas, schemaVisits } from './utils/schemaWalker.js';
import { urlScheme } from './utils/servers.js';

/**
 * fin-transport-doc-links-https: documentation links readers follow from the API description use https:
 * `info.termsOfService`, `info.contact.url`, `info.license.url`, the ReDoc `info.x-logo` `url`/`href`, and
 * `externalDocs.url` at the root, on tags, on operations (paths, webhooks, callbacks, components.pathItems) and
 * on Schema Objects (components/definitions, their properties, and inline schemas found by the schema walker).
 * Only `http:` is reported: relative links and other schemes (`mailto:`) are not web pages served in clear text.
 */
export const docLinksHttps = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function docLinksHttps(root) {
    const results: IFunctionResult[] = [];
    const check = (value: unknown, path: JsonPath, what: string) => {
      if (typeof value === 'string' && urlScheme(value) === 'http') {
        results.push({ message: `The ${what} "${value}" uses http://, not https://.`, path });
      }
    };
    const externalDocs = (holder: JsonObject, path: JsonPath, of: string) => {
      if (isObject(holder.externalDocs)) {
        check(holder.externalDocs.url, [...path, 'externalDocs', 'url'], `external documentation link${of}`);
      }
    };

    const info = isObject(root.info) ? root.info : {};
    check(info.termsOfService, ['info', 'termsOfService'], 'terms of service link');
    if (isObject(info.contact)) check(info.contact.url, ['info', 'contact', 'url'], 'contact URL');
    if (isObject(info.license)) check(info.license.url, ['info', 'license', 'url'], 'license URL');
    const logo = info['x-logo'];
    if (isObject(logo)) {
      check(logo.url, ['info', 'x-logo', 'url'], 'logo URL');
      check(logo.href, ['info', 'x-logo', 'href'], 'logo link');
    }
    externalDocs(root, [], '');
    asArray(root.tags).forEach((tag, i) => {
      if (isObject(tag)) externalDocs(tag, ['tags', i], ` of tag "${String(tag.name)}"`);
    });

    const seenOperations = new Set<object>();
    for (const op of [...operations(root), ...webhookOperations(root), ...callbackOperations(root)]) {
      if (seenOperations.has(op.operation)) continue;
      seenOperations.add(op.operation);
      externalDocs(op.operation, op.path, ` of operation ${describeOperation(op)}`);
    }
    const components = isObject(root.components) ? root.components : {};
    for (const [key, item] of entries(components.pathItems)) {
      if (!isObject(item)) continue;
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (!isObject(operation) || seenOperations.has(operation)) continue;
        seenOperations.add(operation);
        const of = ` of operation ${method.toUpperCase()} ${key}`;
        externalDocs(operation, ['components', 'pathItems', key, method], of);
      }
    }

    const seenSchemas = new Set<object>();
    const schema = (s: JsonObject, path: JsonPath, of: string) => {
      if (seenSchemas.has(s)) return;
      seenSchemas.add(s);
      externalDocs(s, path, of);
    };
    for (const c of componentSchemas(root)) schema(c.schema, c.path, ` of schema "${c.name}"`);
    for (const p of componentProperties(root)) schema(p.schema, p.path, ` of property "${p.name}"`);
    for (const v of schemaVisits(root)) {
      schema(v.schema, v.path, v.name === undefined ? ' of a schema' : ` of "${v.name}"`);
    }
    return results;
  },
);
