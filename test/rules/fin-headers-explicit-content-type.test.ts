import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-headers-explicit-content-type';
const schema = { type: 'object' };

testRule(RULE, [
  {
    name: '3.1: a */* response media type fails at the media type',
    document: oasDoc('3.1', { paths: { '/accounts': { get: { responses: { '200': { description: 'ok', content: { '*/*': { schema } } } } } } } }),
    errors: [
      {
        message: 'The 200 response of GET /accounts declares media type "*/*", which allows any media type.',
        path: ['paths', '/accounts', 'get', 'responses', '200', 'content', '*/*'],
      },
    ],
  },
  {
    name: '3.1: application/json, +json types, problem+json and binary types pass; 204 and non-GET bodiless responses too',
    document: oasDoc('3.1', {
      paths: {
        '/accounts': {
          get: {
            responses: {
              '200': { description: 'ok', content: { 'application/json; charset=utf-8': { schema }, 'application/vnd.bank.v2+json': { schema } } },
              '400': { description: 'bad', content: { 'application/problem+json': { schema } } },
            },
          },
          post: { responses: { '201': { description: 'created' } } },
          delete: { responses: { '204': { description: 'gone' } } },
        },
        '/statements/{id}': { get: { responses: { '200': { description: 'pdf', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } } } } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a shared response in another file with a wildcard subtype is reported once, there',
    document: oasDoc('3.1', {
      paths: {
        '/accounts': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema } } }, default: { $ref: 'responses.yaml#/Error' } } } },
        '/cards': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema } } }, default: { $ref: 'responses.yaml#/Error' } } } },
      },
    }),
    files: { 'responses.yaml': { Error: { description: 'error', content: { 'application/*': { schema } } } } },
    errors: [{ message: /declares media type "application\/\*", which allows any application subtype\.$/, path: ['Error', 'content', 'application/*'], source: 'responses.yaml' }],
  },
  {
    name: '3.0: text/json is not a registered JSON type; a GET 200 without content documents no body',
    document: oasDoc('3.0', {
      paths: {
        '/accounts': { get: { responses: { '200': { description: 'ok', content: { 'text/json': { schema } } } } } },
        '/cards': { get: { responses: { '200': { description: 'ok' } } } },
      },
    }),
    errors: [
      { message: /"text\/json", which is not a registered JSON media type/, path: ['paths', '/accounts', 'get', 'responses', '200', 'content', 'text/json'] },
      { message: 'The 200 response of GET /cards documents no body; declare its media type and schema.', path: ['paths', '/cards', 'get', 'responses', '200'] },
    ],
  },
  {
    name: '3.0: concrete media types pass',
    document: oasDoc('3.0', { paths: { '/accounts': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } } } } }),
    errors: [],
  },
  {
    name: '2.0: */* in produces fails at the entry; a GET 200 without schema too',
    document: oasDoc('2.0', {
      produces: ['application/json', '*/*'],
      paths: { '/accounts': { get: { produces: ['text/json'], responses: { '200': { description: 'ok' } } } } },
    }),
    errors: [
      { message: 'Media type "*/*" in the produces list of the document allows any media type.', path: ['produces', 1] },
      { path: ['paths', '/accounts', 'get', 'produces', 0] },
      { path: ['paths', '/accounts', 'get', 'responses', '200'] },
    ],
  },
  {
    name: '2.0: application/json with a schema passes',
    document: oasDoc('2.0', { produces: ['application/json'], paths: { '/accounts': { get: { responses: { '200': { description: 'ok', schema } } } } } }),
    errors: [],
  },
]);
