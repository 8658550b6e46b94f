import { describe, expect, it } from 'vitest';
import { runRuleWithOptions } from '../helpers/withOptions.js';
import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-error-problem-details';

const Problem = {
  type: 'object',
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    traceId: { type: 'string' },
  },
};
const ok = { '200': { description: 'ok' } };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: an application/json error body is reported at its content',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          post: {
            responses: {
              '201': { description: 'created' },
              '400': { description: 'bad request', content: { 'application/json': { schema: { type: 'object', properties: { msg: { type: 'string' } } } } } },
            },
          },
        },
      },
    }),
    errors: [
      {
        message: 'The body of the 400 response of POST /payments is application/json, not application/problem+json (RFC 9457).',
        path: ['paths', '/payments', 'post', 'responses', '400', 'content'],
      },
    ],
  },
  {
    name: '3.1: problem+json with the RFC 9457 members, also for 4XX, 5XX and default, passes',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          post: {
            responses: {
              '201': { description: 'created' },
              '4XX': { description: 'client error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
              '5XX': { description: 'server error', content: { 'application/problem+xml': { schema: { $ref: '#/components/schemas/Problem' } } } },
              default: { description: 'error', content: { 'application/problem+json; charset=utf-8': { schema: { $ref: '#/components/schemas/Problem' } } } },
            },
          },
        },
      },
      components: { schemas: { Problem } },
    }),
    errors: [],
  },
  {
    name: '3.1: range and default keys count as error responses, grouped per operation',
    document: oasDoc('3.1', {
      paths: {
        '/accounts': {
          get: {
            responses: {
              ...ok,
              '4XX': { description: 'client error', content: { 'application/json': { schema: { type: 'object' } } } },
              default: { description: 'error', content: { 'text/plain': { schema: { type: 'string' } } } },
            },
          },
        },
      },
    }),
    errors: [
      {
        message: 'The 4XX, default responses of GET /accounts are application/json, text/plain, not application/problem+json (RFC 9457).',
        path: ['paths', '/accounts', 'get', 'responses'],
      },
    ],
  },
  {
    name: '3.1: content negotiation (problem+json next to application/json), success bodies and bodiless errors pass',
    document: oasDoc('3.1', {
      paths: {
        '/accounts': {
          get: {
            responses: {
              '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } },
              '404': { description: 'not found' },
              '500': {
                description: 'error',
                content: {
                  'application/json': { schema: { $ref: '#/components/schemas/Problem' } },
                  'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
                },
              },
            },
          },
        },
      },
      components: { schemas: { Problem } },
    }),
    errors: [],
  },
  {
    name: '3.1: a shared problem schema without type and title is reported once, where it is written',
    document: oasDoc('3.1', {
      paths: {
        '/a': { get: { responses: { ...ok, '400': { description: 'x', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Error' } } } } } } },
        '/b': { get: { responses: { ...ok, '500': { description: 'x', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Error' } } } } } } },
      },
      components: { schemas: { Error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } } },
    }),
    errors: [{ message: 'Problem schema "Error" does not define the RFC 9457 members "type", "title".', path: ['components', 'schemas', 'Error'] }],
  },
  {
    name: '3.1: members contributed by allOf count; oneOf branches must each have them',
    document: oasDoc('3.1', {
      paths: {
        '/a': {
          get: {
            responses: {
              ...ok,
              '400': {
                description: 'x',
                content: {
                  'application/problem+json': {
                    schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { errors: { type: 'array', items: { type: 'string' } } } }] },
                  },
                },
              },
              '409': {
                description: 'x',
                content: {
                  'application/problem+json': {
                    schema: {
                      oneOf: [
                        { type: 'object', properties: { type: { type: 'string' }, title: { type: 'string' } } },
                        { type: 'object', properties: { title: { type: 'string' } } },
                      ],
                    },
                  },
                },
              },
            },
          },
        },
      },
      components: { schemas: { Problem } },
    }),
    errors: [
      { message: 'The problem schema of the 409 response of GET /a does not define the RFC 9457 member "type".', path: ['paths', '/a', 'get', 'responses', '409', 'content', 'application/problem+json', 'schema'] },
    ],
  },
  {
    name: '3.1: a shared error response in another file is reported there',
    document: oasDoc('3.1', { paths: { '/a': { get: { responses: { ...ok, '400': { $ref: 'errors.yaml#/BadRequest' } } } } } }),
    files: { 'errors.yaml': { BadRequest: { description: 'bad', content: { 'application/json': { schema: { type: 'object' } } } } } },
    errors: [{ path: ['BadRequest', 'content'], source: 'errors.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: a shared application/json error response is reported once at the component',
    document: oasDoc('3.0', {
      paths: {
        '/a': { get: { responses: { ...ok, '400': { $ref: '#/components/responses/BadRequest' } } } },
        '/b': { get: { responses: { ...ok, '400': { $ref: '#/components/responses/BadRequest' } } } },
      },
      components: { responses: { BadRequest: { description: 'bad', content: { 'application/json': { schema: { type: 'object' } } } } } },
    }),
    errors: [
      {
        message: 'The body of response "BadRequest" (the 400 of GET /a) is application/json, not application/problem+json (RFC 9457).',
        path: ['components', 'responses', 'BadRequest', 'content'],
      },
    ],
  },
  {
    name: '3.0: problem+json passes',
    document: oasDoc('3.0', {
      paths: { '/a': { get: { responses: { ...ok, '400': { description: 'bad', content: { 'application/problem+json': { schema: Problem } } } } } } },
    }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: produces without problem+json is reported at the root produces, once; produces: [] inherits; schemas are not judged then',
    document: oasDoc('2.0', {
      produces: ['application/json'],
      paths: {
        '/a': { get: { responses: { ...ok, '400': { description: 'bad', schema: Problem } } } },
        '/b': { get: { produces: [], responses: { ...ok, '500': { description: 'bad', schema: { type: 'object', properties: { msg: { type: 'string' } } } } } } },
      },
    }),
    errors: [{ message: 'The document produces application/json, not application/problem+json (RFC 9457), for the error bodies of its operations.', path: ['produces'] }],
  },
  {
    name: '2.0: an operation producing problem+json with a complete schema passes; its own produces is judged',
    document: oasDoc('2.0', {
      produces: ['application/json'],
      paths: {
        '/a': { get: { produces: ['application/json', 'application/problem+json'], responses: { ...ok, '400': { description: 'bad', schema: Problem } } } },
        '/b': { get: { responses: ok } },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: an incomplete error schema is reported at its definition',
    document: oasDoc('2.0', {
      produces: ['application/problem+json'],
      paths: { '/a': { get: { responses: { ...ok, default: { description: 'error', schema: { $ref: '#/definitions/Error' } } } } } },
      definitions: { Error: { type: 'object', properties: { title: { type: 'string' } } } },
    }),
    errors: [{ message: 'Problem schema "Error" does not define the RFC 9457 member "type".', path: ['definitions', 'Error'] }],
  },
]);

describe(`${RULE} options`, () => {
  it('members makes status and detail mandatory too', async () => {
    const doc = oasDoc('3.1', {
      paths: { '/a': { get: { responses: { '400': { description: 'bad', content: { 'application/problem+json': { schema: { type: 'object', properties: { type: {}, title: {} } } } } } } } } },
    });
    const findings = await runRuleWithOptions(RULE, { members: ['type', 'title', 'status', 'detail'] }, doc);
    expect(findings.map((f) => f.message)).toEqual(['The problem schema of the 400 response of GET /a does not define the RFC 9457 members "status", "detail".']);
  });
});
