import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { asStringArray, describeOperation, effectiveSecurity, operations, securitySchemes } from './utils/oas.js';
import { compileSafePattern, type SafePattern } from './utils/safeRegex.js';
import { isWriteOperation } from './utils/writeOperations.js';

export interface WriteScopeNotReadOnlyOptions {
  /**
   * Regular expressions (case-insensitive) for read-type scope names. Replaces the defaults. They are run with the
   * linear-time matcher (utils/safeRegex.ts), so look-around and back-references are not allowed.
   */
  readScopes?: string[];
}

/**
 * Default read-type scope shapes: `read`, `view`, `readonly`; suffixes `accounts:read`, `accounts.read`,
 * `drive.readonly`, `accounts_view`; prefixes `read:accounts`, `read_accounts`, `view-cards` (but not `read_write`).
 */
export const DEFAULT_READ_SCOPES: readonly string[] = [
  '^(?:read|view|viewer|readonly|read[-_.]only)$',
  '[:./_-](?:read|view|readonly|read[-_.]only)$',
  '^(?:read|view)[:./_-](?!write)',
];

/** OpenID Connect identity scopes: they release identity claims and never authorise a write. */
const IDENTITY_SCOPES: ReadonlySet<string> = new Set(['openid', 'profile', 'email', 'address', 'phone', 'offline_access']);

const SCOPED_TYPES: ReadonlySet<string> = new Set(['oauth2', 'openIdConnect']);

const quote = (scopes: readonly string[]) => scopes.map((s) => `"${s}"`).join(', ');

/**
 * fin-auth-write-scope-not-read-only: no security alternative of a write operation grants only read-type (or OpenID
 * identity) scopes. Alternatives without scopes are fin-auth-write-ops-scoped's business.
 */
export const writeScopeNotReadOnly = createRulesetFunction<JsonObject, WriteScopeNotReadOnlyOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        readScopes: { type: 'array', items: { type: 'string', minLength: 1, not: { pattern: '\\(\\?<?[=!]|\\\\[1-9]|\\\\k<' } } },
      },
      additionalProperties: false,
      errorMessage:
        '"fin-auth-write-scope-not-read-only" options: { readScopes?: string[] } (regular expressions without look-around or back-references), e.g. { readScopes: ["^read:", ":read$"] }.',
    },
  },
  function writeScopeNotReadOnly(root, options) {
    // The defaults are finlint's own, reviewed patterns; configured ones never run on the backtracking engine.
    const patterns: (RegExp | SafePattern)[] = options?.readScopes
      ? options.readScopes.flatMap((p) => compileSafePattern(p, 'i') ?? [])
      : DEFAULT_READ_SCOPES.map((p) => new RegExp(p, 'i'));
    const isReadType = (scope: string) => IDENTITY_SCOPES.has(scope.toLowerCase()) || patterns.some((p) => p.test(scope));
    const results: IFunctionResult[] = [];
    const { schemes } = securitySchemes(root);
    const inherited = new Map<number, { scopes: string[]; ops: string[] }>();

    for (const op of operations(root)) {
      if (!isWriteOperation(op)) continue;
      const security = effectiveSecurity(root, op);
      if (security.path === undefined) continue;
      const list = security.source === 'operation' ? asArray(op.operation.security) : asArray(root.security);
      list.forEach((requirement, i) => {
        if (!isObject(requirement)) return;
        const scopes: string[] = [];
        for (const [name, value] of Object.entries(requirement)) {
          const type = schemes[name]?.type;
          if (typeof type === 'string' && SCOPED_TYPES.has(type)) scopes.push(...asStringArray(value));
        }
        if (scopes.length === 0 || !scopes.every(isReadType)) return;
        if (security.source === 'root') {
          const entry = inherited.get(i) ?? { scopes, ops: [] };
          entry.ops.push(describeOperation(op));
          inherited.set(i, entry);
          return;
        }
        results.push({
          message: `Write operation ${describeOperation(op)} has a security alternative that grants only read-type scopes (${quote(scopes)}).`,
          path: [...security.path!, i],
        });
      });
    }

    for (const [i, { scopes, ops }] of inherited) {
      const shown = ops.slice(0, 3).join(', ') + (ops.length > 3 ? ` and ${ops.length - 3} more` : '');
      const subject = ops.length === 1 ? `write operation ${shown} inherits it` : `${ops.length} write operations inherit it (${shown})`;
      results.push({
        message: `Root security alternative ${i} grants only read-type scopes (${quote(scopes)}), and ${subject}.`,
        path: ['security', i] as JsonPath,
      });
    }
    return results;
  },
);
