import { describe, expect, it } from 'vitest';
import { runRuleWithOptions } from '../helpers/withOptions.js';
import { ruleConfig } from '../helpers/ruleConfig.js';
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

// Option mediaTypes: another error envelope replaces RFC 9457, here the UK Open Banking profile's OBErrorResponse1
// (application/json; charset=utf-8 with Code, Message, Errors), shaped as in the standards body's own documents.
const OBErrorResponse1 = {
  type: 'object',
  properties: {
    Code: { type: 'string', minLength: 1, maxLength: 40 },
    Id: { type: 'string', minLength: 1, maxLength: 40 },
    Message: { type: 'string', minLength: 1, maxLength: 500 },
    Errors: { type: 'array', minItems: 1, items: { type: 'object', properties: { ErrorCode: { type: 'string' }, Message: { type: 'string' } } } },
  },
  required: ['Code', 'Message', 'Errors'],
  additionalProperties: false,
};
const obError = { $ref: '#/components/schemas/OBErrorResponse1' };
const obContent = { 'application/json; charset=utf-8': { schema: obError }, 'application/json': { schema: obError }, 'application/jose+jwe': { schema: obError } };
const ENVELOPE = 'the error envelope (application/json with members "Code", "Message", "Errors")';
const ukConfig = ruleConfig(RULE, 'warn', { mediaTypes: ['application/json'], members: ['Code', 'Message', 'Errors'] });

testRule(
  RULE,
  [
    // OAS 3.1
    {
      name: 'mediaTypes 3.1: problem+json no longer counts; the message names the expected media type and members',
      document: oasDoc('3.1', {
        paths: { '/payments': { post: { responses: { '201': { description: 'created' }, '400': { description: 'bad', content: { 'application/problem+json': { schema: Problem } } } } } } },
      }),
      errors: [{ message: `The body of the 400 response of POST /payments is application/problem+json, not ${ENVELOPE}.`, path: ['paths', '/payments', 'post', 'responses', '400', 'content'] }],
    },
    {
      name: 'mediaTypes 3.1: inline responses without the envelope media type are grouped; a schema without the members is reported',
      document: oasDoc('3.1', {
        paths: {
          '/accounts': {
            get: {
              responses: {
                ...ok,
                '4XX': { description: 'client error', content: { 'text/plain': { schema: { type: 'string' } } } },
                default: { description: 'error', content: { 'application/xml': { schema: { type: 'object' } } } },
              },
            },
          },
          '/balances': { get: { responses: { ...ok, '500': { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } } } },
        },
        components: { schemas: { Error: { type: 'object', properties: { Code: { type: 'string' }, message: { type: 'string' } } } } },
      }),
      errors: [
        { message: `The 4XX, default responses of GET /accounts are text/plain, application/xml, not ${ENVELOPE}.`, path: ['paths', '/accounts', 'get', 'responses'] },
        {
          message: 'Error schema "Error" does not define the envelope members "Message", "Errors" (application/json envelope: "Code", "Message", "Errors").',
          path: ['components', 'schemas', 'Error'],
        },
      ],
    },
    {
      name: 'mediaTypes 3.1: application/json with parameters and in any case, next to application/jose+jwe, passes',
      document: oasDoc('3.1', {
        paths: {
          '/payments': {
            post: {
              responses: {
                '201': { description: 'created' },
                '400': { description: 'bad', content: obContent },
                '500': { description: 'error', content: { 'Application/JSON;Charset=UTF-8': { schema: obError } } },
              },
            },
          },
        },
        components: { schemas: { OBErrorResponse1 } },
      }),
      errors: [],
    },
    // OAS 3.0
    {
      name: 'mediaTypes 3.0: a shared error response offering only application/jose+jwe is reported at its content',
      document: oasDoc('3.0', {
        paths: { '/accounts': { get: { responses: { ...ok, '400': { $ref: '#/components/responses/400Error' } } } } },
        components: { responses: { '400Error': { description: 'Bad request', content: { 'application/jose+jwe': { schema: obError } } } }, schemas: { OBErrorResponse1 } },
      }),
      errors: [
        {
          message: `The body of response "400Error" (the 400 of GET /accounts) is application/jose+jwe, not ${ENVELOPE}.`,
          path: ['components', 'responses', '400Error', 'content'],
        },
      ],
    },
    {
      name: 'mediaTypes 3.0: an inline envelope schema without Errors is reported where it is written',
      document: oasDoc('3.0', {
        paths: {
          '/accounts': {
            get: { responses: { ...ok, '400': { description: 'bad', content: { 'application/json': { schema: { type: 'object', properties: { Code: { type: 'string' }, Message: { type: 'string' } } } } } } } },
          },
        },
      }),
      errors: [
        {
          message: 'The error schema of the 400 response of GET /accounts does not define the envelope member "Errors" (application/json envelope: "Code", "Message", "Errors").',
          path: ['paths', '/accounts', 'get', 'responses', '400', 'content', 'application/json', 'schema'],
        },
      ],
    },
    {
      name: 'mediaTypes 3.0: the UK Open Banking layout (shared error responses, bodiless 401/404) passes',
      document: oasDoc('3.0', {
        paths: {
          '/accounts': {
            get: {
              responses: {
                '200': { description: 'ok', content: { 'application/json; charset=utf-8': { schema: { type: 'object' } } } },
                '400': { $ref: '#/components/responses/400Error' },
                '401': { description: 'Unauthorized' },
                '404': { description: 'Not found' },
                '500': { $ref: '#/components/responses/500Error' },
              },
            },
          },
        },
        components: {
          responses: { '400Error': { description: 'Bad request', content: obContent }, '500Error': { description: 'Internal Server Error', content: obContent } },
          schemas: { OBErrorResponse1 },
        },
      }),
      errors: [],
    },
    {
      name: 'mediaTypes 3.0: an envelope schema in another file is reported there',
      document: oasDoc('3.0', {
        paths: { '/accounts': { get: { responses: { ...ok, '400': { description: 'bad', content: { 'application/json': { schema: { $ref: 'errors.yaml#/Error' } } } } } } } },
      }),
      files: { 'errors.yaml': { Error: { type: 'object', properties: { Errors: { type: 'array', items: { type: 'object' } } } } } },
      errors: [{ message: /does not define the envelope members "Code", "Message" \(application\/json envelope/, path: ['Error'], source: 'errors.yaml' }],
    },
    // OAS 2.0
    {
      name: 'mediaTypes 2.0: produces without application/json is reported at the root produces and at an operation\'s own produces',
      document: oasDoc('2.0', {
        produces: ['application/problem+json'],
        paths: {
          '/a': { get: { responses: { ...ok, '400': { description: 'bad', schema: OBErrorResponse1 } } } },
          '/b': { get: { produces: ['application/xml'], responses: { ...ok, '400': { description: 'bad', schema: OBErrorResponse1 } } } },
        },
      }),
      errors: [
        { message: `The document produces application/problem+json, not ${ENVELOPE}, for the error bodies of its operations.`, path: ['produces'] },
        { message: `Operation GET /b returns error bodies but produces application/xml, not ${ENVELOPE}.`, path: ['paths', '/b', 'get', 'produces'] },
      ],
    },
    {
      name: 'mediaTypes 2.0: an error definition without the envelope members is reported at the definition',
      document: oasDoc('2.0', {
        produces: ['application/json; charset=utf-8', 'application/json'],
        paths: { '/a': { get: { responses: { ...ok, '400': { description: 'bad', schema: { $ref: '#/definitions/Error' } } } } } },
        definitions: { Error: { type: 'object', properties: { Code: { type: 'string' }, Message: { type: 'string' } } } },
      }),
      errors: [{ message: 'Error schema "Error" does not define the envelope member "Errors" (application/json envelope: "Code", "Message", "Errors").', path: ['definitions', 'Error'] }],
    },
    {
      name: 'mediaTypes 2.0: the UK Open Banking layout (root produces with charset, shared responses to OBErrorResponse1) passes',
      document: oasDoc('2.0', {
        produces: ['application/json; charset=utf-8', 'application/json', 'application/jose+jwe'],
        paths: {
          '/accounts': {
            get: { responses: { ...ok, '400': { $ref: '#/responses/400Error' }, '401': { description: 'Unauthorized' }, '500': { $ref: '#/responses/500Error' } } },
          },
        },
        responses: {
          '400Error': { description: 'Bad request', schema: { $ref: '#/definitions/OBErrorResponse1' } },
          '500Error': { description: 'Internal Server Error', schema: { $ref: '#/definitions/OBErrorResponse1' } },
        },
        definitions: { OBErrorResponse1 },
      }),
      errors: [],
    },
  ],
  { config: ukConfig },
);

describe(`${RULE} mediaTypes`, () => {
  const doc = oasDoc('3.1', {
    paths: {
      '/a': {
        get: {
          responses: {
            '400': { description: 'bad', content: { 'application/vnd.error+json': { schema: { type: 'object', properties: { message: {} } } } } },
            '500': { description: 'error', content: { 'text/html': { schema: { type: 'string' } } } },
          },
        },
      },
    },
  });

  it('names every configured media type and a single member in the singular', async () => {
    const findings = await runRuleWithOptions(RULE, { mediaTypes: ['application/json', 'application/vnd.error+json; charset=utf-8'], members: ['message'] }, doc);
    expect(findings.map((f) => f.message)).toEqual([
      'The body of the 500 response of GET /a is text/html, not the error envelope (application/json or application/vnd.error+json with member "message").',
    ]);
  });

  it('keeps the RFC 9457 members by default', async () => {
    const findings = await runRuleWithOptions(RULE, { mediaTypes: ['application/vnd.error+json'] }, doc);
    expect(findings.map((f) => f.message)).toEqual([
      'The error schema of the 400 response of GET /a does not define the envelope members "type", "title" (application/vnd.error+json envelope: "type", "title").',
      'The body of the 500 response of GET /a is text/html, not the error envelope (application/vnd.error+json with members "type", "title").',
    ]);
  });

  it.each([[{ mediaTypes: [] }], [{ mediaTypes: ['json'] }], [{ mediaTypes: 'application/json' }]])('rejects %j with the options example', async (options) => {
    const error: unknown = await runRuleWithOptions(RULE, options, doc).then(
      () => undefined,
      (e: unknown) => e,
    );
    const messages = error instanceof AggregateError ? error.errors.map((x: unknown) => String((x as Error).message)) : [String(error)];
    expect(messages).toEqual([expect.stringContaining('mediaTypes?: string[] (type/subtype)')]);
  });
});
