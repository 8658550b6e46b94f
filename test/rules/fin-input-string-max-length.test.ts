import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-input-string-max-length';

const ok = { '201': { description: 'created' } };
const body = (schema: object) => ({ content: { 'application/json': { schema } } });
const post = (schema: object) => ({ '/payments': { post: { requestBody: body(schema), responses: ok } } });
const BODY = ['paths', '/payments', 'post', 'requestBody', 'content', 'application/json', 'schema'];

testRule(RULE, [
  {
    name: '3.1: an unbounded request string is reported at the property',
    document: oasDoc('3.1', { paths: post({ type: 'object', properties: { reference: { type: 'string' } } }) }),
    errors: [
      {
        message:
          'Property "reference" in the request body of POST /payments is a string without maxLength (nor enum, const, a bounded format or a length-bounding pattern).',
        path: [...BODY, 'properties', 'reference'],
      },
    ],
  },
  {
    name: '3.1: a type array [string, "null"] is a string too',
    document: oasDoc('3.1', { paths: post({ type: 'object', properties: { note: { type: ['string', 'null'] } } }) }),
    errors: [{ path: [...BODY, 'properties', 'note'] }],
  },
  {
    name: '3.1: enum, const, bounded formats, maxLength and a bounded anchored pattern all bound a string',
    document: oasDoc('3.1', {
      paths: post({
        type: 'object',
        properties: {
          status: { type: 'string', enum: ['open', 'closed'] },
          kind: { type: 'string', const: 'transfer' },
          id: { type: 'string', format: 'uuid' },
          at: { type: ['string', 'null'], format: 'date-time' },
          reference: { type: 'string', maxLength: 35 },
          currency: { type: 'string', pattern: '^[A-Z]{3}$' },
        },
      }),
    }),
    errors: [],
  },
  {
    name: '3.1: readOnly properties, responses, webhooks sent by the provider and file uploads are not checked here',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          post: {
            requestBody: body({ type: 'object', properties: { id: { type: 'string', readOnly: true } } }),
            responses: { '201': { description: 'created', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } } },
          },
        },
        '/documents': {
          post: {
            requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary', maxLength: 1000000 } } } } } },
            responses: ok,
          },
        },
      },
      webhooks: { paymentCreated: { post: { requestBody: body({ type: 'object', properties: { note: { type: 'string' } } }), responses: { '200': { description: 'ok' } } } } },
    }),
    errors: [],
  },
  {
    name: '3.1: a limit contributed by an allOf member counts (trolie/spec#27 trap)',
    document: oasDoc('3.1', {
      paths: post({ type: 'object', properties: { reference: { allOf: [{ $ref: '#/components/schemas/Text35' }], description: 'End-to-end reference.' } } }),
      components: { schemas: { Text35: { type: 'string', maxLength: 35 } } },
    }),
    errors: [],
  },
  {
    name: '3.1: a bound on the schema composing oneOf branches applies to every branch',
    document: oasDoc('3.1', {
      paths: post({
        type: 'object',
        properties: { ref: { type: 'string', maxLength: 35, oneOf: [{ type: 'string', format: 'email' }, { type: 'string', pattern: '^[0-9]+$' }] } },
      }),
    }),
    errors: [],
  },
  {
    name: '3.1: an unanchored pattern does not bound the length',
    document: oasDoc('3.1', { paths: post({ type: 'object', properties: { currency: { type: 'string', pattern: '[A-Z]{3}' } } }) }),
    errors: [{ path: [...BODY, 'properties', 'currency'] }],
  },
  {
    name: '3.1: a shared component used by two operations is reported once, where it is defined',
    document: oasDoc('3.1', {
      paths: {
        '/payments': { post: { requestBody: body({ $ref: '#/components/schemas/Transfer' }), responses: ok } },
        '/refunds': { post: { requestBody: body({ $ref: '#/components/schemas/Transfer' }), responses: ok } },
      },
      components: { schemas: { Transfer: { type: 'object', properties: { reference: { type: 'string' } } } } },
    }),
    errors: [{ path: ['components', 'schemas', 'Transfer', 'properties', 'reference'] }],
  },
  {
    name: '3.0: strings inside a reference cycle (left unresolved by the resolver) are still found, at their definition',
    document: oasDoc('3.0', {
      paths: post({ $ref: '#/components/schemas/LegalEntity' }),
      components: {
        schemas: {
          LegalEntity: { type: 'object', properties: { associations: { type: 'array', maxItems: 10, items: { $ref: '#/components/schemas/Association' } } } },
          Association: { type: 'object', properties: { child: { $ref: '#/components/schemas/LegalEntity' }, title: { type: 'string' } } },
        },
      },
    }),
    errors: [{ path: ['components', 'schemas', 'Association', 'properties', 'title'] }],
  },
  {
    name: '3.1: a string in another file is reported there',
    document: oasDoc('3.1', { paths: post({ $ref: 'schemas.yaml#/PaymentRequest' }) }),
    files: { 'schemas.yaml': { PaymentRequest: { type: 'object', properties: { creditorName: { type: 'string' } } } } },
    errors: [{ source: 'schemas.yaml', path: ['PaymentRequest', 'properties', 'creditorName'] }],
  },
  {
    name: '3.0: an unbounded query parameter is reported',
    document: oasDoc('3.0', {
      paths: { '/payments': { get: { parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } } },
    }),
    errors: [
      {
        message: 'Query parameter "q" of GET /payments is a string without maxLength (nor enum, const, a bounded format or a length-bounding pattern).',
        path: ['paths', '/payments', 'get', 'parameters', 0, 'schema'],
      },
    ],
  },
  {
    name: '3.0: const is not an OAS 3.0 keyword, so it does not bound the string',
    document: oasDoc('3.0', { paths: post({ type: 'object', properties: { kind: { type: 'string', const: 'transfer' } } }) }),
    errors: [{ path: [...BODY, 'properties', 'kind'], message: /Its const is not an OAS 2\.0\/3\.0 keyword and is ignored there: use a one-value enum\.$/ }],
  },
  {
    name: '3.0: enum and nullable strings with maxLength pass',
    document: oasDoc('3.0', {
      paths: post({ type: 'object', properties: { kind: { type: 'string', enum: ['transfer'] }, note: { type: 'string', nullable: true, maxLength: 140 } } }),
    }),
    errors: [],
  },
  {
    name: '2.0: inline parameter constraints count; an unbounded inline parameter is reported at the parameter',
    document: oasDoc('2.0', {
      paths: {
        '/payments': {
          get: {
            parameters: [
              { name: 'q', in: 'query', type: 'string' },
              { name: 'cursor', in: 'query', type: 'string', maxLength: 64 },
            ],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    }),
    errors: [{ path: ['paths', '/payments', 'get', 'parameters', 0], message: /^Query parameter "q" of GET \/payments is a string without maxLength/ }],
  },
  {
    name: '2.0: a bounded body definition passes',
    document: oasDoc('2.0', {
      paths: { '/payments': { post: { parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Payment' } }], responses: ok } } },
      definitions: { Payment: { type: 'object', properties: { reference: { type: 'string', maxLength: 35 } } } },
    }),
    errors: [],
  },
]);
