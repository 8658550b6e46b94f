import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-ratelimit-retry-after';

const body = { 'application/problem+json': { schema: { type: 'object' } } };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: a 429 without Retry-After is reported at the response',
    document: oasDoc('3.1', {
      paths: { '/payments': { post: { responses: { '201': { description: 'created' }, '429': { description: 'slow down', content: body } } } } },
    }),
    errors: [
      {
        message: 'The 429 response of POST /payments does not document a Retry-After header, so clients cannot tell when to try again.',
        path: ['paths', '/payments', 'post', 'responses', '429'],
      },
    ],
  },
  {
    name: '3.1: Retry-After in any letter case, through components.headers, passes',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          post: {
            responses: {
              '201': { description: 'created' },
              '429': { description: 'slow down', headers: { 'retry-after': { $ref: '#/components/headers/RetryAfter' } }, content: body },
              '503': { description: 'maintenance', headers: { 'RETRY-AFTER': { schema: { type: 'string', format: 'http-date' } } } },
            },
          },
        },
      },
      components: { headers: { RetryAfter: { schema: { type: 'integer', minimum: 1, maximum: 86400 } } } },
    }),
    errors: [],
  },
  {
    name: '3.1: a shared 429 and a shared 503 are each reported once, at the component',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          post: {
            responses: {
              '201': { description: 'created' },
              '429': { $ref: '#/components/responses/TooManyRequests' },
              '503': { $ref: '#/components/responses/Unavailable' },
            },
          },
        },
        '/refunds': {
          post: { responses: { '201': { description: 'created' }, '429': { $ref: '#/components/responses/TooManyRequests' } } },
        },
      },
      components: {
        responses: {
          TooManyRequests: { description: 'slow down', headers: { 'X-RateLimit-Reset': { schema: { type: 'integer' } } } },
          Unavailable: { description: 'maintenance' },
        },
      },
    }),
    errors: [
      {
        message:
          'Response "TooManyRequests" (the 429 of POST /payments) does not document a Retry-After header, so clients cannot tell when to try again.',
        path: ['components', 'responses', 'TooManyRequests'],
      },
      { path: ['components', 'responses', 'Unavailable'] },
    ],
  },
  {
    name: '3.1: a Retry-After declared as a boolean is reported at the header',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          get: { responses: { '200': { description: 'ok' }, '429': { description: 'slow down', headers: { 'Retry-After': { schema: { type: 'boolean' } } } } } },
        },
      },
    }),
    errors: [
      {
        message: 'The 429 response of GET /payments declares Retry-After as boolean; it must be delay-seconds (integer) or an HTTP-date (string).',
        path: ['paths', '/payments', 'get', 'responses', '429', 'headers', 'Retry-After'],
      },
    ],
  },
  {
    name: '3.1: a 429 response in another file is reported there',
    document: oasDoc('3.1', {
      paths: { '/payments': { get: { responses: { '200': { description: 'ok' }, '429': { $ref: 'errors.yaml#/TooManyRequests' } } } } },
    }),
    files: { 'errors.yaml': { TooManyRequests: { description: 'slow down', content: body } } },
    errors: [{ path: ['TooManyRequests'], source: 'errors.yaml' }],
  },
  {
    name: '3.1: other statuses, ranges and callbacks are not asked for Retry-After',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          post: {
            responses: { '201': { description: 'created' }, '4XX': { description: 'client error' }, '500': { description: 'error' } },
            callbacks: {
              settled: { '{$request.body#/callbackUrl}': { post: { responses: { '200': { description: 'ack' }, '429': { description: 'receiver busy' } } } } },
            },
          },
        },
      },
    }),
    errors: [],
  },
  // OAS 3.0
  {
    name: '3.0: a 503 without Retry-After fails',
    document: oasDoc('3.0', {
      paths: { '/accounts': { get: { responses: { '200': { description: 'ok' }, '503': { description: 'down' } } } } },
    }),
    errors: [{ path: ['paths', '/accounts', 'get', 'responses', '503'] }],
  },
  {
    name: '3.0: a 429 with Retry-After content schema passes',
    document: oasDoc('3.0', {
      paths: {
        '/accounts': {
          get: {
            responses: {
              '200': { description: 'ok' },
              '429': { description: 'slow down', headers: { 'Retry-After': { content: { 'text/plain': { schema: { type: 'integer' } } } } } },
            },
          },
        },
      },
    }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: an inline integer Retry-After passes',
    document: oasDoc('2.0', {
      paths: { '/payments': { post: { responses: { '201': { description: 'created' }, '429': { description: 'slow down', headers: { 'Retry-After': { type: 'integer' } } } } } } },
    }),
    errors: [],
  },
  {
    name: '2.0: a shared 429 in root responses without Retry-After fails there',
    document: oasDoc('2.0', {
      paths: { '/payments': { post: { responses: { '201': { description: 'created' }, '429': { $ref: '#/responses/TooManyRequests' } } } } },
      responses: { TooManyRequests: { description: 'slow down', schema: { type: 'object' } } },
    }),
    errors: [{ path: ['responses', 'TooManyRequests'] }],
  },
]);
