import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { DEFAULT_ADMIN_MARKERS } from './adminOpsDistinctSecurity.js';
import { authOperations } from './utils/authOperations.js';
import { isObject, type JsonObject } from './utils/guards.js';
import { tokenize } from './utils/names.js';
import { asStringArray, describeOperation, operations, type OperationRef } from './utils/oas.js';
import { isTestHarness } from './utils/paymentOperations.js';
import { SENSITIVE_DATA_OPTION_PROPERTIES, SENSITIVE_DATA_OPTIONS_HELP, sensitiveDataIndex, type SensitiveDataOptions } from './utils/sensitiveData.js';
import { isWriteOperation } from './utils/writeOperations.js';
import { andList } from './utils/lists.js';

export interface SensitiveOpsFlaggedOptions extends SensitiveDataOptions {
  /** Security objects whose creation, change or deletion is audited (matched at the end of the resource segment); replaces the defaults. */
  resources?: string[];
  /** Path segments and tags that mark an administrative operation (exact, case-insensitive); replaces the defaults. */
  adminMarkers?: string[];
}

/** Identification and authentication objects (PCI DSS 10.2.1.5, 10.2.1.7): users, roles, credentials, keys. */
export const DEFAULT_AUDITED_RESOURCES: readonly string[] = [
  'users',
  'members',
  'team members',
  'roles',
  'permissions',
  'credentials',
  'passwords',
  'passphrases',
  'mfa',
  'factors',
  'keys',
  'secrets',
  'certificates',
  'api keys',
];

/** Last segments that name an action on the resource before them (`/users/{id}/password/reset`). */
const ACTION_SEGMENTS: ReadonlySet<string> = new Set([
  'rotate',
  'reset',
  'change',
  'revoke',
  'roll',
  'regenerate',
  'enable',
  'disable',
  'activate',
  'deactivate',
  'lock',
  'unlock',
  'assign',
  'unassign',
  'grant',
  'invite',
  'expire',
  'update',
  'set',
]);

function singular(token: string): string {
  return token.length > 3 && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token;
}

function endsWith(tokens: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0 || phrase.length > tokens.length) return false;
  const offset = tokens.length - phrase.length;
  return phrase.every((t, i) => singular(tokens[offset + i]) === t);
}

/** The literal segment that names what a write operation acts on: the last one, or the one before an action verb. */
function resourceSegment(op: OperationRef): string | undefined {
  const literal = op.pathKey.split('/').filter((s) => s !== '' && !s.includes('{'));
  let last = literal[literal.length - 1];
  if (last !== undefined && literal.length > 1 && tokenize(last).every((t) => ACTION_SEGMENTS.has(t))) last = literal[literal.length - 2];
  return last;
}

function isAudited(root: JsonObject, op: OperationRef): boolean {
  const event = op.operation['x-audit-event'];
  if (op.operation['x-audit-log'] === true || (typeof event === 'string' && event.trim().length > 0)) return true;
  return root['x-audit-log'] === true || (isObject(root.info) && root.info['x-audit-log'] === true);
}

/**
 * fin-audit-sensitive-ops-flagged: operations whose actions PCI DSS 10.2.1 requires to be logged carry
 * `x-audit-log: true` or `x-audit-event: <name>` (or the document declares `x-audit-log: true` in `info` for every
 * operation), so the audit-event catalogue can be generated from the contract:
 * - responses that return a full card number or sensitive authentication data (10.2.1.1);
 * - administrative operations: `x-admin: true`, or a path segment or tag such as `admin`, `internal`, `backoffice`
 *   (10.2.1.2);
 * - authentication operations, as detected for fin-ratelimit-auth-endpoints (10.2.1.4, invalid access attempts);
 * - writes (POST, PUT, PATCH, DELETE; not POST searches) whose resource segment names users, roles, credentials, keys
 *   or certificates (10.2.1.5, 10.2.1.7).
 * Test harnesses (`/simulate/...`, `/test_helpers/...`) are skipped. One finding per operation, at the operation,
 * naming every reason.
 */
export const sensitiveOpsFlagged = createRulesetFunction<JsonObject, SensitiveOpsFlaggedOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        ...SENSITIVE_DATA_OPTION_PROPERTIES,
        resources: { type: 'array', items: { type: 'string', minLength: 1 } },
        adminMarkers: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
      additionalProperties: false,
      errorMessage: `"fin-audit-sensitive-ops-flagged" options: { resources?: string[], adminMarkers?: string[], ${SENSITIVE_DATA_OPTIONS_HELP} }, e.g. { resources: ["users", "signing keys"], adminMarkers: ["admin", "staff"] }.`,
    },
  },
  function sensitiveOpsFlagged(root, options) {
    const resources = (options?.resources ?? DEFAULT_AUDITED_RESOURCES).map((r) => tokenize(r).map(singular)).filter((r) => r.length > 0);
    const markers = new Set((options?.adminMarkers ?? DEFAULT_ADMIN_MARKERS).map((m) => m.toLowerCase()));
    const sensitive = sensitiveDataIndex(root, options);
    const auth = new Map(authOperations(root, undefined).map((a) => [a.op, a.reason]));
    const results: IFunctionResult[] = [];
    for (const op of operations(root)) {
      if (isAudited(root, op) || isTestHarness(op)) continue;
      const reasons: string[] = [];
      const hit = sensitive.anyResponseBody(op);
      if (hit?.kind === 'card') reasons.push(`returns card data ("${hit.visit.name ?? 'body'}", ${hit.label})`);
      const admin = op.operation['x-admin'];
      const isAdmin =
        typeof admin === 'boolean'
          ? admin
          : op.pathKey.split('/').some((s) => markers.has(s.toLowerCase())) || asStringArray(op.operation.tags).some((t) => markers.has(t.toLowerCase()));
      if (isAdmin) reasons.push('is administrative');
      const authReason = auth.get(op);
      if (authReason !== undefined) reasons.push(`verifies credentials (${authReason})`);
      if (isWriteOperation(op)) {
        const segment = resourceSegment(op);
        const tokens = segment === undefined ? [] : tokenize(segment);
        if (segment !== undefined && resources.some((r) => endsWith(tokens, r))) {
          const verb = op.method === 'delete' ? 'deletes' : op.method === 'post' ? 'creates or changes' : 'changes';
          reasons.push(`${verb} ${segment}`);
        }
      }
      if (reasons.length === 0) continue;
      const why = andList(reasons);
      results.push({
        message: `${describeOperation(op)} ${why}, but declares no audit event; add x-audit-event: <event name> (or x-audit-log: true).`,
        path: op.path,
      });
    }
    return results;
  },
);
