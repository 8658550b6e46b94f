import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-input-numeric-bounds';

const ok = { '200': { description: 'ok' } };
const list = (schema: object, name = 'limit') => ({ '/payments': { get: { parameters: [{ name, in: 'query', schema }], responses: ok } } });
const P = ['paths', '/payments', 'get', 'parameters', 0, 'schema'];

testRule(RULE, [
  {
    name: '3.1: a boolean exclusiveMaximum is 3.0 syntax and has no effect; the missing minimum is reported too',
    document: oasDoc('3.1', { paths: list({ type: 'integer', exclusiveMaximum: true, maximum: 100 }) }),
    errors: [
      {
        message:
          'Query parameter "limit" of GET /payments is an integer without a lower bound: declare minimum. exclusiveMaximum: true is OAS 2.0/3.0 syntax and has no effect in OAS 3.1, so 100 itself is accepted; write exclusiveMaximum: 100 instead of maximum.',
        path: P,
      },
    ],
  },
  {
    name: '3.1: a page size without maximum gets its own message',
    document: oasDoc('3.1', { paths: list({ type: 'integer', minimum: 1 }, 'pageSize') }),
    errors: [{ path: P, message: 'Query parameter "pageSize" of GET /payments is a page size without an upper bound, so one call can ask for every record: declare maximum.' }],
  },
  {
    name: '3.1: numeric exclusive bounds, enum, const and type arrays with bounds pass',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          get: {
            parameters: [
              { name: 'limit', in: 'query', schema: { type: 'integer', format: 'int32', exclusiveMinimum: 0, exclusiveMaximum: 101 } },
              { name: 'page', in: 'query', schema: { type: ['integer', 'null'], minimum: 1, maximum: 1000 } },
              { name: 'version', in: 'query', schema: { type: 'integer', const: 2 } },
              { name: 'tier', in: 'query', schema: { type: 'integer', enum: [1, 2, 3] } },
            ],
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { total: { type: 'integer' } } } } } } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: bounds from an allOf member count; a readOnly number is not input',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          post: {
            requestBody: {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { quantity: { allOf: [{ $ref: '#/components/schemas/Quantity' }], description: 'How many' }, createdAt: { type: 'integer', readOnly: true } },
                  },
                },
              },
            },
            responses: ok,
          },
        },
      },
      components: { schemas: { Quantity: { type: 'integer', minimum: 1, maximum: 999 } } },
    }),
    errors: [],
  },
  {
    name: '3.1: a number in another file is reported there',
    document: oasDoc('3.1', {
      paths: { '/payments': { post: { requestBody: { content: { 'application/json': { schema: { $ref: 'schemas.yaml#/Instalments' } } } }, responses: ok } } },
    }),
    files: { 'schemas.yaml': { Instalments: { type: 'object', properties: { count: { type: 'integer', minimum: 1 } } } } },
    errors: [
      {
        source: 'schemas.yaml',
        path: ['Instalments', 'properties', 'count'],
        message: 'Property "count" in the request body of POST /payments is an integer without an upper bound: declare maximum.',
      },
    ],
  },
  {
    name: '3.0: a numeric exclusiveMaximum is 3.1 syntax and sets no bound in 3.0',
    document: oasDoc('3.0', { paths: list({ type: 'integer', minimum: 1, exclusiveMaximum: 100 }) }),
    errors: [
      {
        path: P,
        message:
          'Query parameter "limit" of GET /payments is a page size without an upper bound, so one call can ask for every record: declare maximum. exclusiveMaximum: 100 is OAS 3.1 syntax, which OAS 2.0/3.0 validators ignore or reject; write maximum: 100 with exclusiveMaximum: true.',
      },
    ],
  },
  {
    name: '3.0: exclusiveMinimum: true without minimum sets no bound',
    document: oasDoc('3.0', { paths: list({ type: 'number', exclusiveMinimum: true, maximum: 10 }, 'ratio') }),
    errors: [{ path: P, message: /is a number without a lower bound: declare minimum\. exclusiveMinimum: true only modifies minimum, which is missing, so it sets no bound\.$/ }],
  },
  {
    name: '3.0: minimum/maximum with boolean exclusive modifiers pass',
    document: oasDoc('3.0', { paths: list({ type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 100 }) }),
    errors: [],
  },
  {
    name: '2.0: an unbounded inline integer parameter is reported at the parameter',
    document: oasDoc('2.0', { paths: { '/payments': { get: { parameters: [{ name: 'offset', in: 'query', type: 'integer' }], responses: ok } } } }),
    errors: [{ path: ['paths', '/payments', 'get', 'parameters', 0], message: /^Query parameter "offset" of GET \/payments is an integer without a lower or an upper bound/ }],
  },
  {
    name: '2.0: bounded inline parameters pass',
    document: oasDoc('2.0', {
      paths: { '/payments': { get: { parameters: [{ name: 'limit', in: 'query', type: 'integer', minimum: 1, maximum: 100 }], responses: ok } } },
    }),
    errors: [],
  },
]);
