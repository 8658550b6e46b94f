import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { asStringArray, describeOperation, effectiveSecurity, operations, securitySchemes, type OperationRef } from './utils/oas.js';

export interface AdminOpsDistinctSecurityOptions {
  /** Path segments that mark an administrative operation (replaces the defaults). */
  segments?: string[];
  /** Tags that mark an administrative operation (replaces the defaults). */
  tags?: string[];
}

export const DEFAULT_ADMIN_MARKERS: readonly string[] = ['admin', 'internal', 'backoffice', 'back-office', 'ops'];

/**
 * Whether an operation is administrative: `x-admin: true`, a path segment or a tag from the lists (exact,
 * case-insensitive). `x-admin: false` overrides the name-based detection (e.g. a customer's own `/admins` page).
 */
function isAdmin(op: OperationRef, segments: ReadonlySet<string>, tags: ReadonlySet<string>): boolean {
  const flag = op.operation['x-admin'];
  if (typeof flag === 'boolean') return flag;
  if (op.pathKey.split('/').some((s) => segments.has(s.toLowerCase()))) return true;
  return asStringArray(op.operation.tags).some((t) => tags.has(t.toLowerCase()));
}

/** A canonical form of a security alternative: scheme names with their sorted scopes. */
function signature(requirement: JsonObject): string {
  return JSON.stringify(
    Object.keys(requirement)
      .sort()
      .map((name) => [name, asStringArray(requirement[name]).sort()]),
  );
}

function describe(requirement: JsonObject): string {
  return Object.keys(requirement)
    .map((name) => {
      const scopes = asStringArray(requirement[name]);
      return scopes.length > 0 ? `${name} [${scopes.join(', ')}]` : name;
    })
    .join(' + ');
}

/**
 * fin-auth-admin-ops-distinct-security: administrative operations are secured differently from regular ones: none
 * of their security alternatives is apiKey/Basic only, and none is identical (same schemes, same scopes) to an
 * alternative that secures a regular operation. Unsecured operations are left to fin-auth-operation-secured.
 */
export const adminOpsDistinctSecurity = createRulesetFunction<JsonObject, AdminOpsDistinctSecurityOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        segments: { type: 'array', items: { type: 'string', minLength: 1 } },
        tags: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
      additionalProperties: false,
      errorMessage:
        '"fin-auth-admin-ops-distinct-security" options: { segments?: string[], tags?: string[] }, e.g. { segments: ["admin", "staff"], tags: ["Back office"] }.',
    },
  },
  function adminOpsDistinctSecurity(root, options) {
    const segments = new Set((options?.segments ?? DEFAULT_ADMIN_MARKERS).map((s) => s.toLowerCase()));
    const tags = new Set((options?.tags ?? DEFAULT_ADMIN_MARKERS).map((s) => s.toLowerCase()));
    const { schemes } = securitySchemes(root);
    const weakOnly = (requirement: JsonObject) => {
      const names = Object.keys(requirement);
      return (
        names.length > 0 &&
        names.every((n) => {
          const s = schemes[n];
          if (s === undefined) return false;
          return s.type === 'apiKey' || s.type === 'basic' || (s.type === 'http' && String(s.scheme).toLowerCase() === 'basic');
        })
      );
    };

    const admin: OperationRef[] = [];
    const regular = new Set<string>();
    for (const op of operations(root)) {
      if (isAdmin(op, segments, tags)) {
        admin.push(op);
        continue;
      }
      for (const requirement of effectiveSecurity(root, op).requirements) regular.add(signature(requirement));
    }

    const results: IFunctionResult[] = [];
    for (const op of admin) {
      const security = effectiveSecurity(root, op);
      if (security.path === undefined) continue;
      const own = security.source === 'operation';
      const list = own ? asArray(op.operation.security) : asArray(root.security);
      let reportedInherited = false;
      list.forEach((requirement, i) => {
        if (!isObject(requirement) || Object.keys(requirement).length === 0 || reportedInherited) return;
        const path: JsonPath = own ? [...security.path!, i] : op.path;
        const inherited = own ? '' : ' (inherited from the root security)';
        const before = results.length;
        if (weakOnly(requirement)) {
          results.push({
            message: `Administrative operation ${describeOperation(op)} can be called with API key or Basic credentials alone${inherited}.`,
            path,
          });
        } else if (regular.has(signature(requirement))) {
          results.push({
            message: `Administrative operation ${describeOperation(op)} accepts the same security as regular operations (${describe(requirement)})${inherited}; use a separate scheme or dedicated admin scopes.`,
            path,
          });
        }
        if (!own && results.length > before) reportedInherited = true;
      });
    }
    return results;
  },
);
