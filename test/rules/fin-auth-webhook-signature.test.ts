import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-auth-webhook-signature';

const body = { content: { 'application/json': { schema: { type: 'object' } } } };
const received = { '204': { description: 'received' } };
const signed = [
  { name: 'Signature-Input', in: 'header', required: true, schema: { type: 'string', maxLength: 1024 } },
  { name: 'Signature', in: 'header', required: true, schema: { type: 'string', maxLength: 2048 } },
];

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: an unsigned webhook is reported at its operation',
    document: oasDoc('3.1', { webhooks: { paymentSettled: { post: { requestBody: body, responses: received } } } }),
    errors: [
      {
        message:
          'Webhook "paymentSettled" (POST) declares no signature header or security requirement, so receivers cannot verify that the message comes from this API.',
        path: ['webhooks', 'paymentSettled', 'post'],
      },
    ],
  },
  {
    name: '3.1: signature headers, mutual TLS, vendor signature headers and x-signature pass',
    document: oasDoc('3.1', {
      components: { securitySchemes: { mtls: { type: 'mutualTLS' } } },
      webhooks: {
        rfc9421: { post: { parameters: signed, requestBody: body, responses: received } },
        mtls: { post: { security: [{ mtls: [] }], requestBody: body, responses: received } },
        vendor: {
          parameters: [{ name: 'X-Hub-Signature-256', in: 'header', required: true, schema: { type: 'string' } }],
          post: { requestBody: body, responses: received },
        },
        jws: { post: { parameters: [{ name: 'x-jws-signature', in: 'header', schema: { type: 'string' } }], requestBody: body, responses: received } },
        allowlisted: { post: { 'x-signature': 'none', 'x-signature-reason': 'private network link, IP allowlist', requestBody: body, responses: received } },
        securityEvent: {
          post: { requestBody: { content: { 'application/secevent+jwt': { schema: { type: 'string' } } } }, responses: received },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a webhook path item $ref\'d from another file is reported there',
    document: oasDoc('3.1', { webhooks: { refundIssued: { $ref: 'webhooks.yaml#/RefundIssued' } } }),
    files: { 'webhooks.yaml': { RefundIssued: { post: { requestBody: body, responses: received } } } },
    errors: [{ path: ['RefundIssued', 'post'], source: 'webhooks.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: an unsigned callback shared through components is reported once, where it is written',
    document: oasDoc('3.0', {
      paths: {
        '/payments': {
          post: {
            requestBody: body,
            responses: { '201': { description: 'created' } },
            callbacks: { statusChanged: { $ref: '#/components/callbacks/StatusChanged' } },
          },
        },
      },
      components: { callbacks: { StatusChanged: { '{$request.body#/callbackUrl}': { post: { requestBody: body, responses: received } } } } },
    }),
    errors: [
      {
        message:
          'Callback POST {$request.body#/callbackUrl} declares no signature header or security requirement, so receivers cannot verify that the message comes from this API.',
        path: ['components', 'callbacks', 'StatusChanged', '{$request.body#/callbackUrl}', 'post'],
      },
    ],
  },
  {
    name: '3.0: an inline unsigned callback is reported even when the API itself is secured',
    document: oasDoc('3.0', {
      components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } } },
      security: [{ key: [] }],
      paths: {
        '/payments': {
          post: {
            requestBody: body,
            responses: { '201': { description: 'created' } },
            callbacks: { statusChanged: { '{$request.body#/callbackUrl}': { post: { requestBody: body, responses: received } } } },
          },
        },
      },
    }),
    errors: [{ path: ['paths', '/payments', 'post', 'callbacks', 'statusChanged', '{$request.body#/callbackUrl}', 'post'] }],
  },
  {
    name: '3.0: a signed callback passes',
    document: oasDoc('3.0', {
      paths: {
        '/payments': {
          post: {
            requestBody: body,
            responses: { '201': { description: 'created' } },
            callbacks: {
              statusChanged: {
                '{$request.body#/callbackUrl}': {
                  post: { parameters: [{ name: 'Webhook-Signature', in: 'header', required: true, schema: { type: 'string' } }], requestBody: body, responses: received },
                },
              },
            },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.0: an unauthenticated inbound webhook receiver fails; a secured or signed one passes',
    document: oasDoc('3.0', {
      components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } } },
      paths: {
        '/webhooks/psp': { post: { security: [], requestBody: body, responses: received } },
        '/webhooks/card-network': { post: { security: [], parameters: signed, requestBody: body, responses: received } },
        '/notifications': { post: { security: [{ key: [] }], requestBody: body, responses: received } },
        '/notifications/{id}': { get: { security: [], responses: received } },
      },
    }),
    errors: [
      {
        message:
          'Webhook receiver POST /webhooks/psp declares no signature header or security requirement, so it cannot tell genuine notifications from forged ones.',
        path: ['paths', '/webhooks/psp', 'post'],
      },
    ],
  },
  // OAS 2.0
  {
    name: '2.0: an unauthenticated notification receiver fails; an events resource is not a receiver',
    document: oasDoc('2.0', {
      paths: { '/psp/notifications': { post: { responses: received } }, '/reviews/{id}/events': { post: { responses: received } } },
    }),
    errors: [{ path: ['paths', '/psp/notifications', 'post'] }],
  },
  {
    name: '2.0: a receiver taking only signed JWT bodies passes',
    document: oasDoc('2.0', {
      paths: { '/event-notifications': { post: { consumes: ['application/jwt'], parameters: [{ name: 'body', in: 'body', schema: { type: 'string' } }], responses: received } } },
    }),
    errors: [],
  },
  {
    name: '2.0: a receiver with a signature header passes',
    document: oasDoc('2.0', {
      paths: {
        '/webhooks/stripe': { post: { parameters: [{ name: 'Stripe-Signature', in: 'header', required: true, type: 'string' }], responses: received } },
      },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  const doc = oasDoc('3.1', {
    paths: {
      '/events': { post: { security: [], requestBody: body, responses: received } },
      '/inbound/psp': { post: { security: [], parameters: [{ name: 'X-Psp-Mac', in: 'header', schema: { type: 'string' } }], requestBody: body, responses: received } },
    },
  });

  it('receiverTokens and headers adapt the receiver detection and the signature header names', async () => {
    expect(await runRuleWithOptions(RULE, {}, doc)).toEqual([]);
    const strict = await runRuleWithOptions(RULE, { receiverTokens: ['events', 'inbound'] }, doc);
    expect(strict.map((f) => f.path)).toEqual([['paths', '/events', 'post'], ['paths', '/inbound/psp', 'post']]);
    const withMac = await runRuleWithOptions(RULE, { receiverTokens: ['events', 'inbound'], headers: ['X-Psp-Mac'] }, doc);
    expect(withMac.map((f) => f.path)).toEqual([['paths', '/events', 'post']]);
  });
});
