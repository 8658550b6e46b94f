import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { asArray, isObject, type JsonObject } from './utils/guards.js';
import { tokenize } from './utils/names.js';
import { callbackOperations, describeOperation, effectiveSecurity, operations, webhookOperations, type OperationRef } from './utils/oas.js';

export interface WebhookSignatureOptions {
  /** Extra header names (case-insensitive) that carry a message signature or MAC. */
  headers?: string[];
  /** Path tokens that mark an inbound webhook receiver (replaces the defaults). */
  receiverTokens?: string[];
}

/**
 * Path tokens of inbound receivers. Not `events`: `POST /events` and `.../reviews/{id}/events` are usually resources
 * (analytics, calendar or review events), not notifications from a partner; add it with `receiverTokens` if yours are.
 */
const DEFAULT_RECEIVER_TOKENS: readonly string[] = ['webhook', 'webhooks', 'callback', 'callbacks', 'notification', 'notifications'];

/** Header names whose tokens say "signature": Signature(-Input), Webhook-Signature, x-jws-signature, Stripe-Signature... */
function isSignatureHeader(name: string, extra: ReadonlySet<string>): boolean {
  if (extra.has(name.toLowerCase())) return true;
  const tokens = tokenize(name);
  return tokens.includes('signature') || tokens.includes('jws') || tokens.includes('hmac');
}

/** Signed bodies: `application/jwt`, `application/jose(+json)`, `application/secevent+jwt` (RFC 8417 SETs)... */
const SIGNED_MEDIA_TYPE = /^application\/(?:jwt|jose|jose\+json|[a-z0-9.+-]*\+jwt)\s*(?:;|$)/i;

function signedBody(op: OperationRef, root: JsonObject): boolean {
  const body = op.operation.requestBody;
  const mediaTypes = isObject(body) && isObject(body.content) ? Object.keys(body.content) : [];
  if (mediaTypes.length > 0) return mediaTypes.every((m) => SIGNED_MEDIA_TYPE.test(m));
  const consumes = Array.isArray(op.operation.consumes) ? op.operation.consumes : asArray(root.consumes);
  return consumes.length > 0 && consumes.every((m) => typeof m === 'string' && SIGNED_MEDIA_TYPE.test(m));
}

function declaresIntegrity(
  op: OperationRef,
  security: readonly unknown[],
  extra: ReadonlySet<string>,
  root: JsonObject,
): boolean {
  if (op.operation['x-signature'] !== undefined) return true;
  if (signedBody(op, root)) return true;
  if (security.some((r) => isObject(r) && Object.keys(r).length > 0)) return true;
  const params = [...asArray(op.pathItem.parameters), ...asArray(op.operation.parameters)];
  return params.some(
    (p) => isObject(p) && p.in === 'header' && typeof p.name === 'string' && isSignatureHeader(p.name, extra),
  );
}

/**
 * fin-auth-webhook-signature: messages that cross the API boundary without the usual client authentication declare
 * an integrity mechanism: a signature header parameter or a security requirement (e.g. mutualTLS), or an explicit
 * `x-signature` declaration. Checked on 3.x callbacks and 3.1 webhooks the provider sends (own `security` only: the
 * root requirement describes the API, not the receiver), and on inbound POST receivers whose path contains
 * webhook/callback/notification (effective security counts there).
 */
export const webhookSignature = createRulesetFunction<JsonObject, WebhookSignatureOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: {
        headers: { type: 'array', items: { type: 'string', minLength: 1 } },
        receiverTokens: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
      additionalProperties: false,
      errorMessage:
        '"fin-auth-webhook-signature" options: { headers?: string[], receiverTokens?: string[] }, e.g. { headers: ["X-Partner-Mac"] }.',
    },
  },
  function webhookSignature(root, options) {
    const extra = new Set((options?.headers ?? []).map((h) => h.toLowerCase()));
    const receiverTokens = new Set((options?.receiverTokens ?? DEFAULT_RECEIVER_TOKENS).map((t) => t.toLowerCase()));
    const results: IFunctionResult[] = [];
    const seen = new Set<object>();

    // Component callbacks first: a callback shared by `$ref` is then reported at the path where it is written
    // (Spectral cannot map a resolved path through a `$ref` when later keys are runtime expressions such as
    // `{$request.body#/url}`).
    const callbacks = callbackOperations(root);
    const ordered = [
      ...callbacks.filter((op) => op.path[0] === 'components'),
      ...callbacks.filter((op) => op.path[0] !== 'components'),
    ];
    for (const op of [...webhookOperations(root), ...ordered]) {
      if (seen.has(op.operation)) continue;
      seen.add(op.operation);
      if (declaresIntegrity(op, asArray(op.operation.security), extra, root)) continue;
      const what = op.kind === 'webhook' ? `Webhook "${op.pathKey}" (${op.method.toUpperCase()})` : `Callback ${describeOperation(op)}`;
      results.push({
        message: `${what} declares no signature header or security requirement, so receivers cannot verify that the message comes from this API.`,
        path: op.path,
      });
    }

    for (const op of operations(root)) {
      if (op.method !== 'post') continue;
      const tokens = op.pathKey
        .split('/')
        .filter((s) => !s.startsWith('{'))
        .flatMap((s) => tokenize(s));
      if (!tokens.some((t) => receiverTokens.has(t))) continue;
      if (declaresIntegrity(op, effectiveSecurity(root, op).requirements, extra, root)) continue;
      results.push({
        message: `Webhook receiver ${describeOperation(op)} declares no signature header or security requirement, so it cannot tell genuine notifications from forged ones.`,
        path: op.path,
      });
    }
    return results;
  },
);
