import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { environmentOf, distinctServers, repeatsNote } from './utils/servers.js';
import {
  authorityScheme,
  CLEARTEXT_TOLERATED_ENVIRONMENTS,
  fillServerUrl,
  hasEnum,
  isDeclaredVariable,
  schemeVariables,
  TLS_SCHEMES,
  variableValues,
} from './utils/transport.js';

/**
 * fin-transport-server-variables-https: when a server variable supplies the scheme of a URL template
 * (`{scheme}://host`, or a whole-base-URL `{baseUrl}/v1`), each of its values must expand to https/wss, and it
 * must have an `enum` (a free-form variable lets any scheme in). Literal schemes are fin-transport-https-only's
 * job; variables in the host or path cannot change the scheme and are not judged; undeclared variables are left
 * to Spectral's oas3-server-variables.
 */
export const serverVariablesHttps = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function serverVariablesHttps(root) {
    const results: IFunctionResult[] = [];
    for (const { server, url, path, repeats } of distinctServers(root)) {
      if (!url.includes('{')) continue;
      const env = environmentOf(server);
      if (env !== undefined && CLEARTEXT_TOLERATED_ENVIRONMENTS.has(env)) continue;
      for (const name of schemeVariables(server)) {
        if (!isDeclaredVariable(server, name)) continue;
        let insecureDefault = false;
        for (const { value, path: valuePath, kind } of variableValues(server, name)) {
          const expanded = fillServerUrl(server, { [name]: value });
          const scheme = authorityScheme(expanded);
          if (scheme === undefined || TLS_SCHEMES.has(scheme)) continue;
          if (kind === 'default') insecureDefault = true;
          const message =
            kind === 'enum'
              ? `Server variable "${name}" allows "${value}", so "${url}" can expand to "${expanded}"; allow only https (or wss).`
              : `Server variable "${name}" defaults to "${value}", so "${url}" expands to "${expanded}"; use an https (or wss) default.`;
          results.push({ message: `${message}${repeatsNote(repeats)}`, path: [...path, ...valuePath] });
        }
        // A free-form scheme variable is a finding of its own, unless its default was already reported.
        if (!hasEnum(server, name) && !insecureDefault) {
          results.push({
            message: `Server variable "${name}" sets the scheme of "${url}" but has no enum, so any scheme can be used; restrict it to https (or wss).${repeatsNote(repeats)}`,
            path: [...path, 'variables', name],
          });
        }
      }
    }
    return results;
  },
);
