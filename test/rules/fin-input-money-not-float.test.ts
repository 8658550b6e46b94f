import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-input-money-not-float';

const ok = { '201': { description: 'created' } };
const body = (schema: object) => ({ content: { 'application/json': { schema } } });
const post = (schema: object) => ({ '/payments': { post: { requestBody: body(schema), responses: ok } } });
const BODY = ['paths', '/payments', 'post', 'requestBody', 'content', 'application/json', 'schema'];

testRule(RULE, [
  {
    name: '3.1: a double amount in a request is reported',
    document: oasDoc('3.1', { paths: post({ type: 'object', properties: { amount: { type: 'number', format: 'double' } } }) }),
    errors: [
      {
        message:
          'Property "amount" in the request body of POST /payments is a monetary amount ("amount") typed as a binary floating-point number (format: double), which cannot hold most decimal amounts exactly: use a decimal string with an anchored pattern, or integer minor units.',
        path: [...BODY, 'properties', 'amount'],
      },
    ],
  },
  {
    name: '3.1: type arrays with number, and value inside a money object, are reported in responses too',
    document: oasDoc('3.1', {
      paths: {
        '/accounts': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      properties: { balance: { type: ['number', 'null'] }, price: { type: 'object', properties: { value: { type: 'number' }, currency: { type: 'string' } } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    }),
    errors: [
      { path: ['paths', '/accounts', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'balance'], message: /^Property "balance" in the 200 response of GET \/accounts/ },
      { path: ['paths', '/accounts', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'price', 'properties', 'value'] },
    ],
  },
  {
    name: '3.1: integer minor units, decimal strings, rates, percentages, counts and averages pass',
    document: oasDoc('3.1', {
      paths: post({
        type: 'object',
        properties: {
          amount: { type: 'string', pattern: '^-?[0-9]{1,15}(\\.[0-9]{1,5})?$', maxLength: 22 },
          amountMinor: { type: 'integer', format: 'int64' },
          amount_in_cents: { type: 'number' },
          total: { type: 'integer' },
          taxRate: { type: 'number' },
          feePercentage: { type: 'number' },
          totalCount: { type: 'number' },
          avgTransactionAmount: { type: 'number' },
          costCenter: { type: 'number' },
          score: { type: 'number' },
        },
      }),
    }),
    errors: [],
  },
  {
    name: '3.1: a float amount component in another file is reported there, once',
    document: oasDoc('3.1', {
      paths: {
        '/payments': { post: { requestBody: body({ type: 'object', properties: { fee: { $ref: 'money.yaml#/Money' } } }), responses: { '201': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { fee: { $ref: 'money.yaml#/Money' } } } } } } } } },
      },
    }),
    files: { 'money.yaml': { Money: { type: 'number', format: 'float' } } },
    errors: [{ source: 'money.yaml', path: ['Money'] }],
  },
  {
    name: '3.0: a float price query parameter is reported',
    document: oasDoc('3.0', {
      paths: { '/products': { get: { parameters: [{ name: 'maxPrice', in: 'query', schema: { type: 'number', format: 'float' } }], responses: { '200': { description: 'ok' } } } } },
    }),
    errors: [{ path: ['paths', '/products', 'get', 'parameters', 0, 'schema'], message: /^Query parameter "maxPrice" of GET \/products is a monetary amount \("price"\)/ }],
  },
  {
    name: '3.0: an amount object with a decimal string passes',
    document: oasDoc('3.0', {
      paths: post({ type: 'object', properties: { amount: { type: 'object', properties: { value: { type: 'string', pattern: '^[0-9]{1,13}(\\.[0-9]{1,2})?$' }, currency: { type: 'string', pattern: '^[A-Z]{3}$' } } } } }),
    }),
    errors: [],
  },
  {
    name: '2.0: a number amount in a definition is reported',
    document: oasDoc('2.0', {
      paths: { '/payments': { post: { parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Payment' } }], responses: ok } } },
      definitions: { Payment: { type: 'object', properties: { instructedAmount: { type: 'number' } } } },
    }),
    errors: [{ path: ['definitions', 'Payment', 'properties', 'instructedAmount'] }],
  },
  {
    name: '2.0: an integer amount and a number exchange rate pass',
    document: oasDoc('2.0', {
      paths: { '/payments': { post: { parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Payment' } }], responses: ok } } },
      definitions: { Payment: { type: 'object', properties: { amount: { type: 'integer' }, exchangeRate: { type: 'number' } } } },
    }),
    errors: [],
  },
]);
