import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-input-request-body-schema-defined';

const ok = { '201': { description: 'created' } };
const REQ = { type: 'object', additionalProperties: false, required: ['amount'], properties: { amount: { type: 'string', maxLength: 20 } } };

testRule(RULE, [
  {
    name: '3.1: an empty schema is reported',
    document: oasDoc('3.1', { paths: { '/payments': { post: { requestBody: { required: true, content: { 'application/json': { schema: {} } } }, responses: ok } } } }),
    errors: [
      {
        message: 'The application/json request body of POST /payments has an empty schema, so any payload is accepted: describe it.',
        path: ['paths', '/payments', 'post', 'requestBody', 'content', 'application/json', 'schema'],
      },
    ],
  },
  {
    name: '3.1: a missing schema, a schema with only a description and a bare object are reported',
    document: oasDoc('3.1', {
      paths: {
        '/a': { post: { requestBody: { content: { 'application/json': {} } }, responses: ok } },
        '/b': { post: { requestBody: { content: { 'application/json': { schema: { description: 'anything' } } } }, responses: ok } },
        '/c': { post: { requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', additionalProperties: true } } } }, responses: ok } },
      },
    }),
    errors: [
      { path: ['paths', '/a', 'post', 'requestBody', 'content', 'application/json'], message: /has no schema/ },
      { path: ['paths', '/b', 'post', 'requestBody', 'content', 'application/json', 'schema'], message: /has an empty schema/ },
      { path: ['paths', '/c', 'post', 'requestBody', 'content', 'application/x-www-form-urlencoded', 'schema'], message: /has a bare object schema without properties/ },
    ],
  },
  {
    name: '3.1: a body with required fields that is not required: true is reported at the request body',
    document: oasDoc('3.1', { paths: { '/payments': { post: { requestBody: { content: { 'application/json': { schema: REQ } } }, responses: ok } } } }),
    errors: [
      {
        path: ['paths', '/payments', 'post', 'requestBody'],
        message: 'The request body of POST /payments has required fields but is not required: true, so a request without a body is valid.',
      },
    ],
  },
  {
    name: '3.1: described bodies, explicitly empty closed bodies, typed maps, composed schemas and binary uploads (left to upload-limits) pass',
    document: oasDoc('3.1', {
      paths: {
        '/payments': { post: { requestBody: { required: true, content: { 'application/json': { schema: REQ } } }, responses: ok } },
        '/metadata': {
          put: { requestBody: { content: { 'application/json': { schema: { type: 'object', additionalProperties: { type: 'string', maxLength: 100 }, maxProperties: 20 } } } }, responses: ok },
        },
        '/session': { delete: { requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: {}, additionalProperties: false } } } }, responses: ok } },
        '/methods': { post: { requestBody: { content: { 'application/json': { schema: { oneOf: [REQ, { type: 'string', maxLength: 10 }] } } } }, responses: ok } },
        '/documents': { post: { requestBody: { content: { 'application/pdf': { 'x-max-file-size': 1000000 }, 'image/png': { schema: {} } } }, responses: ok } },
      },
      webhooks: { paymentCreated: { post: { requestBody: { content: { 'application/json': { schema: {} } } }, responses: { '200': { description: 'ok' } } } } },
    }),
    errors: [],
  },
  {
    name: '3.1: a shared request body in another file is reported there, once',
    document: oasDoc('3.1', {
      paths: {
        '/payments': { post: { requestBody: { $ref: 'bodies.yaml#/Payment' }, responses: ok } },
        '/refunds': { post: { requestBody: { $ref: 'bodies.yaml#/Payment' }, responses: ok } },
      },
    }),
    files: { 'bodies.yaml': { Payment: { required: true, content: { 'application/json': { schema: { type: 'object' } } } } } },
    errors: [{ source: 'bodies.yaml', path: ['Payment', 'content', 'application/json', 'schema'] }],
  },
  {
    name: '3.0: a bare object body is reported',
    document: oasDoc('3.0', { paths: { '/payments': { post: { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } } }),
    errors: [{ path: ['paths', '/payments', 'post', 'requestBody', 'content', 'application/json', 'schema'], message: /has a bare object schema without properties/ }],
  },
  {
    name: '3.0: a $ref to a described schema passes',
    document: oasDoc('3.0', {
      paths: { '/payments': { post: { requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/PaymentRequest' } } } }, responses: ok } } },
      components: { schemas: { PaymentRequest: REQ } },
    }),
    errors: [],
  },
  {
    name: '2.0: a body parameter without a described schema, and an optional body with required fields, are reported',
    document: oasDoc('2.0', {
      paths: {
        '/a': { post: { parameters: [{ name: 'body', in: 'body', schema: { type: 'object' } }], responses: ok } },
        '/b': { post: { parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Payment' } }], responses: ok } },
      },
      definitions: { Payment: REQ },
    }),
    errors: [
      { path: ['paths', '/a', 'post', 'parameters', 0, 'schema'], message: 'The body parameter "body" of POST /a has a bare object schema without properties, so any payload is accepted: describe it.' },
      { path: ['paths', '/b', 'post', 'parameters', 0], message: /has required fields but is not required: true/ },
    ],
  },
  {
    name: '2.0: a required, described body parameter and form fields pass',
    document: oasDoc('2.0', {
      paths: {
        '/payments': { post: { parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Payment' } }], responses: ok } },
        '/forms': { post: { consumes: ['application/x-www-form-urlencoded'], parameters: [{ name: 'amount', in: 'formData', type: 'string', maxLength: 20 }], responses: ok } },
      },
      definitions: { Payment: REQ },
    }),
    errors: [],
  },
]);
