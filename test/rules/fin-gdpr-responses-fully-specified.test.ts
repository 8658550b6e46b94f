import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-gdpr-responses-fully-specified';

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const getReturning = (schema: object, status = '200') => ({ get: { responses: { [status]: { description: 'ok', ...json(schema) } } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

testRule(RULE, [
  {
    name: '3.1: a free-form object next to personal data and an empty schema under it are reported',
    document: oasDoc('3.1', {
      paths: { '/payments/{id}': getReturning(ref('Payment')) },
      components: {
        schemas: {
          Payment: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              debtorName: { type: 'string' },
              metadata: { type: 'object' },
              extra: {},
              tags: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      },
    }),
    errors: [
      {
        message:
          'Property "metadata" in the 200 response of GET /payments/{id} is a free-form object (type object with no properties) next to personal data ("debtorName": a person\'s name), so it may return personal data the contract does not describe.',
        path: ['components', 'schemas', 'Payment', 'properties', 'metadata'],
      },
      {
        message:
          'Property "extra" in the 200 response of GET /payments/{id} is an empty schema (any value) next to personal data ("debtorName": a person\'s name), so it may return personal data the contract does not describe.',
        path: ['components', 'schemas', 'Payment', 'properties', 'extra'],
      },
    ],
  },
  {
    name: '3.1: typed maps, closed objects, unevaluatedProperties: false, classified bags and open objects with properties pass',
    document: oasDoc('3.1', {
      paths: { '/payments/{id}': getReturning(ref('Payment')) },
      components: {
        schemas: {
          Payment: {
            type: 'object',
            additionalProperties: true,
            properties: {
              debtorName: { type: 'string' },
              metadata: { type: 'object', additionalProperties: { type: 'string', maxLength: 500 }, maxProperties: 20 },
              flags: { type: 'object', additionalProperties: false },
              composed: { allOf: [{ type: 'object' }], unevaluatedProperties: false },
              providerData: { type: 'object', 'x-data-classification': 'public' },
              either: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
            },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: responses without personal data, request bodies and unrelated branches pass',
    document: oasDoc('3.1', {
      paths: {
        '/products/{id}': getReturning({ type: 'object', properties: { name: { type: 'string' }, attributes: { type: 'object' } } }),
        '/customers': {
          post: {
            requestBody: json({ type: 'object', properties: { email: { type: 'string' }, preferences: { type: 'object' } } }),
            responses: { '201': { description: 'created' } },
          },
        },
        '/customers/{id}/accounts': getReturning({ type: 'object', properties: { email: { type: 'string' }, accounts: { type: 'array', items: ref('Account') } } }),
      },
      components: { schemas: { Account: { type: 'object', properties: { id: { type: 'string' }, settings: { type: 'object', additionalProperties: true } } } } },
    }),
    errors: [],
  },
  {
    name: '3.1: the free-form list body of a data-subject collection is reported',
    document: oasDoc('3.1', {
      paths: {
        '/customers': getReturning({ type: 'array', items: { type: 'object', additionalProperties: true } }),
        '/customers/{customerId}': getReturning({ type: 'object', properties: { email: { type: 'string' } } }),
      },
    }),
    errors: [
      {
        path: ['paths', '/customers', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'items'],
        message:
          'The items in the 200 response of GET /customers is a free-form object (additionalProperties without a schema) in the body of the data-subject resource /customers, so it may return personal data the contract does not describe.',
      },
    ],
  },
  {
    name: '3.0: a free-form object in a schema of another file is reported there',
    document: oasDoc('3.0', { paths: { '/payees/{id}': getReturning({ $ref: 'schemas.yaml#/Payee' }) } }),
    files: { 'schemas.yaml': { Payee: { type: 'object', properties: { iban: { type: 'string' }, details: { type: 'object', additionalProperties: {} } } } } },
    errors: [{ source: 'schemas.yaml', path: ['Payee', 'properties', 'details'], message: /^Property "details" .* is a free-form object \(additionalProperties without a schema\) next to personal data \("iban": a bank account number\)/ }],
  },
  {
    name: '3.0: a closed schema of another file passes',
    document: oasDoc('3.0', { paths: { '/payees/{id}': getReturning({ $ref: 'schemas.yaml#/Payee' }) } }),
    files: { 'schemas.yaml': { Payee: { type: 'object', properties: { iban: { type: 'string' }, details: { type: 'object', properties: { note: { type: 'string' } }, additionalProperties: false } } } } },
    errors: [],
  },
  {
    name: '3.0: identical inline copies in webhooks and callbacks are one finding; personal data from an allOf member counts',
    document: oasDoc('3.0', {
      paths: {
        '/transfers': {
          post: {
            responses: { '201': { description: 'ok', ...json({ allOf: [ref('Party'), { type: 'object', properties: { extra: { type: 'object' } } }] }) } },
            callbacks: {
              status: {
                '{$request.body#/callbackUrl}': {
                  post: { requestBody: json({ allOf: [ref('Party'), { type: 'object', properties: { extra: { type: 'object' } } }] }), responses: { '200': { description: 'ok' } } },
                },
              },
            },
          },
        },
      },
      components: { schemas: { Party: { type: 'object', properties: { email: { type: 'string' } } } } },
    }),
    errors: [
      {
        path: ['paths', '/transfers', 'post', 'responses', '201', 'content', 'application/json', 'schema', 'allOf', 1, 'properties', 'extra'],
        message: /^Property "extra" in the 201 response of POST \/transfers \(and 1 identical inline copy elsewhere\) is a free-form object/,
      },
    ],
  },
  {
    name: '2.0: a free-form object next to a phone number is reported',
    document: oasDoc('2.0', {
      paths: { '/users/{id}': { get: { responses: { '200': { description: 'ok', schema: { type: 'object', properties: { phone: { type: 'string' }, profile: { type: 'object' } } } } } } } },
    }),
    errors: [{ path: ['paths', '/users/{id}', 'get', 'responses', '200', 'schema', 'properties', 'profile'], message: /^Property "profile" .* next to personal data \("phone": a phone number\)/ }],
  },
  {
    name: '2.0: a described object next to a phone number passes',
    document: oasDoc('2.0', {
      paths: { '/users/{id}': { get: { responses: { '200': { description: 'ok', schema: { type: 'object', properties: { phone: { type: 'string' }, profile: { type: 'object', properties: { locale: { type: 'string' } } } } } } } } } },
    }),
    errors: [],
  },
]);
