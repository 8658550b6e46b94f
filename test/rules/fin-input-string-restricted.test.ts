import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-input-string-restricted';

const ok = { '201': { description: 'created' } };
const body = (schema: object) => ({ content: { 'application/json': { schema } } });
const post = (schema: object) => ({ '/payments': { post: { requestBody: body(schema), responses: ok } } });
const BODY = ['paths', '/payments', 'post', 'requestBody', 'content', 'application/json', 'schema'];

testRule(RULE, [
  {
    name: '3.1: a string with only maxLength is reported',
    document: oasDoc('3.1', { paths: post({ type: 'object', properties: { accountId: { type: 'string', maxLength: 40 } } }) }),
    errors: [
      {
        message:
          'Property "accountId" in the request body of POST /payments is a string without pattern, enum, const or format, so any characters are accepted; restrict it, or mark free text with x-free-text: true.',
        path: [...BODY, 'properties', 'accountId'],
      },
    ],
  },
  {
    name: '3.1: pattern, enum, const, format, free-text names and x-free-text pass; readOnly is not input',
    document: oasDoc('3.1', {
      paths: post({
        type: 'object',
        properties: {
          accountId: { type: 'string', maxLength: 40, pattern: '^[A-Za-z0-9-]{1,40}$' },
          status: { type: 'string', enum: ['open'] },
          kind: { type: ['string', 'null'], const: 'transfer' },
          email: { type: 'string', format: 'email', maxLength: 254 },
          description: { type: 'string', maxLength: 500 },
          remittanceInformation: { type: 'string', maxLength: 140 },
          creditorName: { type: 'string', maxLength: 70 },
          deliveryHints: { type: 'string', maxLength: 200, 'x-free-text': true },
          id: { type: 'string', readOnly: true },
        },
      }),
    }),
    errors: [],
  },
  {
    name: '3.1: a name that only looks like free text (fileName) is still checked, and format: password restricts nothing',
    document: oasDoc('3.1', {
      paths: post({ type: 'object', properties: { fileName: { type: 'string', maxLength: 255 }, secret: { type: 'string', format: 'password', maxLength: 64 } } }),
    }),
    errors: [{ path: [...BODY, 'properties', 'fileName'] }, { path: [...BODY, 'properties', 'secret'] }],
  },
  {
    name: '3.1: a restriction from an allOf member counts',
    document: oasDoc('3.1', {
      paths: post({ type: 'object', properties: { iban: { allOf: [{ $ref: '#/components/schemas/Iban' }], description: 'Debtor IBAN' } } }),
      components: { schemas: { Iban: { type: 'string', pattern: '^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$' } } },
    }),
    errors: [],
  },
  {
    name: '3.1: a string in another file is reported there',
    document: oasDoc('3.1', { paths: post({ $ref: 'schemas.yaml#/PaymentRequest' }) }),
    files: { 'schemas.yaml': { PaymentRequest: { type: 'object', properties: { endToEndId: { type: 'string', maxLength: 35 } } } } },
    errors: [{ source: 'schemas.yaml', path: ['PaymentRequest', 'properties', 'endToEndId'] }],
  },
  {
    name: '3.0: a path parameter without pattern is reported',
    document: oasDoc('3.0', {
      paths: {
        '/accounts/{accountId}': {
          get: { parameters: [{ name: 'accountId', in: 'path', required: true, schema: { type: 'string', maxLength: 40 } }], responses: { '200': { description: 'ok' } } },
        },
      },
    }),
    errors: [{ path: ['paths', '/accounts/{accountId}', 'get', 'parameters', 0, 'schema'], message: /^Path parameter "accountId" of GET \/accounts\/\{accountId\}/ }],
  },
  {
    name: '3.0: a uuid path parameter passes',
    document: oasDoc('3.0', {
      paths: {
        '/accounts/{accountId}': {
          get: { parameters: [{ name: 'accountId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }], responses: { '200': { description: 'ok' } } },
        },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: an inline header parameter without restriction is reported; a patterned one passes',
    document: oasDoc('2.0', {
      paths: {
        '/payments': {
          post: {
            parameters: [
              { name: 'X-Device', in: 'header', type: 'string', maxLength: 64 },
              { name: 'X-Request-ID', in: 'header', type: 'string', format: 'uuid' },
            ],
            responses: ok,
          },
        },
      },
    }),
    errors: [{ path: ['paths', '/payments', 'post', 'parameters', 0] }],
  },
  {
    name: '2.0: an enum body property passes',
    document: oasDoc('2.0', {
      paths: { '/payments': { post: { parameters: [{ name: 'body', in: 'body', schema: { type: 'object', properties: { scheme: { type: 'string', enum: ['SEPA'] } } } }], responses: ok } } },
    }),
    errors: [],
  },
]);
