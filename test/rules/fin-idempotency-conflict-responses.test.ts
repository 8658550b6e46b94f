import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-idempotency-conflict-responses';
const key = (required = true) => ({ name: 'Idempotency-Key', in: 'header', required, schema: { type: 'string', format: 'uuid', maxLength: 36 } });
const problem = { description: 'problem', content: { 'application/problem+json': { schema: { type: 'object' } } } };
const all = { '201': { description: 'created' }, '400': problem, '409': problem, '422': problem };

testRule(RULE, [
  {
    name: '3.1: a required key without 400/409/422 fails at the responses, naming each status',
    document: oasDoc('3.1', { paths: { '/payments': { post: { parameters: [key()], responses: { '201': { description: 'created' } } } } } }),
    errors: [
      {
        message:
          'POST /payments requires idempotency key header "Idempotency-Key" but documents no 400 (the key is missing), 409 (a request with the same key is still being processed) or 422 (the key was reused with a different request) response.',
        path: ['paths', '/payments', 'post', 'responses'],
      },
    ],
  },
  {
    name: '3.1: explicit 400, 409 and 422 (here from components.responses) pass',
    document: oasDoc('3.1', {
      components: { responses: { Conflict: problem } },
      paths: { '/payments': { post: { parameters: [key()], responses: { ...all, '409': { $ref: '#/components/responses/Conflict' } } } } },
    }),
    errors: [],
  },
  {
    name: '3.1: a 4XX range or default does not stand for 409 and 422',
    document: oasDoc('3.1', {
      paths: { '/payouts': { post: { parameters: [key()], responses: { '201': { description: 'created' }, '400': problem, '4XX': problem, default: problem } } } },
    }),
    errors: [{ message: /no 409 .* or 422 /, path: ['paths', '/payouts', 'post', 'responses'] }],
  },
  {
    name: '3.1: a required key from another file is found; the finding is on the operation',
    document: oasDoc('3.1', {
      paths: { '/refunds': { post: { parameters: [{ $ref: 'params.yaml#/Key' }], responses: { '201': { description: 'created' }, '400': problem, '409': problem } } } },
    }),
    files: { 'params.yaml': { Key: key() } },
    errors: [{ message: /no 422 \(the key was reused with a different request\) response\.$/, path: ['paths', '/refunds', 'post', 'responses'] }],
  },
  {
    name: '3.0: optional keys, keys on GET and operations without a key are left alone',
    document: oasDoc('3.0', {
      paths: {
        '/payments': { post: { parameters: [key(false)], responses: { '201': { description: 'created' } } } },
        '/payments/{id}': { get: { parameters: [key()], responses: { '200': { description: 'ok' } } } },
        '/accounts': { post: { responses: { '201': { description: 'created' } } } },
      },
    }),
    errors: [],
  },
  {
    name: '3.0: a required idempotency_key body field counts as a required key',
    document: oasDoc('3.0', {
      paths: {
        '/payments': {
          post: {
            requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['idempotency_key'], properties: { idempotency_key: { type: 'string' } } } } } },
            responses: { '200': { description: 'ok' }, '400': problem, '409': problem },
          },
        },
      },
    }),
    errors: [{ message: /^POST \/payments requires idempotency key field "idempotency_key" but documents no 422/, path: ['paths', '/payments', 'post', 'responses'] }],
  },
  {
    name: '2.0: a required x-idempotency-key without 409 fails',
    document: oasDoc('2.0', {
      paths: {
        '/domestic-payments': {
          post: { parameters: [{ name: 'x-idempotency-key', in: 'header', required: true, type: 'string' }], responses: { '201': { description: 'created' }, '400': { description: 'bad' }, '422': { description: 'reused' } } },
        },
      },
    }),
    errors: [{ message: /no 409 /, path: ['paths', '/domestic-payments', 'post', 'responses'] }],
  },
  {
    name: '2.0: all three statuses declared passes',
    document: oasDoc('2.0', {
      paths: {
        '/domestic-payments': {
          post: { parameters: [{ name: 'x-idempotency-key', in: 'header', required: true, type: 'string' }], responses: { '201': { description: 'created' }, '400': { description: 'bad' }, '409': { description: 'in flight' }, '422': { description: 'reused' } } },
        },
      },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  it('statuses replaces the required set (UK Open Banking ignores a reused key with a different body)', async () => {
    const doc = oasDoc('3.1', { paths: { '/payments': { post: { parameters: [key()], responses: { '201': { description: 'created' }, '400': problem } } } } });
    expect(await runRuleWithOptions(RULE, { statuses: ['400'] }, doc)).toEqual([]);
    expect((await runRuleWithOptions(RULE, { statuses: ['409'] }, doc)).map((f) => f.path)).toEqual([['paths', '/payments', 'post', 'responses']]);
  });
});
