import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import type { JsonObject } from './utils/guards.js';
import { oauthFlows, securitySchemes } from './utils/oas.js';

export interface RefreshForUserFlowsOptions {
  /** Longest acceptable access-token lifetime in seconds (default 600; 300 for PSD2 account access). */
  maxAccessTokenLifetime?: number;
}

/** User-delegated flows (3.x names; the 2.0 `accessCode` flow is mapped to `authorizationCode`). */
const USER_FLOWS: ReadonlySet<string> = new Set(['authorizationCode', 'deviceAuthorization']);

/** Seconds from a number, a numeric string or an ISO 8601 duration (`PT5M`, `P1D`); undefined when unreadable. */
export function lifetimeSeconds(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text);
  if (!m || text.toUpperCase() === 'P' || /T$/i.test(text)) return undefined;
  const [, d, h, min, s] = m;
  return Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s ?? 0);
}

/**
 * fin-auth-refresh-for-user-flows: authorization-code (and device) flows document short-lived access tokens: an
 * `x-access-token-lifetime` no longer than the threshold, or refresh support (`refreshUrl`, `x-refresh-tokens: true`).
 * A declared lifetime above the threshold is reported even when refresh is supported. The extensions are read from
 * the flow, then from the scheme.
 */
export const refreshForUserFlows = createRulesetFunction<JsonObject, RefreshForUserFlowsOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { maxAccessTokenLifetime: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
      errorMessage: '"fin-auth-refresh-for-user-flows" options: { maxAccessTokenLifetime?: integer seconds }, e.g. { maxAccessTokenLifetime: 300 }.',
    },
  },
  function refreshForUserFlows(root, options) {
    const max = options?.maxAccessTokenLifetime ?? 600;
    const results: IFunctionResult[] = [];
    const { schemes, basePath } = securitySchemes(root);
    for (const [name, scheme] of Object.entries(schemes)) {
      const schemePath = [...basePath, name];
      for (const flow of oauthFlows(scheme, schemePath)) {
        if (!USER_FLOWS.has(flow.name)) continue;
        const fromFlow = flow.flow['x-access-token-lifetime'] !== undefined;
        const lifetimeRaw = fromFlow ? flow.flow['x-access-token-lifetime'] : scheme['x-access-token-lifetime'];
        const lifetimePath = [...(fromFlow ? flow.path : schemePath), 'x-access-token-lifetime'];
        const refresh =
          (typeof flow.flow.refreshUrl === 'string' && flow.flow.refreshUrl.trim() !== '') ||
          (flow.flow['x-refresh-tokens'] ?? scheme['x-refresh-tokens']) === true;
        const label = `The ${flow.name} flow of scheme "${name}"`;
        if (lifetimeRaw !== undefined) {
          const seconds = lifetimeSeconds(lifetimeRaw);
          if (seconds === undefined) {
            results.push({
              message: `${label} has an x-access-token-lifetime that is neither seconds nor an ISO 8601 duration.`,
              path: lifetimePath,
            });
          } else if (seconds > max) {
            results.push({
              message: `${label} issues access tokens for ${seconds} seconds, longer than ${max} seconds.`,
              path: lifetimePath,
            });
          }
          continue;
        }
        if (!refresh) {
          results.push({
            message: `${label} documents neither a short access-token lifetime (x-access-token-lifetime) nor refresh support (refreshUrl or x-refresh-tokens: true).`,
            path: flow.path,
          });
        }
      }
    }
    return results;
  },
);
