import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { cardDataIndex, cardDataOptionsSchema, hasJustification, type CardDataOptions } from './utils/cardData.js';
import { isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { describeOperation, effectiveSecurity, operations, securitySchemes } from './utils/oas.js';

/** What a scheme is when it is weak (`an API key`, `HTTP Basic`), or undefined when it is acceptable or unknown. */
function weakKind(scheme: unknown): string | undefined {
  if (!isObject(scheme) || hasJustification(scheme, 'x-pci-auth-justification')) return undefined;
  const type = typeof scheme.type === 'string' ? scheme.type.toLowerCase() : '';
  const httpScheme = typeof scheme.scheme === 'string' ? scheme.scheme.trim().toLowerCase() : '';
  if (type === 'apikey') return 'an API key';
  if (type === 'basic' || (type === 'http' && httpScheme === 'basic')) return 'HTTP Basic';
  return undefined;
}

interface Group {
  path: JsonPath;
  names: string[];
  kinds: string[];
  ops: string[];
}

/**
 * fin-pci-chd-ops-strong-auth: operations whose request or responses carry a card number (full or of unknown masking)
 * or sensitive authentication data can only be called with more than an API key or HTTP Basic: no security alternative
 * of theirs consists of such schemes alone. Findings are grouped by weak alternative (the set of scheme names) and
 * reported at the scheme when the alternative has one scheme (else at the first alternative found), naming how many
 * card-data operations it opens, so an API-key API gets one finding rather than one per endpoint. Operations without
 * any security, or with an anonymous `{}` alternative, are left to fin-auth-operation-secured and
 * fin-auth-no-anonymous-alternative. An accepted server-to-server model is recorded with `x-pci-auth-justification`
 * on the scheme or the operation.
 */
export const chdOpsStrongAuth = createRulesetFunction<JsonObject, CardDataOptions | null>(
  {
    input: { type: 'object' },
    options: cardDataOptionsSchema('fin-pci-chd-ops-strong-auth', '{ pan: { names: ["card ref number"] } }'),
  },
  function chdOpsStrongAuth(root, options) {
    const index = cardDataIndex(root, options);
    const { schemes, basePath } = securitySchemes(root);
    const groups = new Map<string, Group>();
    for (const op of operations(root)) {
      if (hasJustification(op.operation, 'x-pci-auth-justification')) continue;
      const sec = effectiveSecurity(root, op);
      if (sec.requirements.length === 0 || sec.path === undefined) continue;
      const securityPath = sec.path;
      const weak = sec.requirements
        .map((req, i) => ({ i, names: Object.keys(req).sort() }))
        .filter(({ names }) => names.length > 0 && names.every((n) => weakKind(schemes[n]) !== undefined));
      if (weak.length === 0) continue;
      const hit = index.operationCardData(op);
      if (!hit) continue;
      const detail = `${describeOperation(op)} carries "${hit.visit.name}", ${hit.cls.label}`;
      for (const { i, names } of weak) {
        const key = names.join('+');
        let g = groups.get(key);
        if (!g) {
          const path = names.length === 1 ? [...basePath, names[0]] : [...securityPath, i];
          groups.set(key, (g = { path, names, kinds: [...new Set(names.map((n) => weakKind(schemes[n]) as string))], ops: [] }));
        }
        g.ops.push(detail);
      }
    }
    const results: IFunctionResult[] = [];
    for (const g of groups.values()) {
      const what = g.names.length === 1 ? `Security scheme "${g.names[0]}" (${g.kinds[0]})` : `The security alternative "${g.names.join(' + ')}" (${g.kinds.join(' and ')})`;
      const n = g.ops.length;
      const ops = n === 1 ? `an operation that carries card data: ${g.ops[0]}` : `${n} operations that carry card data, e.g. ${g.ops[0]}`;
      results.push({ message: `${what} is enough on its own to call ${ops}.`, path: g.path });
    }
    return results;
  },
);
