import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-ratelimit-prefer-ietf-fields';

const int = { schema: { type: 'integer' } };
const str = { schema: { type: 'string' } };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: X-RateLimit-* only gets the hint at the first legacy header',
    document: oasDoc('3.1', {
      paths: {
        '/accounts': {
          get: { responses: { '200': { description: 'ok', headers: { 'X-Request-ID': str, 'X-RateLimit-Limit': int, 'X-RateLimit-Remaining': int } } } },
        },
      },
    }),
    errors: [
      {
        message:
          'X-RateLimit-Limit, X-RateLimit-Remaining are pre-standard rate-limit fields; also document the IETF RateLimit and RateLimit-Policy fields (draft-ietf-httpapi-ratelimit-headers-07 and later).',
        path: ['paths', '/accounts', 'get', 'responses', '200', 'headers', 'X-RateLimit-Limit'],
      },
    ],
  },
  {
    name: '3.1: the current RateLimit and RateLimit-Policy fields pass',
    document: oasDoc('3.1', {
      paths: { '/accounts': { get: { responses: { '200': { description: 'ok', headers: { RateLimit: str, 'RateLimit-Policy': str } } } } } },
    }),
    errors: [],
  },
  {
    name: '3.1: a migration (old names next to RateLimit) passes; RateLimit-Policy alone is not legacy',
    document: oasDoc('3.1', {
      paths: {
        '/accounts': { get: { responses: { '200': { description: 'ok', headers: { 'X-RateLimit-Remaining': int, ratelimit: str } } } } },
        '/cards': { get: { responses: { '200': { description: 'ok', headers: { 'RateLimit-Policy': str } } } } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a shared legacy header used by several responses is hinted once, where it is written',
    document: oasDoc('3.1', {
      paths: {
        '/accounts': { get: { responses: { '200': { description: 'ok', headers: { 'X-RateLimit-Remaining': { $ref: '#/components/headers/Remaining' } } } } } },
        '/cards': { get: { responses: { '200': { description: 'ok', headers: { 'X-RateLimit-Remaining': { $ref: '#/components/headers/Remaining' } } } } } },
      },
      components: { headers: { Remaining: int } },
    }),
    errors: [{ message: /^X-RateLimit-Remaining is a pre-standard rate-limit field;/, path: ['components', 'headers', 'Remaining'] }],
  },
  {
    name: '3.1: legacy headers in another file are hinted there',
    document: oasDoc('3.1', {
      paths: { '/accounts': { get: { responses: { '200': { description: 'ok', headers: { 'X-Rate-Limit-Limit': { $ref: 'headers.yaml#/Limit' } } } } } } },
    }),
    files: { 'headers.yaml': { Limit: int } },
    errors: [{ path: ['Limit'], source: 'headers.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: pre-07 draft names get the hint',
    document: oasDoc('3.0', {
      paths: {
        '/payments': {
          post: { responses: { '201': { description: 'ok', headers: { 'RateLimit-Limit': int, 'RateLimit-Remaining': int, 'RateLimit-Reset': int } } } },
        },
      },
    }),
    errors: [{ message: /^RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset are pre-standard/, path: ['paths', '/payments', 'post', 'responses', '201', 'headers', 'RateLimit-Limit'] }],
  },
  {
    name: '3.0: responses without rate-limit headers are not this rule\'s concern',
    document: oasDoc('3.0', { paths: { '/payments': { post: { responses: { '201': { description: 'ok' } } } } } }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: X-RateLimit-Reset on a 429 gets the hint',
    document: oasDoc('2.0', {
      paths: { '/payments': { get: { responses: { '200': { description: 'ok' }, '429': { description: 'slow down', headers: { 'X-RateLimit-Reset': { type: 'integer' } } } } } } },
    }),
    errors: [{ path: ['paths', '/payments', 'get', 'responses', '429', 'headers', 'X-RateLimit-Reset'] }],
  },
  {
    name: '2.0: RateLimit passes',
    document: oasDoc('2.0', {
      paths: { '/payments': { get: { responses: { '200': { description: 'ok', headers: { RateLimit: { type: 'string' } } } } } } },
    }),
    errors: [],
  },
]);
