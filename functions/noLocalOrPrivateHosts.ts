import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { isObject, type JsonObject } from './utils/guards.js';
import { oasVersion } from './utils/oas.js';
import { distinctServers, repeatsNote } from './utils/servers.js';
import {
  authorityHost,
  authorityVariables,
  classifyHost,
  fillServerUrl,
  isDeclaredNonProduction,
  schemeVariables,
  urlHost,
  variableValues,
} from './utils/transport.js';

/** Stands in for host variables to test whether the literal part of a host is at fault. */
const NEUTRAL_HOST = 'public-host.example';

/**
 * fin-transport-no-local-or-private-hosts: servers offered to clients point at public hosts, not at loopback,
 * private, link-local or special-use addresses and names, nor at placeholder domains (see classifyHost).
 *
 * - 3.x: every Server Object. A URL without variables in its scheme/authority is judged as written. When
 *   variables shape the host, each of their values (enum entries, and a default outside the enum) is expanded
 *   with the other host variables set to a neutral public name, and each offending value is reported where it is
 *   written. When the literal part of the host is at fault (`{region}.bank.internal`), one finding goes to `url`.
 * - 2.0: the root `host`.
 * - Servers declared non-production (`x-environment` other than production/prod/live) or internal
 *   (`x-internal: true`) are skipped; for 2.0 the declaration is read from `info` or the document root.
 */
export const noLocalOrPrivateHosts = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function noLocalOrPrivateHosts(root) {
    const results: IFunctionResult[] = [];

    if (oasVersion(root) === '2.0') {
      if (typeof root.host !== 'string') return results;
      if (isDeclaredNonProduction(root) || (isObject(root.info) && isDeclaredNonProduction(root.info))) return results;
      const host = authorityHost(root.host);
      const why = host === undefined ? undefined : classifyHost(host);
      if (host !== undefined && why !== undefined) {
        results.push({ message: `Host "${root.host}" points at ${host}, ${why}.`, path: ['host'] });
      }
      return results;
    }

    for (const { server, url, path, repeats } of distinctServers(root)) {
      if (isDeclaredNonProduction(server)) continue;
      const judge = (expanded: string) => {
        const host = urlHost(expanded);
        if (host === undefined || host.includes('{')) return undefined;
        const why = classifyHost(host);
        return why === undefined ? undefined : { host, why };
      };
      const schemeVars = schemeVariables(server);
      const hostVariables = authorityVariables(server).filter((name) => variableValues(server, name).length > 0);
      if (hostVariables.length === 0) {
        const found = judge(fillServerUrl(server));
        if (found) {
          results.push({ message: `Server URL "${url}" points at ${found.host}, ${found.why}.${repeatsNote(repeats)}`, path: [...path, 'url'] });
        }
        continue;
      }
      // The literal part of the host is at fault when it offends whatever the variables hold: report it once.
      const neutral = Object.fromEntries(
        hostVariables.filter((n) => !schemeVars.includes(n)).map((n) => [n, NEUTRAL_HOST]),
      );
      const literal = judge(fillServerUrl(server, neutral));
      if (literal) {
        const found = judge(fillServerUrl(server)) ?? literal;
        results.push({ message: `Server URL "${url}" points at ${found.host}, ${found.why}.${repeatsNote(repeats)}`, path: [...path, 'url'] });
        continue;
      }
      for (const name of hostVariables) {
        for (const { value, path: valuePath } of variableValues(server, name)) {
          // Other host variables take the neutral value, so one variable's bad default is not blamed on the rest.
          const found = judge(fillServerUrl(server, { ...neutral, [name]: value }));
          if (found === undefined) continue;
          results.push({
            message: `Server variable "${name}" value "${value}" makes "${url}" point at ${found.host}, ${found.why}.${repeatsNote(repeats)}`,
            path: [...path, ...valuePath],
          });
        }
      }
    }
    return results;
  },
);
