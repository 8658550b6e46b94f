import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-ratelimit-429-declared';

const problem = { 'application/problem+json': { schema: { type: 'object', properties: { title: { type: 'string' } } } } };
const tooMany = { description: 'too many requests', content: problem };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: an operation without 429 is reported at its responses',
    document: oasDoc('3.1', { paths: { '/payments': { post: { responses: { '201': { description: 'created' } } } } } }),
    errors: [{ message: 'Operation POST /payments declares no 429 (Too Many Requests) response.', path: ['paths', '/payments', 'post', 'responses'] }],
  },
  {
    name: '3.1: a shared TooManyRequests response with a problem body passes',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          post: { responses: { '201': { description: 'created' }, '429': { $ref: '#/components/responses/TooManyRequests' } } },
          get: { responses: { '200': { description: 'ok' }, '429': { $ref: '#/components/responses/TooManyRequests' } } },
        },
      },
      components: { responses: { TooManyRequests: tooMany } },
    }),
    errors: [],
  },
  {
    name: '3.1: a 4XX range or default does not stand for 429, and the message says so',
    document: oasDoc('3.1', {
      paths: {
        '/accounts': { get: { responses: { '200': { description: 'ok' }, '4XX': tooMany } } },
        '/cards': { get: { responses: { '200': { description: 'ok' }, default: tooMany } } },
      },
    }),
    errors: [
      {
        message: 'Operation GET /accounts declares no 429 (Too Many Requests) response; its 4XX response does not tell clients that requests are rate limited.',
        path: ['paths', '/accounts', 'get', 'responses'],
      },
      { message: /its default response does not tell clients/, path: ['paths', '/cards', 'get', 'responses'] },
    ],
  },
  {
    name: '3.1: x-public operations and x-public-api documents are not asked',
    document: oasDoc('3.1', {
      paths: { '/health': { get: { 'x-public': true, 'x-public-reason': 'liveness probe', responses: { '200': { description: 'ok' } } } } },
    }),
    errors: [],
  },
  {
    name: '3.1: info.x-public-api: true exempts every operation',
    document: oasDoc('3.1', {
      info: { title: 'Open data', version: '1.0.0', 'x-public-api': true },
      paths: { '/rates': { get: { responses: { '200': { description: 'ok' } } } } },
    }),
    errors: [],
  },
  {
    name: '3.1: a bodiless shared 429 is reported once, at the component',
    document: oasDoc('3.1', {
      paths: {
        '/payments': { post: { responses: { '201': { description: 'created' }, '429': { $ref: '#/components/responses/TooManyRequests' } } } },
        '/refunds': { post: { responses: { '201': { description: 'created' }, '429': { $ref: '#/components/responses/TooManyRequests' } } } },
      },
      components: { responses: { TooManyRequests: { description: 'slow down' } } },
    }),
    errors: [
      {
        message:
          'Response "TooManyRequests", used as the 429 of POST /payments, has no body schema; describe the error body (e.g. application/problem+json).',
        path: ['components', 'responses', 'TooManyRequests'],
      },
    ],
  },
  {
    name: '3.1: a bodiless 429 in another file is reported in that file',
    document: oasDoc('3.1', {
      paths: { '/payments': { post: { responses: { '201': { description: 'created' }, '429': { $ref: 'responses.yaml#/TooManyRequests' } } } } },
    }),
    files: { 'responses.yaml': { TooManyRequests: { description: 'slow down', content: { 'application/json': {} } } } },
    errors: [{ path: ['TooManyRequests'], source: 'responses.yaml' }],
  },
  {
    name: '3.1: a HEAD operation needs the 429 but no body; webhooks are not judged',
    document: oasDoc('3.1', {
      paths: { '/payments/{id}': { head: { responses: { '200': { description: 'ok' }, '429': { description: 'slow down' } } } } },
      webhooks: { paymentSettled: { post: { responses: { '200': { description: 'ack' } } } } },
    }),
    errors: [],
  },
  // OAS 3.0
  {
    name: '3.0: an inline 429 with a body passes, a missing one fails',
    document: oasDoc('3.0', {
      paths: {
        '/payments': { post: { responses: { '201': { description: 'created' }, '429': tooMany } } },
        '/payouts': { post: { responses: { '201': { description: 'created' } } } },
      },
    }),
    errors: [{ path: ['paths', '/payouts', 'post', 'responses'] }],
  },
  {
    name: '3.0: every operation declares 429',
    document: oasDoc('3.0', { paths: { '/payments': { get: { responses: { '200': { description: 'ok' }, '429': tooMany } } } } }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: a 429 with a schema passes',
    document: oasDoc('2.0', {
      paths: { '/payments': { post: { responses: { '201': { description: 'created' }, '429': { description: 'slow down', schema: { type: 'object' } } } } } },
    }),
    errors: [],
  },
  {
    name: '2.0: a missing 429 and a 429 without schema fail',
    document: oasDoc('2.0', {
      paths: {
        '/payments': { post: { responses: { '201': { description: 'created' } } } },
        '/refunds': { post: { responses: { '201': { description: 'created' }, '429': { description: 'slow down' } } } },
      },
    }),
    errors: [
      { path: ['paths', '/payments', 'post', 'responses'] },
      {
        message: 'The 429 response of POST /refunds has no body schema; describe the error body (e.g. application/problem+json).',
        path: ['paths', '/refunds', 'post', 'responses', '429'],
      },
    ],
  },
]);
