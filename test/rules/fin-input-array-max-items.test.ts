import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-input-array-max-items';

const ok = { '201': { description: 'created' } };
const body = (schema: object) => ({ content: { 'application/json': { schema } } });
const post = (schema: object) => ({ '/payments/bulk': { post: { requestBody: body(schema), responses: ok } } });
const BODY = ['paths', '/payments/bulk', 'post', 'requestBody', 'content', 'application/json', 'schema'];
const ITEM = { $ref: '#/components/schemas/Payment' };
const components = { schemas: { Payment: { type: 'object', additionalProperties: false, properties: { amount: { type: 'string', maxLength: 20 } } } } };

testRule(RULE, [
  {
    name: '3.1: an unbounded request array is reported',
    document: oasDoc('3.1', { paths: post({ type: 'object', properties: { payments: { type: 'array', items: ITEM } } }), components }),
    errors: [
      {
        message: 'Property "payments" in the request body of POST /payments/bulk is an array without maxItems, so a client can send any number of elements.',
        path: [...BODY, 'properties', 'payments'],
      },
    ],
  },
  {
    name: '3.1: a type array [array, "null"] without maxItems or items is reported with both problems',
    document: oasDoc('3.1', { paths: post({ type: 'object', properties: { tags: { type: ['array', 'null'] } } }) }),
    errors: [{ path: [...BODY, 'properties', 'tags'], message: /any number of elements, and it declares no items schema\.$/ }],
  },
  {
    name: '3.1: maxItems, a closed prefixItems tuple, a maxItems from an allOf member and response arrays pass',
    document: oasDoc('3.1', {
      paths: {
        '/payments/bulk': {
          post: {
            requestBody: body({
              type: 'object',
              properties: {
                payments: { type: 'array', maxItems: 100, items: ITEM },
                range: { type: 'array', prefixItems: [{ type: 'integer', minimum: 0, maximum: 10 }, { type: 'integer', minimum: 0, maximum: 10 }], items: false },
                batch: { allOf: [{ $ref: '#/components/schemas/Batch' }], description: 'limit from the member' },
                echoed: { type: 'array', readOnly: true, items: ITEM },
              },
            }),
            responses: { '201': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: ITEM } } } } },
          },
        },
      },
      components: { schemas: { ...components.schemas, Batch: { type: 'array', maxItems: 50, items: ITEM } } },
    }),
    errors: [],
  },
  {
    name: '3.1: an array in another file is reported there',
    document: oasDoc('3.1', { paths: post({ $ref: 'schemas.yaml#/BulkRequest' }) }),
    files: { 'schemas.yaml': { BulkRequest: { type: 'object', properties: { ids: { type: 'array', items: { type: 'string', format: 'uuid' } } } } } },
    errors: [{ source: 'schemas.yaml', path: ['BulkRequest', 'properties', 'ids'] }],
  },
  {
    name: '3.0: a query array (style form) without maxItems is reported',
    document: oasDoc('3.0', {
      paths: {
        '/payments': {
          get: {
            parameters: [{ name: 'status', in: 'query', style: 'form', explode: false, schema: { type: 'array', items: { type: 'string', enum: ['open', 'paid'] } } }],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    }),
    errors: [{ path: ['paths', '/payments', 'get', 'parameters', 0, 'schema'], message: /^Query parameter "status" of GET \/payments is an array without maxItems/ }],
  },
  {
    name: '3.0: prefixItems is not an OAS 3.0 keyword, so a tuple there is not bounded; a bounded array passes',
    document: oasDoc('3.0', {
      paths: post({
        type: 'object',
        properties: { ok: { type: 'array', maxItems: 10, items: ITEM }, pair: { type: 'array', items: ITEM, prefixItems: [ITEM] } },
      }),
      components,
    }),
    errors: [{ path: [...BODY, 'properties', 'pair'] }],
  },
  {
    name: '3.0: a bounded array passes',
    document: oasDoc('3.0', { paths: post({ type: 'array', maxItems: 100, items: ITEM }), components }),
    errors: [],
  },
  {
    name: '2.0: an inline array parameter is reported at the parameter',
    document: oasDoc('2.0', {
      paths: { '/payments': { get: { parameters: [{ name: 'ids', in: 'query', type: 'array', collectionFormat: 'csv', items: { type: 'string', format: 'uuid' } }], responses: { '200': { description: 'ok' } } } } },
    }),
    errors: [{ path: ['paths', '/payments', 'get', 'parameters', 0] }],
  },
  {
    name: '2.0: a bounded inline array parameter passes',
    document: oasDoc('2.0', {
      paths: {
        '/payments': {
          get: { parameters: [{ name: 'ids', in: 'query', type: 'array', maxItems: 20, items: { type: 'string', format: 'uuid' } }], responses: { '200': { description: 'ok' } } },
        },
      },
    }),
    errors: [],
  },
]);
