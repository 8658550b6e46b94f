import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-idempotency-key-required';
const created = { responses: { '201': { description: 'created' } } };
const keyParam = (name: string, required = true) => ({ name, in: 'header', required, schema: { type: 'string', maxLength: 255 } });
const MISSING = (op: string, reason: string) =>
  `Payment operation ${op} (${reason}) declares no idempotency key; add a required Idempotency-Key or X-Idempotency-Key header parameter.`;

testRule(RULE, [
  {
    name: '3.1: POST /payments without any key fails at the operation',
    document: oasDoc('3.1', { paths: { '/payments': { post: created } } }),
    errors: [{ message: MISSING('POST /payments', 'path segment "payments"'), path: ['paths', '/payments', 'post'] }],
  },
  {
    name: '3.1: a required Idempotency-Key from components.parameters passes',
    document: oasDoc('3.1', {
      components: { parameters: { IdempotencyKey: keyParam('Idempotency-Key') } },
      paths: { '/payments': { post: { ...created, parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }] } } },
    }),
    errors: [],
  },
  {
    name: '3.1: header names match case-insensitively (idempotency-key, X-IDEMPOTENCY-KEY) and on the path item',
    document: oasDoc('3.1', {
      paths: {
        '/transfers': { post: { ...created, parameters: [keyParam('idempotency-key')] } },
        '/refunds': { parameters: [keyParam('X-IDEMPOTENCY-KEY')], post: created },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: an optional key in another file is reported once there, naming the operations that rely on it',
    document: oasDoc('3.1', {
      paths: {
        '/payments': { post: { ...created, parameters: [{ $ref: 'params.yaml#/IdempotencyKey' }] } },
        '/payouts': { post: { ...created, parameters: [{ $ref: 'params.yaml#/IdempotencyKey' }] } },
      },
    }),
    files: { 'params.yaml': { IdempotencyKey: keyParam('Idempotency-Key', false) } },
    errors: [
      {
        message:
          'Idempotency key header "Idempotency-Key" is optional, but 2 payment operations, e.g. POST /payments (path segment "payments") rely on it; make it required so that a retried request cannot execute a payment twice.',
        path: ['IdempotencyKey'],
        source: 'params.yaml',
      },
    ],
  },
  {
    name: '3.1: plural-insensitive suffix matching: /domestic-payments, /payment_orders, tag "Payment"; /payment-methods is not a payment',
    document: oasDoc('3.1', {
      paths: {
        '/domestic-payments': { post: created },
        '/payment_orders': { post: created },
        '/ledger/entries': { post: { ...created, tags: ['Payment'] } },
        '/payment-methods': { post: created },
        '/paymentLinks': { post: created },
      },
    }),
    errors: [
      { path: ['paths', '/domestic-payments', 'post'] },
      { path: ['paths', '/payment_orders', 'post'] },
      { message: MISSING('POST /ledger/entries', 'tag "Payment"'), path: ['paths', '/ledger/entries', 'post'] },
    ],
  },
  {
    name: '3.1: near misses stay silent: searches, read-verb summaries, item updates, PUT, GET and test harnesses',
    document: oasDoc('3.1', {
      paths: {
        '/payments/search': { post: created },
        '/payments/quote': { post: { ...created, summary: 'Calculate the fees of a payment' } },
        '/charges/{charge}': { post: created },
        '/payments/{clientPaymentId}': { put: created, get: created },
        '/simulate/payments/receipt': { post: created },
        '/test_helpers/refunds/{id}/expire': { post: created },
        '/transfer/questionnaire/create': { post: created },
        '/transfer/event/sync': { post: created },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: RPC-style paths: the resource before the verb counts (/transfer/create, /payments/{id}/cancels)',
    document: oasDoc('3.1', { paths: { '/transfer/create': { post: created }, '/payments/{id}/cancels': { post: created } } }),
    errors: [{ path: ['paths', '/transfer/create', 'post'] }, { path: ['paths', '/payments/{id}/cancels', 'post'] }],
  },
  {
    name: '3.1: x-payment-operation decides both ways; PATCH counts only when marked',
    document: oasDoc('3.1', {
      paths: {
        '/orders/{id}/settle': { post: { ...created, 'x-payment-operation': true } },
        '/orders/{id}': { patch: { ...created, 'x-payment-operation': true } },
        '/payments': { post: { ...created, 'x-payment-operation': false } },
        '/payments/{id}': { patch: created },
      },
    }),
    errors: [
      { message: MISSING('POST /orders/{id}/settle', 'x-payment-operation: true'), path: ['paths', '/orders/{id}/settle', 'post'] },
      { path: ['paths', '/orders/{id}', 'patch'] },
    ],
  },
  {
    name: '3.1: a required idempotency_key body field passes; an optional one fails at the property',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          post: {
            ...created,
            requestBody: {
              content: {
                'application/json': {
                  schema: { type: 'object', required: ['idempotency_key'], properties: { idempotency_key: { type: 'string', maxLength: 45 } } },
                },
              },
            },
          },
        },
        '/refunds': {
          post: {
            ...created,
            requestBody: {
              content: {
                'application/json': {
                  schema: { allOf: [{ type: 'object', properties: { idempotencyKey: { type: 'string' } } }] },
                },
              },
            },
          },
        },
      },
    }),
    errors: [
      {
        message:
          'Payment operation POST /refunds (path segment "refunds"): its idempotency key field "idempotencyKey" is not a required property of the request body.',
        path: ['paths', '/refunds', 'post', 'requestBody', 'content', 'application/json', 'schema', 'allOf', 0, 'properties', 'idempotencyKey'],
      },
    ],
  },
  {
    name: '3.0: x-idempotency names the body field; x-idempotency: body-field is a declaration',
    document: oasDoc('3.0', {
      paths: {
        '/payouts': {
          post: {
            ...created,
            'x-idempotency': { field: 'clientReference' },
            requestBody: {
              content: { 'application/json': { schema: { type: 'object', required: ['clientReference'], properties: { clientReference: { type: 'string' } } } } },
            },
          },
        },
        '/transfers': { post: { ...created, 'x-idempotency': 'body-field' } },
      },
    }),
    errors: [],
  },
  {
    name: '3.0: a request header whose description makes it an idempotency key counts',
    document: oasDoc('3.0', {
      paths: {
        '/payments': {
          post: {
            ...created,
            parameters: [{ name: 'Vendor-Request-Id', in: 'header', required: true, description: 'Makes the request idempotent.', schema: { type: 'string' } }],
          },
        },
        '/refunds': {
          post: {
            ...created,
            parameters: [{ name: 'Vendor-Request-Id', in: 'header', required: true, description: 'The server stores keys for 6 hours.', schema: { type: 'string' } }],
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.0: X-Request-ID (a correlation id) is not an idempotency key',
    document: oasDoc('3.0', {
      paths: { '/payments': { post: { ...created, parameters: [keyParam('X-Request-ID')] } } },
    }),
    errors: [{ path: ['paths', '/payments', 'post'] }],
  },
  {
    name: '2.0: POST /transfers without a key fails',
    document: oasDoc('2.0', { paths: { '/transfers': { post: created } } }),
    errors: [{ message: MISSING('POST /transfers', 'path segment "transfers"'), path: ['paths', '/transfers', 'post'] }],
  },
  {
    name: '2.0: a required x-idempotency-key from root parameters passes; a required formData idempotency_key too',
    document: oasDoc('2.0', {
      parameters: { Key: { name: 'x-idempotency-key', in: 'header', required: true, type: 'string', maxLength: 40 } },
      paths: {
        '/payments': { post: { ...created, parameters: [{ $ref: '#/parameters/Key' }] } },
        '/refunds': { post: { ...created, consumes: ['application/x-www-form-urlencoded'], parameters: [{ name: 'idempotency_key', in: 'formData', required: true, type: 'string' }] } },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: an optional key in root parameters is reported at its definition',
    document: oasDoc('2.0', {
      parameters: { Key: { name: 'Idempotency-Key', in: 'header', type: 'string' } },
      paths: { '/payouts': { post: { ...created, parameters: [{ $ref: '#/parameters/Key' }] } } },
    }),
    errors: [{ path: ['parameters', 'Key'] }],
  },
]);

describe(`${RULE} options`, () => {
  const document = oasDoc('3.1', {
    paths: {
      '/payments': { post: { ...created, parameters: [keyParam('Idempotency-Key', false)] } },
      '/wires': { post: created },
      '/remittances/{id}': { patch: created },
    },
  });
  it('paths replaces the payment phrases; methods adds PATCH', async () => {
    const findings = await runRuleWithOptions(RULE, { paths: ['wires', 'remittances'], methods: ['post', 'patch'] }, document);
    expect(findings.map((f) => f.path)).toEqual([
      ['paths', '/wires', 'post'],
      ['paths', '/remittances/{id}', 'patch'],
    ]);
  });
  it('tags replaces the phrases matched in tags', async () => {
    const doc = oasDoc('3.1', { paths: { '/ledger/entries': { post: { ...created, tags: ['Remittances'] } }, '/x': { post: { ...created, tags: ['Payments'] } } } });
    const findings = await runRuleWithOptions(RULE, { tags: ['remittance'] }, doc);
    expect(findings.map((f) => f.path)).toEqual([['paths', '/ledger/entries', 'post']]);
  });
  it('headerNames names the key header; allowOptional accepts an optional key', async () => {
    const doc = oasDoc('3.1', {
      paths: { '/payments': { post: { ...created, parameters: [keyParam('PayPal-Request-Id', false)] } } },
    });
    expect(await runRuleWithOptions(RULE, { headerNames: ['PayPal-Request-Id'], allowOptional: true }, doc)).toEqual([]);
    expect((await runRuleWithOptions(RULE, { headerNames: ['PayPal-Request-Id'] }, doc)).map((f) => f.path)).toEqual([
      ['paths', '/payments', 'post', 'parameters', 0],
    ]);
  });
  it('rejects unknown options', async () => {
    await expect(runRuleWithOptions(RULE, { path: ['payments'] }, document)).rejects.toThrow();
  });
});
