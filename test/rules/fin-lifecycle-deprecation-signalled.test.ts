import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-lifecycle-deprecation-signalled';
const lifecycle = { Deprecation: { schema: { type: 'string' } }, Sunset: { schema: { type: 'string' } } };

testRule(RULE, [
  {
    name: '3.1: a deprecated operation without headers or guidance fails at its deprecated flag',
    document: oasDoc('3.1', { paths: { '/v2/accounts': { get: { deprecated: true, responses: { '200': { description: 'ok' } } } } } }),
    errors: [
      {
        message:
          'GET /v2/accounts is deprecated, but its success responses document neither a Deprecation nor a Sunset header, and its description does not say what to use instead.',
        path: ['paths', '/v2/accounts', 'get', 'deprecated'],
      },
    ],
  },
  {
    name: '3.1: Deprecation and Sunset headers (case-insensitive, one is enough) and a pointer to the replacement pass',
    document: oasDoc('3.1', {
      components: { headers: { Sunset: { schema: { type: 'string' } } } },
      paths: {
        '/v2/accounts': {
          get: {
            deprecated: true,
            description: 'Replaced by GET /v3/accounts; removed after the Sunset date.',
            responses: { '200': { description: 'ok', headers: { sunset: { $ref: '#/components/headers/Sunset' } } } },
          },
        },
        '/v2/cards': { get: { deprecated: true, summary: 'Use /v3/cards instead', responses: { '200': { description: 'ok', headers: lifecycle } } } },
        '/v3/accounts': { get: { responses: { '200': { description: 'ok' } } } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a deprecated parameter in another file without guidance is reported there',
    document: oasDoc('3.1', { paths: { '/accounts': { get: { parameters: [{ $ref: 'params.yaml#/Sort' }], responses: { '200': { description: 'ok' } } } } } }),
    files: { 'params.yaml': { Sort: { name: 'sort', in: 'query', deprecated: true, description: 'Sort order.', schema: { type: 'string' } } } },
    errors: [{ message: 'Parameter "sort" of /accounts is deprecated, but its description does not say what to use instead.', path: ['Sort', 'deprecated'], source: 'params.yaml' }],
  },
  {
    name: '3.1: only the success responses that lack the headers are named; a deprecation extension is guidance',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          post: {
            deprecated: true,
            'x-deprecatedMessage': 'Use POST /payment-orders.',
            responses: { '201': { description: 'created', headers: lifecycle }, '202': { description: 'accepted' }, '400': { description: 'bad' } },
          },
        },
      },
    }),
    errors: [
      {
        message: 'POST /payments is deprecated, but its 202 response documents neither a Deprecation nor a Sunset header.',
        path: ['paths', '/payments', 'post', 'deprecated'],
      },
    ],
  },
  {
    name: '3.0: deprecated schema properties need guidance; x-deprecatedMessage, "instead" and "now returned by default" count',
    document: oasDoc('3.0', {
      components: {
        schemas: {
          Account: {
            type: 'object',
            properties: {
              homePhone: { type: 'string', deprecated: true, 'x-deprecatedMessage': 'Use `contact.phone` instead.' },
              nickname: { type: 'string', deprecated: true, description: 'Use displayName instead.' },
              legacyId: { type: 'string', deprecated: true, description: 'The old identifier.' },
              includeCategories: { type: 'boolean', deprecated: true, description: 'Categories are now returned by default.' },
            },
          },
        },
      },
      paths: { '/accounts': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Account' } } } } } } } },
    }),
    errors: [
      {
        message: 'Property "legacyId" is deprecated, but its description does not say what to use instead.',
        path: ['components', 'schemas', 'Account', 'properties', 'legacyId', 'deprecated'],
      },
    ],
  },
  {
    name: '3.0: an operation that is not deprecated needs nothing',
    document: oasDoc('3.0', { paths: { '/accounts': { get: { responses: { '200': { description: 'ok' } } } } } }),
    errors: [],
  },
  {
    name: '2.0: a deprecated operation with a Sunset header but no guidance fails',
    document: oasDoc('2.0', {
      paths: { '/accounts': { get: { deprecated: true, description: 'Lists accounts.', responses: { '200': { description: 'ok', headers: { Sunset: { type: 'string' } } } } } } },
    }),
    errors: [{ message: 'GET /accounts is deprecated, but its description does not say what to use instead.', path: ['paths', '/accounts', 'get', 'deprecated'] }],
  },
  {
    name: '2.0: header and guidance pass',
    document: oasDoc('2.0', {
      paths: {
        '/accounts': {
          get: { deprecated: true, description: 'Migrate to /v2/accounts.', responses: { '200': { description: 'ok', headers: { Deprecation: { type: 'string' } } } } },
        },
      },
    }),
    errors: [],
  },
]);
