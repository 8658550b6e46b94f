import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-input-closed-request-objects';

const ok = { '201': { description: 'created' } };
const body = (schema: object) => ({ content: { 'application/json': { schema } } });
const post = (schema: object) => ({ '/payments': { post: { requestBody: body(schema), responses: ok } } });
const BODY = ['paths', '/payments', 'post', 'requestBody', 'content', 'application/json', 'schema'];
const AMOUNT = { type: 'string', maxLength: 20 };

/** A polymorphic request in the OAS 3.0 style: a base schema and an allOf extension. */
const composed = (base: object, extension: object = { type: 'object', properties: { iban: { type: 'string' } } }) => ({
  paths: post({ $ref: '#/components/schemas/SepaPayment' }),
  components: {
    schemas: {
      Payment: { type: 'object', properties: { amount: AMOUNT }, ...base },
      SepaPayment: { allOf: [{ $ref: '#/components/schemas/Payment' }, extension] },
    },
  },
});

testRule(RULE, [
  {
    name: '3.1: an open request object is reported',
    document: oasDoc('3.1', { paths: post({ type: 'object', properties: { amount: AMOUNT } }) }),
    errors: [
      {
        message:
          'The request body of POST /payments (application/json) accepts properties it does not declare, which opens it to mass assignment: add additionalProperties: false.',
        path: BODY,
      },
    ],
  },
  {
    name: '3.1: a composed request object needs unevaluatedProperties: false',
    document: oasDoc('3.1', composed({})),
    errors: [{ path: ['components', 'schemas', 'SepaPayment'], message: /is composed with allOf\/oneOf\/anyOf and accepts undeclared properties: add unevaluatedProperties: false/ }],
  },
  {
    name: '3.1: unevaluatedProperties: false closes a composed object across allOf and $ref',
    document: oasDoc('3.1', {
      paths: post({ $ref: '#/components/schemas/SepaPayment' }),
      components: {
        schemas: {
          Payment: { type: 'object', properties: { amount: AMOUNT } },
          SepaPayment: { allOf: [{ $ref: '#/components/schemas/Payment' }, { properties: { iban: { type: 'string' } } }], unevaluatedProperties: false },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: additionalProperties: false on an allOf member breaks the composition and is reported where it is written',
    document: oasDoc('3.1', composed({ additionalProperties: false })),
    errors: [
      {
        path: ['components', 'schemas', 'Payment', 'additionalProperties'],
        message:
          'An allOf member ("Payment") of the request body of POST /payments (application/json) (schema "SepaPayment") has additionalProperties: false, which rejects "iban" declared by other allOf members or oneOf/anyOf branches, so valid requests fail; use unevaluatedProperties: false on the composed schema instead.',
      },
    ],
  },
  {
    name: '3.1: closed objects, bounded typed maps, pure oneOf wrappers with closed branches and response objects pass',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          post: {
            requestBody: body({
              type: 'object',
              additionalProperties: false,
              properties: {
                amount: AMOUNT,
                metadata: { type: 'object', additionalProperties: { type: 'string', maxLength: 500 }, maxProperties: 20 },
                method: {
                  oneOf: [
                    { type: 'object', additionalProperties: false, properties: { iban: { type: 'string' } } },
                    { type: 'object', additionalProperties: false, properties: { card: { type: 'string' } } },
                  ],
                },
              },
            }),
            responses: { '201': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: an open map without maxProperties and a free-form object are reported',
    document: oasDoc('3.1', {
      paths: post({
        type: 'object',
        additionalProperties: false,
        properties: { metadata: { type: 'object', additionalProperties: { type: 'string' } }, extra: { type: 'object' } },
      }),
    }),
    errors: [
      { path: [...BODY, 'properties', 'metadata'], message: /is an open map \(additionalProperties with a schema\) without maxProperties/ },
      { path: [...BODY, 'properties', 'extra'], message: /is a free-form object that accepts any properties/ },
    ],
  },
  {
    name: '3.1: an open object in another file is reported there',
    document: oasDoc('3.1', { paths: post({ $ref: 'schemas.yaml#/PaymentRequest' }) }),
    files: { 'schemas.yaml': { PaymentRequest: { type: 'object', properties: { amount: AMOUNT } } } },
    errors: [{ source: 'schemas.yaml', path: ['PaymentRequest'] }],
  },
  {
    name: '3.0: additionalProperties: false is not demanded on allOf compositions, where it would break them',
    document: oasDoc('3.0', composed({})),
    errors: [],
  },
  {
    name: '3.0: additionalProperties: false on an allOf member is reported as breaking the composition',
    document: oasDoc('3.0', composed({ additionalProperties: false })),
    errors: [{ path: ['components', 'schemas', 'Payment', 'additionalProperties'], message: /flatten the request schema, or move to OAS 3\.1 and use unevaluatedProperties: false\.$/ }],
  },
  {
    name: '3.0: unevaluatedProperties is not an OAS 3.0 keyword',
    document: oasDoc('3.0', { paths: post({ type: 'object', properties: { amount: AMOUNT }, unevaluatedProperties: false }) }),
    errors: [{ path: BODY, message: /uses unevaluatedProperties, which is not an OAS 2\.0\/3\.0 keyword and is ignored/ }],
  },
  {
    name: '3.0: a plain object with additionalProperties: false passes; a readOnly object is not input',
    document: oasDoc('3.0', {
      paths: post({ type: 'object', additionalProperties: false, properties: { amount: AMOUNT, audit: { type: 'object', readOnly: true } } }),
    }),
    errors: [],
  },
  {
    name: '2.0: an open body definition is reported',
    document: oasDoc('2.0', {
      paths: { '/payments': { post: { parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Payment' } }], responses: ok } } },
      definitions: { Payment: { type: 'object', properties: { amount: AMOUNT } } },
    }),
    errors: [{ path: ['definitions', 'Payment'], message: /^The request body of POST \/payments \(schema "Payment"\) accepts properties it does not declare/ }],
  },
  {
    name: '2.0: a closed body definition passes',
    document: oasDoc('2.0', {
      paths: { '/payments': { post: { parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Payment' } }], responses: ok } } },
      definitions: { Payment: { type: 'object', additionalProperties: false, properties: { amount: AMOUNT } } },
    }),
    errors: [],
  },
]);
