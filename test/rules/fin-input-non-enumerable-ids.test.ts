import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-input-non-enumerable-ids';

const ok = { '200': { description: 'ok' } };
const get = (path: string, schema: object, name = 'paymentId') => ({ [path]: { get: { parameters: [{ name, in: 'path', required: true, schema }], responses: ok } } });

testRule(RULE, [
  {
    name: '3.1: an integer object id in the path is reported',
    document: oasDoc('3.1', { paths: get('/payments/{paymentId}', { type: 'integer', format: 'int64' }) }),
    errors: [
      {
        message: 'Path parameter "paymentId" of GET /payments/{paymentId} identifies an object by an integer, which an attacker can enumerate: use an opaque identifier such as format: uuid.',
        path: ['paths', '/payments/{paymentId}', 'get', 'parameters', 0, 'schema'],
      },
    ],
  },
  {
    name: '3.1: a digits-only string pattern is enumerable too',
    document: oasDoc('3.1', { paths: get('/accounts/{account_id}', { type: 'string', pattern: '^[0-9]{1,10}$' }, 'account_id') }),
    errors: [{ path: ['paths', '/accounts/{account_id}', 'get', 'parameters', 0, 'schema'], message: /identifies an object by a digits-only string/ }],
  },
  {
    name: '3.1: uuids, opaque strings, strings of unknown shape, non-id path parameters and query ids pass',
    document: oasDoc('3.1', {
      paths: {
        ...get('/payments/{paymentId}', { type: 'string', format: 'uuid' }),
        ...get('/cards/{cardId}', { type: 'string', pattern: '^card_[A-Za-z0-9]{24}$' }, 'cardId'),
        ...get('/customers/{id}', { type: 'string', maxLength: 64 }, 'id'),
        ...get('/statements/{year}', { type: 'integer', minimum: 2000, maximum: 2100 }, 'year'),
        '/transactions': { get: { parameters: [{ name: 'accountId', in: 'query', schema: { type: 'integer' } }], responses: ok } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a shared path parameter in another file is reported there, once',
    document: oasDoc('3.1', {
      paths: {
        '/payments/{paymentId}': { parameters: [{ $ref: 'params.yaml#/PaymentId' }], get: { responses: ok }, delete: { responses: ok } },
        '/payments/{paymentId}/refunds': { parameters: [{ $ref: 'params.yaml#/PaymentId' }], get: { responses: ok } },
      },
    }),
    files: { 'params.yaml': { PaymentId: { name: 'paymentId', in: 'path', required: true, schema: { type: 'integer' } } } },
    errors: [{ source: 'params.yaml', path: ['PaymentId', 'schema'] }],
  },
  {
    name: '3.0: an int64-formatted string id is reported',
    document: oasDoc('3.0', { paths: get('/customers/{customerId}', { type: 'string', format: 'int64' }, 'customerId') }),
    errors: [{ path: ['paths', '/customers/{customerId}', 'get', 'parameters', 0, 'schema'], message: /identifies an object by a string of format int64/ }],
  },
  {
    name: '3.0: a uuid id passes',
    document: oasDoc('3.0', { paths: get('/customers/{customerId}', { type: 'string', format: 'uuid' }, 'customerId') }),
    errors: [],
  },
  {
    name: '2.0: an inline integer id is reported at the parameter',
    document: oasDoc('2.0', {
      paths: { '/accounts/{accountId}': { get: { parameters: [{ name: 'accountId', in: 'path', required: true, type: 'integer' }], responses: ok } } },
    }),
    errors: [{ path: ['paths', '/accounts/{accountId}', 'get', 'parameters', 0], message: /^Path parameter "accountId" of GET \/accounts\/\{accountId\} identifies an object by an integer/ }],
  },
  {
    name: '2.0: an inline string id passes',
    document: oasDoc('2.0', {
      paths: { '/accounts/{accountId}': { get: { parameters: [{ name: 'accountId', in: 'path', required: true, type: 'string', format: 'uuid' }], responses: ok } } },
    }),
    errors: [],
  },
]);
