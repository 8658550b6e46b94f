import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import {
  DEFAULT_DPOP_HEADER,
  dpopHeader,
  hasMtlsCompanion,
  oauthSchemes,
  oauthSchemeUses,
  operationList,
  schemeLabel,
  senderConstraint,
} from './utils/fapi.js';
import type { JsonObject } from './utils/guards.js';
import { describeOperation } from './utils/oas.js';

export interface SenderConstrainedTokensOptions {
  /** Name of the request header that carries the DPoP proof (default `DPoP`). */
  dpopHeader?: string;
}

/**
 * fin-fapi-sender-constrained-tokens: every oauth2/openIdConnect scheme that resource operations use issues
 * sender-constrained access tokens. A use (one operation, one security alternative naming the scheme) is constrained
 * when (a) the alternative also names a mutual-TLS scheme (3.1 `type: mutualTLS`, or `x-mtls: true`), (b) the scheme
 * declares `x-sender-constrained: [mtls|dpop]`, or (c) the operation documents the DPoP request header.
 *
 * Reported once per scheme when none of its uses is constrained (the fix is on the scheme), else once per operation
 * whose use is not. Authorization-server endpoints described in the same file (token, PAR...) and `x-public`
 * operations are not uses. Documents without an OAuth scheme are out of scope.
 */
export const senderConstrainedTokens = createRulesetFunction<JsonObject, SenderConstrainedTokensOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { dpopHeader: { type: 'string', minLength: 1 } },
      additionalProperties: false,
      errorMessage: '"fin-fapi-sender-constrained-tokens" options: { dpopHeader?: string }, e.g. { dpopHeader: "DPoP" }.',
    },
  },
  function senderConstrainedTokens(root, options) {
    const header = options?.dpopHeader ?? DEFAULT_DPOP_HEADER;
    const results: IFunctionResult[] = [];
    const uses = oauthSchemeUses(root);
    for (const { name, scheme, path } of oauthSchemes(root)) {
      const label = schemeLabel(scheme);
      const declared = senderConstraint(scheme, path);
      for (const bad of declared.invalid) {
        results.push({
          message: `${label} "${name}" declares x-sender-constrained ${JSON.stringify(bad.value)}, which is not mtls or dpop.`,
          path: bad.path,
        });
      }
      if (declared.methods.size > 0) continue;
      const all = uses.get(name) ?? [];
      const open = all.filter((u) => !hasMtlsCompanion(root, u.requirement) && dpopHeader(root, u.op, header) === undefined);
      if (open.length === 0) continue;
      if (open.length === all.length) {
        const ops = [...new Set(open.map((u) => describeOperation(u.op)))];
        results.push({
          message: `${label} "${name}" protects ${ops.length === 1 ? ops[0] : `${ops.length} operations (${operationList(ops)})`} with bearer tokens: it declares no x-sender-constrained, no security requirement pairs it with a mutual-TLS scheme and no operation takes a ${header} header, so a leaked access token can be replayed by anyone.`,
          path,
        });
        continue;
      }
      const seen = new Set<object>();
      for (const use of open) {
        if (seen.has(use.op.operation)) continue;
        seen.add(use.op.operation);
        results.push({
          message: `${describeOperation(use.op)} accepts bearer tokens of "${name}": its security requirement does not pair "${name}" with a mutual-TLS scheme and it takes no ${header} header, unlike other operations using "${name}".`,
          path: use.path[0] === 'security' ? use.op.path : use.path,
        });
      }
    }
    return results;
  },
);
