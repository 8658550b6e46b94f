import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { tokenize } from './utils/names.js';
import { oasVersion } from './utils/oas.js';
import { distinctServers, repeatsNote } from './utils/servers.js';

/**
 * Words that name an environment in a server description, matched as whole tokens (so "latest" or "contest" do not
 * count as "test"). The spectral-owasp inventory keywords plus common synonyms.
 */
const ENVIRONMENT_WORDS: ReadonlySet<string> = new Set([
  'production',
  'prod',
  'live',
  'preprod',
  'preproduction',
  'staging',
  'stage',
  'stag',
  'sandbox',
  'uat',
  'qa',
  'test',
  'testing',
  'integration',
  'development',
  'dev',
  'local',
  'mock',
  'demo',
  'alpha',
  'beta',
]);

function environmentDeclared(holder: JsonObject): boolean {
  const env = holder['x-environment'];
  if (typeof env === 'string' && env.trim() !== '') return true;
  return typeof holder.description === 'string' && tokenize(holder.description).some((t) => ENVIRONMENT_WORDS.has(t));
}

function audienceDeclared(holder: JsonObject): boolean {
  return typeof holder['x-internal'] === 'boolean';
}

function missing(env: boolean, audience: boolean, descriptionCounts: boolean): string | undefined {
  if (env && audience) return undefined;
  if (!env && !audience) return 'its environment (x-environment) or its audience (x-internal: true or false)';
  if (!env) {
    return descriptionCounts
      ? 'its environment (x-environment, or a description naming production, sandbox or test)'
      : 'its environment (x-environment)';
  }
  return 'its audience (x-internal: true or false)';
}

/**
 * fin-transport-server-environment-declared: every server is inventoried with its environment (`x-environment`,
 * or a description naming one) and its audience (`x-internal` as a boolean). OAS 2.0 has one implicit server;
 * its declarations are read from `info` or the document root.
 */
export const serverEnvironmentDeclared = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function serverEnvironmentDeclared(root) {
    const results: IFunctionResult[] = [];
    if (oasVersion(root) === '2.0') {
      const holders = [root, ...(isObject(root.info) ? [root.info] : [])];
      // Only x-environment counts here: info.description describes the API, not where it runs.
      const env = holders.some((h) => typeof h['x-environment'] === 'string' && h['x-environment'].trim() !== '');
      const gap = missing(env, holders.some(audienceDeclared), false);
      const at: JsonPath = isObject(root.info) ? ['info'] : ['swagger'];
      if (gap !== undefined) {
        const host = typeof root.host === 'string' ? `host "${root.host}"` : 'implicit host';
        results.push({ message: `The API's ${host} does not declare ${gap} in info.`, path: at });
      }
      return results;
    }
    for (const { server, url, path, repeats } of distinctServers(root)) {
      const gap = missing(environmentDeclared(server), audienceDeclared(server), true);
      if (gap !== undefined) results.push({ message: `Server "${url}" does not declare ${gap}.${repeatsNote(repeats)}`, path });
    }
    return results;
  },
);
