import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, type JsonObject } from './utils/guards.js';
import { oasVersion, operations } from './utils/oas.js';
import { environmentOf, distinctServers, repeatsNote, urlScheme } from './utils/servers.js';
import { CLEARTEXT_TOLERATED_ENVIRONMENTS, TLS_SCHEMES } from './utils/transport.js';

/**
 * fin-transport-https-only: every absolute server URL (3.x) and every `schemes` entry (2.0) is https/wss.
 * URLs whose scheme is a `{variable}` are left to fin-transport-server-variables-https; relative URLs are not
 * judged (their scheme is where the document is served from).
 */
export const httpsServers = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function httpsServers(root) {
    const results: IFunctionResult[] = [];
    if (oasVersion(root) === '2.0') {
      const check = (schemes: unknown, base: (string | number)[]) =>
        asArray(schemes).forEach((scheme, i) => {
          if (typeof scheme === 'string' && !TLS_SCHEMES.has(scheme.toLowerCase())) {
            results.push({ message: `Scheme "${scheme}" is not TLS-protected; list only https (or wss).`, path: [...base, i] });
          }
        });
      check(root.schemes, ['schemes']);
      for (const op of operations(root)) check(op.operation.schemes, [...op.path, 'schemes']);
      return results;
    }
    for (const { server, url, path, repeats } of distinctServers(root)) {
      const env = environmentOf(server);
      if (env !== undefined && CLEARTEXT_TOLERATED_ENVIRONMENTS.has(env)) continue;
      if (url.trim().startsWith('{')) continue;
      const scheme = urlScheme(url);
      if (scheme !== undefined && !TLS_SCHEMES.has(scheme)) {
        results.push({ message: `Server URL "${url}" uses ${scheme}://, not https://.${repeatsNote(repeats)}`, path: [...path, 'url'] });
      }
    }
    return results;
  },
);

