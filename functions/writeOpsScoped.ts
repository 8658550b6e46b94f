import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, type JsonObject } from './utils/guards.js';
import { describeOperation, effectiveSecurity, operations, securitySchemes, type OperationRef } from './utils/oas.js';
import { isWriteOperation } from './utils/writeOperations.js';

const SCOPED_TYPES: ReadonlySet<string> = new Set(['oauth2', 'openIdConnect']);

/**
 * fin-auth-write-ops-scoped: every alternative of a write operation's effective security that uses an oauth2 or
 * openIdConnect scheme lists at least one scope for it. An empty list inherited from the root `security` is reported
 * once, at the root, naming the write operations that inherit it.
 */
export const writeOpsScoped = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function writeOpsScoped(root) {
    const results: IFunctionResult[] = [];
    const { schemes } = securitySchemes(root);
    const inherited = new Map<string, { index: number; type: string; scheme: string; ops: OperationRef[] }>();

    for (const op of operations(root)) {
      if (!isWriteOperation(op)) continue;
      const security = effectiveSecurity(root, op);
      if (security.path === undefined) continue;
      const list = security.source === 'operation' ? asArray(op.operation.security) : asArray(root.security);
      list.forEach((requirement, i) => {
        if (typeof requirement !== 'object' || requirement === null || Array.isArray(requirement)) return;
        for (const [name, scopes] of Object.entries(requirement)) {
          const type = schemes[name]?.type;
          if (typeof type !== 'string' || !SCOPED_TYPES.has(type)) continue;
          if (asArray(scopes).length > 0) continue;
          const path = [...security.path!, i, name];
          if (security.source === 'operation') {
            results.push({
              message: `Write operation ${describeOperation(op)} accepts ${type} scheme "${name}" without any scope; list the scopes it needs.`,
              path,
            });
          } else {
            const key = `${i}\u0000${name}`;
            const entry = inherited.get(key) ?? { index: i, type, scheme: name, ops: [] };
            entry.ops.push(op);
            inherited.set(key, entry);
          }
        }
      });
    }

    for (const { index, type, scheme, ops } of inherited.values()) {
      const shown = ops.slice(0, 3).map(describeOperation).join(', ') + (ops.length > 3 ? ` and ${ops.length - 3} more` : '');
      const subject = ops.length === 1 ? `write operation ${shown} inherits it` : `${ops.length} write operations inherit it (${shown})`;
      results.push({
        message: `Root security alternative ${index} accepts ${type} scheme "${scheme}" without any scope, and ${subject}.`,
        path: ['security', index, scheme],
      });
    }
    return results;
  },
);
