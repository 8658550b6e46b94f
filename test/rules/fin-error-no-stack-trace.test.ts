import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-error-no-stack-trace';

const str = { type: 'string', maxLength: 2000 };
const problem = (schema: unknown) => ({ description: 'error', content: { 'application/problem+json': { schema } } });

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: stackTrace in a shared Error schema is reported once, at the property',
    document: oasDoc('3.1', {
      paths: {
        '/payments': { post: { responses: { '201': { description: 'created' }, '500': problem({ $ref: '#/components/schemas/Error' }) } } },
        '/refunds': { post: { responses: { '201': { description: 'created' }, '400': problem({ $ref: '#/components/schemas/Error' }) } } },
      },
      components: { schemas: { Error: { type: 'object', properties: { message: str, stackTrace: str } } } },
    }),
    errors: [
      {
        message:
          'Error schema property "stackTrace" exposes a stack trace (reachable from the 500 response of POST /payments); keep internals in server logs and return a traceId instead.',
        path: ['components', 'schemas', 'Error', 'properties', 'stackTrace'],
      },
    ],
  },
  {
    name: '3.1: correlation ids and validation pointers are not internals (traceId is not a stack trace)',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          post: {
            responses: {
              '422': problem({
                type: 'object',
                properties: {
                  type: str,
                  title: str,
                  traceId: str,
                  trace_id: str,
                  traceparent: str,
                  debug_id: str,
                  exceptionCode: str,
                  cause: str,
                  query: { type: 'object', properties: { limit: { type: 'integer' } } },
                  debug: { type: 'boolean' },
                  errors: { type: 'array', items: { type: 'object', properties: { pointer: str, path: str, line: { type: 'integer' } } } },
                },
              }),
            },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: internals nested in items, allOf members and default/4XX/5XX responses are found',
    document: oasDoc('3.1', {
      paths: {
        '/a': {
          get: {
            responses: {
              default: problem({ allOf: [{ type: 'object', properties: { title: str } }, { type: 'object', properties: { exception: { type: 'object' } } }] }),
              '4XX': problem({ type: 'object', properties: { errors: { type: 'array', items: { type: 'object', properties: { sqlState: str } } } } }),
              '5XX': problem({ type: 'object', properties: { cause: { type: 'object', properties: { message: str } }, hostname: str } }),
            },
          },
        },
      },
    }),
    errors: [
      { message: /"exception" exposes exception details/, path: ['paths', '/a', 'get', 'responses', 'default', 'content', 'application/problem+json', 'schema', 'allOf', 1, 'properties', 'exception'] },
      { message: /"sqlState" exposes SQL/, path: ['paths', '/a', 'get', 'responses', '4XX', 'content', 'application/problem+json', 'schema', 'properties', 'errors', 'items', 'properties', 'sqlState'] },
      { message: /"cause" exposes a chained cause/, path: ['paths', '/a', 'get', 'responses', '5XX', 'content', 'application/problem+json', 'schema', 'properties', 'cause'] },
      { message: /"hostname" exposes a host name/, path: ['paths', '/a', 'get', 'responses', '5XX', 'content', 'application/problem+json', 'schema', 'properties', 'hostname'] },
    ],
  },
  {
    name: '3.1: a stack frame (file + line) is a source location; success responses are not judged',
    document: oasDoc('3.1', {
      paths: {
        '/a': {
          get: {
            responses: {
              '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { stack: str } } } } },
              '500': problem({ type: 'object', properties: { frames: { type: 'array', items: { type: 'object', properties: { file: str, line: { type: 'integer' } } } } } }),
            },
          },
        },
      },
    }),
    errors: [{ message: /"file" exposes a source location \(file and line\)/, path: ['paths', '/a', 'get', 'responses', '500', 'content', 'application/problem+json', 'schema', 'properties', 'frames', 'items', 'properties', 'file'] }],
  },
  {
    name: '3.1: a schema shared by a 200 and a 500 is judged; writeOnly properties are skipped',
    document: oasDoc('3.1', {
      paths: {
        '/a': {
          get: {
            responses: {
              '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Envelope' } } } },
              '500': { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Envelope' } } } },
            },
          },
        },
      },
      components: { schemas: { Envelope: { type: 'object', properties: { debugInfo: str, password: { ...str, writeOnly: true } } } } },
    }),
    errors: [{ message: /"debugInfo" exposes debug information/, path: ['components', 'schemas', 'Envelope', 'properties', 'debugInfo'] }],
  },
  {
    name: '3.1: an error schema in another file is reported there',
    document: oasDoc('3.1', { paths: { '/a': { get: { responses: { '500': problem({ $ref: 'schemas.yaml#/Error' }) } } } } }),
    files: { 'schemas.yaml': { Error: { type: 'object', properties: { title: str, stack_trace: str } } } },
    errors: [{ path: ['Error', 'properties', 'stack_trace'], source: 'schemas.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: innerException fails',
    document: oasDoc('3.0', {
      paths: { '/a': { get: { responses: { '502': problem({ type: 'object', properties: { innerException: { type: 'object' } } }) } } } },
    }),
    errors: [{ path: ['paths', '/a', 'get', 'responses', '502', 'content', 'application/problem+json', 'schema', 'properties', 'innerException'] }],
  },
  {
    name: '3.0: a clean problem passes',
    document: oasDoc('3.0', {
      paths: { '/a': { get: { responses: { '502': problem({ type: 'object', properties: { title: str, detail: str, instance: str } }) } } } },
    }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: serverVersion in an error definition fails',
    document: oasDoc('2.0', {
      paths: { '/a': { get: { responses: { '200': { description: 'ok' }, '500': { description: 'error', schema: { $ref: '#/definitions/Error' } } } } } },
      definitions: { Error: { type: 'object', properties: { message: { type: 'string' }, serverVersion: { type: 'string' } } } },
    }),
    errors: [{ message: /"serverVersion" exposes a server version/, path: ['definitions', 'Error', 'properties', 'serverVersion'] }],
  },
  {
    name: '2.0: a clean error definition passes',
    document: oasDoc('2.0', {
      paths: { '/a': { get: { responses: { '500': { description: 'error', schema: { type: 'object', properties: { message: { type: 'string' }, requestId: { type: 'string' } } } } } } } },
    }),
    errors: [],
  },
]);
