import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-error-responses-defined';

const body = { content: { 'application/problem+json': { schema: { type: 'object', properties: { title: { type: 'string' } } } } } };
const ok = { '200': { description: 'ok' } };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: an operation with no error responses is reported at its responses',
    document: oasDoc('3.1', { paths: { '/accounts': { get: { responses: ok } } } }),
    errors: [
      {
        message: 'Operation GET /accounts declares no client-error (4xx) and no server-error (5xx or default) response with a body schema.',
        path: ['paths', '/accounts', 'get', 'responses'],
      },
    ],
  },
  {
    name: '3.1: 400 plus a shared default with a schema passes',
    document: oasDoc('3.1', {
      paths: { '/accounts': { get: { responses: { ...ok, '400': { description: 'bad', ...body }, default: { $ref: '#/components/responses/Error' } } } } },
      components: { responses: { Error: { description: 'error', ...body } } },
    }),
    errors: [],
  },
  {
    name: '3.1: default with a schema covers both parts; 4XX and 5XX ranges count',
    document: oasDoc('3.1', {
      paths: {
        '/a': { get: { responses: { ...ok, default: { description: 'error', ...body } } } },
        '/b': { get: { responses: { ...ok, '4XX': { description: 'client', ...body }, '5XX': { description: 'server', ...body } } } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a bodiless 500 is reported even when default has a body; a missing part is named',
    document: oasDoc('3.1', {
      paths: {
        '/a': { get: { responses: { ...ok, '404': { description: 'not found' }, '500': { description: 'oops' }, default: { description: 'error', ...body } } } },
        '/b': { post: { responses: { '201': { description: 'created' }, '400': { description: 'bad', ...body } } } },
      },
    }),
    errors: [
      {
        message: 'The 500 response of GET /a has no body schema, so contract tests cannot check what it returns.',
        path: ['paths', '/a', 'get', 'responses', '500'],
      },
      { message: 'Operation POST /b declares no server-error (5xx or default) response with a body schema.', path: ['paths', '/b', 'post', 'responses'] },
    ],
  },
  {
    name: '3.1: bodiless inline responses and a missing part are one finding per operation',
    document: oasDoc('3.1', {
      paths: { '/a': { get: { responses: { ...ok, '401': { description: 'unauthorized' } } } } },
    }),
    errors: [
      {
        message:
          'Operation GET /a declares no server-error (5xx or default) response, and its 401 response has no body schema, so contract tests cannot check what errors return.',
        path: ['paths', '/a', 'get', 'responses'],
      },
    ],
  },
  {
    name: '3.1: a shared bodiless 500 is reported once, where it is written; HEAD needs no bodies',
    document: oasDoc('3.1', {
      paths: {
        '/a': { get: { responses: { ...ok, '400': { description: 'bad', ...body }, '500': { $ref: '#/components/responses/ServerError' } } } },
        '/b': { get: { responses: { ...ok, '400': { description: 'bad', ...body }, '500': { $ref: '#/components/responses/ServerError' } } } },
        '/c': { head: { responses: { ...ok, '404': { description: 'not found' }, '500': { description: 'oops' } } } },
      },
      components: { responses: { ServerError: { description: 'oops' } } },
    }),
    errors: [{ message: /^Response "ServerError" \(the 500 of GET \/a\) has no body schema/, path: ['components', 'responses', 'ServerError'] }],
  },
  {
    name: '3.1: a bodiless default in another file is reported there',
    document: oasDoc('3.1', { paths: { '/a': { get: { responses: { ...ok, '400': { description: 'bad', ...body }, default: { $ref: 'errors.yaml#/Error' } } } } } }),
    files: { 'errors.yaml': { Error: { description: 'error' } } },
    errors: [{ path: ['Error'], source: 'errors.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: bodiless 4xx only, with a 5xx body, is reported at the 4xx',
    document: oasDoc('3.0', {
      paths: { '/a': { get: { responses: { ...ok, '404': { description: 'not found' }, '503': { description: 'down', ...body } } } } },
    }),
    errors: [{ message: 'The 404 response of GET /a has no body schema, so contract tests cannot check what it returns.', path: ['paths', '/a', 'get', 'responses', '404'] }],
  },
  {
    name: '3.0: 422 and 500 with bodies pass',
    document: oasDoc('3.0', { paths: { '/a': { post: { responses: { '201': { description: 'ok' }, '422': { description: 'invalid', ...body }, '500': { description: 'error', ...body } } } } } }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: schemas on 400 and default pass',
    document: oasDoc('2.0', {
      paths: { '/a': { get: { responses: { ...ok, '400': { description: 'bad', schema: { type: 'object' } }, default: { description: 'error', schema: { type: 'object' } } } } } },
    }),
    errors: [],
  },
  {
    name: '2.0: a bodiless 500 fails',
    document: oasDoc('2.0', {
      paths: { '/a': { get: { responses: { ...ok, '400': { description: 'bad', schema: { type: 'object' } }, '500': { description: 'error' } } } } },
    }),
    errors: [{ path: ['paths', '/a', 'get', 'responses', '500'] }],
  },
]);
