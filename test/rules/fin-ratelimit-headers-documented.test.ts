import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-ratelimit-headers-documented';

const str = { schema: { type: 'string', maxLength: 200 } };
const tooMany = { description: 'slow down', headers: { 'Retry-After': { schema: { type: 'integer' } } } };

/** A 3.x operation that is rate limited (declares 429) with the given success headers. */
const limited = (headers?: Record<string, unknown>) => ({
  responses: { '200': { description: 'ok', ...(headers ? { headers } : {}) }, '429': tooMany },
});

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: a 200 of a rate-limited operation without quota headers is reported',
    document: oasDoc('3.1', { paths: { '/accounts': { get: limited() } } }),
    errors: [
      {
        message:
          'The 200 response of rate-limited GET /accounts documents no rate-limit headers: add RateLimit and RateLimit-Policy (or X-RateLimit-Limit/-Remaining/-Reset), or mark the limits x-ratelimit-undisclosed: true.',
        path: ['paths', '/accounts', 'get', 'responses', '200'],
      },
    ],
  },
  {
    name: '3.1: the IETF RateLimit + RateLimit-Policy fields (draft-07+) pass in place of X-RateLimit-*',
    document: oasDoc('3.1', { paths: { '/accounts': { get: limited({ RateLimit: str, 'RateLimit-Policy': str }) } } }),
    errors: [],
  },
  {
    name: '3.1: RateLimit alone, pre-07 RateLimit-Limit/-Remaining/-Reset and X-RateLimit-* each pass',
    document: oasDoc('3.1', {
      paths: {
        '/a': { get: limited({ ratelimit: str }) },
        '/b': { get: limited({ 'RateLimit-Limit': str, 'RateLimit-Remaining': str, 'RateLimit-Reset': str }) },
        '/c': { get: limited({ 'X-RateLimit-Limit': str, 'X-RateLimit-Remaining': str }) },
        '/d': { get: limited({ 'X-Rate-Limit-Reset': str }) },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: only error, redirect and 429 responses and operations without 429 are never asked (the spectral-owasp false positive)',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          post: {
            responses: {
              '201': { description: 'created', headers: { RateLimit: str } },
              '303': { description: 'see other' },
              '400': { description: 'bad request' },
              '404': { description: 'not found' },
              '4XX': { description: 'client error' },
              '429': tooMany,
              default: { description: 'error' },
            },
          },
        },
        '/health': { get: { responses: { '200': { description: 'ok' } } } },
        '/rates': { get: { responses: { '200': { description: 'ok' }, '4XX': { description: 'client error' } } } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: x-ratelimit-undisclosed on the operation or the response is honoured',
    document: oasDoc('3.1', {
      paths: {
        '/login': { post: { 'x-ratelimit-undisclosed': true, ...limited() } },
        '/otp': { post: { responses: { '200': { description: 'ok', 'x-ratelimit-undisclosed': true }, '429': tooMany } } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: info.x-ratelimit-undisclosed: true exempts the whole document',
    document: oasDoc('3.1', {
      info: { title: 'Payments API', version: '1.0.0', 'x-ratelimit-undisclosed': true },
      paths: { '/accounts': { get: limited() } },
    }),
    errors: [],
  },
  {
    name: '3.1: a limit or policy alone is incomplete',
    document: oasDoc('3.1', {
      paths: {
        '/a': { get: limited({ 'X-RateLimit-Limit': str }) },
        '/b': { get: limited({ 'RateLimit-Policy': str }) },
      },
    }),
    errors: [
      {
        message:
          'The 200 response of rate-limited GET /a documents X-RateLimit-Limit but not the remaining quota: add the IETF RateLimit field (or a -Remaining/-Reset field).',
        path: ['paths', '/a', 'get', 'responses', '200'],
      },
      { message: /documents RateLimit-Policy but not the remaining quota/, path: ['paths', '/b', 'get', 'responses', '200'] },
    ],
  },
  {
    name: '3.1: headers through components.headers are found; a shared 200 without them is reported once where written',
    document: oasDoc('3.1', {
      paths: {
        '/accounts': { get: { responses: { '200': { $ref: '#/components/responses/Ok' }, '429': tooMany } } },
        '/cards': { get: { responses: { '200': { $ref: '#/components/responses/Ok' }, '429': tooMany } } },
        '/limits': { get: { responses: { '200': { description: 'ok', headers: { RATELIMIT: { $ref: '#/components/headers/RateLimit' } } }, '429': tooMany } } },
      },
      components: { responses: { Ok: { description: 'ok' } }, headers: { RateLimit: str } },
    }),
    errors: [{ message: /^Response "Ok" \(the 200 of rate-limited GET \/accounts\)/, path: ['components', 'responses', 'Ok'] }],
  },
  {
    name: '3.1: a success response in another file is reported there',
    document: oasDoc('3.1', { paths: { '/accounts': { get: { responses: { '200': { $ref: 'ok.yaml' }, '429': tooMany } } } } }),
    files: { 'ok.yaml': { description: 'ok', headers: { 'X-Request-ID': str } } },
    errors: [{ path: [], source: 'ok.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: a 201 without quota headers fails',
    document: oasDoc('3.0', { paths: { '/payments': { post: { responses: { '201': { description: 'created' }, '429': tooMany } } } } }),
    errors: [{ path: ['paths', '/payments', 'post', 'responses', '201'] }],
  },
  {
    name: '3.0: X-RateLimit-Remaining-Minute (Kong) passes',
    document: oasDoc('3.0', { paths: { '/payments': { get: limited({ 'X-RateLimit-Remaining-Minute': str }) } } }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: inline RateLimit header passes',
    document: oasDoc('2.0', {
      paths: { '/payments': { get: { responses: { '200': { description: 'ok', headers: { RateLimit: { type: 'string' } } }, '429': { description: 'slow down' } } } } },
    }),
    errors: [],
  },
  {
    name: '2.0: a 200 without headers fails',
    document: oasDoc('2.0', {
      paths: { '/payments': { get: { responses: { '200': { description: 'ok' }, '429': { description: 'slow down' } } } } },
    }),
    errors: [{ path: ['paths', '/payments', 'get', 'responses', '200'] }],
  },
]);
