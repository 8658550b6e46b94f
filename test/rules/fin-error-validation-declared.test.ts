import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-error-validation-declared';

const body = { content: { 'application/json': { schema: { type: 'object', properties: { amount: { type: 'integer' } } } } } };
const created = { '201': { description: 'created' } };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: a request body without 400/422 is reported at the responses',
    document: oasDoc('3.1', { paths: { '/payments': { post: { requestBody: body, responses: created } } } }),
    errors: [
      {
        message: 'Operation POST /payments accepts a request body but declares no 400, 422 or 4XX response for invalid input.',
        path: ['paths', '/payments', 'post', 'responses'],
      },
    ],
  },
  {
    name: '3.1: 400, 422 or a 4XX range pass; operations without input are not asked',
    document: oasDoc('3.1', {
      paths: {
        '/a': { post: { requestBody: body, responses: { ...created, '400': { description: 'bad' } } } },
        '/b': { post: { requestBody: body, responses: { ...created, '422': { description: 'invalid' } } } },
        '/c': { post: { requestBody: body, responses: { ...created, '4XX': { description: 'client error' } } } },
        '/d': { get: { responses: { '200': { description: 'ok' } } } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: default does not say that input is validated; path-item parameters count',
    document: oasDoc('3.1', {
      paths: {
        '/accounts/{id}': {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          get: { parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }], responses: { '200': { description: 'ok' }, default: { description: 'error' } } },
        },
      },
    }),
    errors: [{ message: 'Operation GET /accounts/{id} accepts 2 parameters but declares no 400, 422 or 4XX response for invalid input.', path: ['paths', '/accounts/{id}', 'get', 'responses'] }],
  },
  {
    name: '3.1: a $ref\'d request body counts as input; a path item in another file is reported there',
    document: oasDoc('3.1', { paths: { '/payments': { $ref: 'payments.yaml' } } }),
    files: { 'payments.yaml': { post: { requestBody: body, responses: { '201': { description: 'created' } } } } },
    errors: [{ path: ['post', 'responses'], source: 'payments.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: a query parameter without 400 fails',
    document: oasDoc('3.0', { paths: { '/a': { get: { parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } } } }),
    errors: [{ path: ['paths', '/a', 'get', 'responses'] }],
  },
  {
    name: '3.0: a shared 422 passes',
    document: oasDoc('3.0', {
      paths: { '/a': { post: { requestBody: body, responses: { ...created, '422': { $ref: '#/components/responses/Invalid' } } } } },
      components: { responses: { Invalid: { description: 'invalid' } } },
    }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: a body parameter without 400 fails',
    document: oasDoc('2.0', {
      paths: { '/a': { post: { parameters: [{ name: 'p', in: 'body', schema: { type: 'object' } }], responses: created } } },
    }),
    errors: [{ message: 'Operation POST /a accepts a request body but declares no 400, 422 or 4XX response for invalid input.', path: ['paths', '/a', 'post', 'responses'] }],
  },
  {
    name: '2.0: formData with a 400 passes',
    document: oasDoc('2.0', {
      paths: { '/a': { post: { parameters: [{ name: 'f', in: 'formData', type: 'string' }], responses: { ...created, '400': { description: 'bad' } } } } },
    }),
    errors: [],
  },
]);
