import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-input-no-wildcard-media-type';

const ok = { '201': { description: 'created' } };
const S = { type: 'string', maxLength: 100 };

testRule(RULE, [
  {
    name: '3.1: a */* request body is reported at the media type',
    document: oasDoc('3.1', { paths: { '/payments': { post: { requestBody: { content: { '*/*': { schema: S } } }, responses: ok } } } }),
    errors: [{ message: 'The request body of POST /payments accepts "*/*": list the concrete media types it accepts.', path: ['paths', '/payments', 'post', 'requestBody', 'content', '*/*'] }],
  },
  {
    name: '3.1: application/* (with parameters, any case) is reported; image/* families, +json types and responses are not',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          post: {
            requestBody: { content: { 'Application/*; charset=utf-8': { schema: S }, 'application/merge-patch+json': { schema: S } } },
            responses: { '201': { description: 'ok', content: { '*/*': { schema: S } } } },
          },
        },
        '/avatars': { put: { requestBody: { content: { 'image/*': { 'x-max-file-size': 100000 } } }, responses: ok } },
      },
    }),
    errors: [{ path: ['paths', '/payments', 'post', 'requestBody', 'content', 'Application/*; charset=utf-8'] }],
  },
  {
    name: '3.1: concrete media types and webhook payloads the provider sends pass',
    document: oasDoc('3.1', {
      paths: { '/payments': { post: { requestBody: { content: { 'application/json': { schema: S } } }, responses: ok } } },
      webhooks: { paymentCreated: { post: { requestBody: { content: { '*/*': { schema: S } } }, responses: { '200': { description: 'ok' } } } } },
    }),
    errors: [],
  },
  {
    name: '3.1: a shared request body in another file is reported there, once',
    document: oasDoc('3.1', {
      paths: {
        '/payments': { post: { requestBody: { $ref: 'bodies.yaml#/Raw' }, responses: ok } },
        '/refunds': { post: { requestBody: { $ref: 'bodies.yaml#/Raw' }, responses: ok } },
      },
    }),
    files: { 'bodies.yaml': { Raw: { content: { 'text/*': { schema: S } } } } },
    errors: [{ source: 'bodies.yaml', path: ['Raw', 'content', 'text/*'] }],
  },
  {
    name: '3.0: a */* request body is reported',
    document: oasDoc('3.0', { paths: { '/payments': { put: { requestBody: { content: { '*/*': { schema: S } } }, responses: ok } } } }),
    errors: [{ path: ['paths', '/payments', 'put', 'requestBody', 'content', '*/*'] }],
  },
  {
    name: '3.0: application/json passes',
    document: oasDoc('3.0', { paths: { '/payments': { put: { requestBody: { content: { 'application/json': { schema: S } } }, responses: ok } } } }),
    errors: [],
  },
  {
    name: '2.0: operation consumes with */* is reported; the root list is reported only when an operation with a payload uses it',
    document: oasDoc('2.0', {
      consumes: ['application/*'],
      paths: {
        '/payments': {
          post: { consumes: ['application/json', '*/*'], parameters: [{ name: 'body', in: 'body', schema: S }], responses: ok },
          get: { responses: { '200': { description: 'ok' } } },
        },
        '/refunds': { post: { parameters: [{ name: 'body', in: 'body', schema: S }], responses: ok } },
      },
    }),
    errors: [
      { path: ['consumes', 0], message: 'The API consumes "application/*" by default: list the concrete media types its operations accept.' },
      { path: ['paths', '/payments', 'post', 'consumes', 1], message: 'POST /payments consumes "*/*": list the concrete media types it accepts.' },
    ],
  },
  {
    name: '2.0: a wildcard root consumes that no payload-taking operation uses passes',
    document: oasDoc('2.0', {
      consumes: ['*/*'],
      paths: {
        '/payments': {
          post: { consumes: ['application/json'], parameters: [{ name: 'body', in: 'body', schema: S }], responses: ok },
          get: { responses: { '200': { description: 'ok' } } },
        },
      },
    }),
    errors: [],
  },
]);
