import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, entries, isObject, isExtensionKey, type JsonObject, type JsonPath } from './utils/guards.js';
import { HTTP_METHODS, operations, webhookOperations } from './utils/oas.js';
import { authorityScheme, TLS_SCHEMES } from './utils/transport.js';

function insecureScheme(url: string): string | undefined {
  const scheme = authorityScheme(url);
  return scheme !== undefined && !TLS_SCHEMES.has(scheme) ? scheme : undefined;
}

/**
 * fin-transport-callback-urls-https: literal URLs the API itself calls or points clients at, outside the server
 * lists, are TLS-protected:
 * - callback keys (`"http://partner.example/notify"`, or a template with a literal http prefix), and the
 *   servers of callback path items and their operations (not covered by fin-transport-https-only);
 * - Link Objects: an absolute `operationRef` and the link's `server.url`.
 * Runtime expressions (`{$request.body#/callbackUrl}`) have no literal scheme and are not judged here.
 *
 * Callbacks and links are found from every operation (paths, 3.1 webhooks and components.pathItems, and callback
 * operations themselves) and from components.callbacks/responses/links. The document is resolved, so a shared
 * component is one object: it is inspected once, at its first location.
 */
export const callbackUrlsHttps = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function callbackUrlsHttps(root) {
    const results: IFunctionResult[] = [];
    const seen = new Set<object>();
    const once = (node: object) => (seen.has(node) ? false : (seen.add(node), true));

    const checkServers = (list: unknown, base: JsonPath, callbackName: string) =>
      asArray(list).forEach((server, i) => {
        if (!isObject(server) || typeof server.url !== 'string') return;
        const scheme = insecureScheme(server.url);
        if (scheme !== undefined) {
          results.push({
            message: `Server URL "${server.url}" of callback "${callbackName}" uses ${scheme}://, not https://.`,
            path: [...base, i, 'url'],
          });
        }
      });

    const visitLink = (link: unknown, path: JsonPath, name: string) => {
      if (!isObject(link) || !once(link)) return;
      if (typeof link.operationRef === 'string') {
        const scheme = insecureScheme(link.operationRef);
        if (scheme !== undefined) {
          results.push({
            message: `Link "${name}" refers to "${link.operationRef}" over ${scheme}://, not https://.`,
            path: [...path, 'operationRef'],
          });
        }
      }
      if (isObject(link.server) && typeof link.server.url === 'string') {
        const scheme = insecureScheme(link.server.url);
        if (scheme !== undefined) {
          results.push({
            message: `Link "${name}" sends clients to server "${link.server.url}", which uses ${scheme}://, not https://.`,
            path: [...path, 'server', 'url'],
          });
        }
      }
    };

    const visitResponse = (response: unknown, path: JsonPath) => {
      if (!isObject(response) || !once(response)) return;
      for (const [name, link] of entries(response.links)) visitLink(link, [...path, 'links', name], name);
    };

    const visitOperation = (operation: JsonObject, path: JsonPath) => {
      for (const [name, callback] of entries(operation.callbacks)) visitCallback(callback, [...path, 'callbacks', name], name);
      for (const [status, response] of entries(operation.responses)) visitResponse(response, [...path, 'responses', status]);
    };

    const visitOperationsOf = (pathItem: JsonObject, path: JsonPath) => {
      for (const method of HTTP_METHODS) {
        const operation = pathItem[method];
        if (isObject(operation)) visitOperation(operation, [...path, method]);
      }
    };

    function visitCallback(callback: unknown, path: JsonPath, name: string): void {
      if (!isObject(callback) || !once(callback)) return;
      for (const [expression, pathItem] of entries(callback)) {
        if (isExtensionKey(expression)) continue;
        const scheme = insecureScheme(expression);
        if (scheme !== undefined) {
          results.push({
            message: `Callback "${name}" targets "${expression}" over ${scheme}://, not https://.`,
            path: [...path, expression],
          });
        }
        if (!isObject(pathItem) || !once(pathItem)) continue;
        checkServers(pathItem.servers, [...path, expression, 'servers'], name);
        for (const method of HTTP_METHODS) {
          const operation = pathItem[method];
          if (!isObject(operation)) continue;
          checkServers(operation.servers, [...path, expression, method, 'servers'], name);
          visitOperation(operation, [...path, expression, method]);
        }
      }
    }

    for (const op of [...operations(root), ...webhookOperations(root)]) visitOperation(op.operation, op.path);
    const components = isObject(root.components) ? root.components : {};
    for (const [key, item] of entries(components.pathItems)) {
      if (isObject(item)) visitOperationsOf(item, ['components', 'pathItems', key]);
    }
    for (const [name, callback] of entries(components.callbacks)) {
      visitCallback(callback, ['components', 'callbacks', name], name);
    }
    for (const [status, response] of entries(components.responses)) {
      visitResponse(response, ['components', 'responses', status]);
    }
    for (const [name, link] of entries(components.links)) visitLink(link, ['components', 'links', name], name);
    return results;
  },
);
