import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-error-auth-failure-uniform';

const errorBody = (schema: unknown, extra: Record<string, unknown> = {}) => ({
  description: 'failed',
  content: { 'application/problem+json': { schema, ...extra } },
});
const codes = (values: string[]) => ({ type: 'object', properties: { code: { type: 'string', enum: values } } });

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: UNKNOWN_USER next to WRONG_PASSWORD in one enum is reported at the enum',
    document: oasDoc('3.1', {
      paths: { '/login': { post: { responses: { '200': { description: 'ok' }, '401': errorBody(codes(['UNKNOWN_USER', 'WRONG_PASSWORD', 'ACCOUNT_LOCKED'])) } } } },
    }),
    errors: [
      {
        message:
          'Error texts "UNKNOWN_USER" and "WRONG_PASSWORD" of authentication operation POST /login tell a caller whether the user identifier or the password was wrong; answer every failed attempt with one generic code (e.g. INVALID_CREDENTIALS).',
        path: ['paths', '/login', 'post', 'responses', '401', 'content', 'application/problem+json', 'schema', 'properties', 'code', 'enum'],
      },
    ],
  },
  {
    name: '3.1: one generic code, and combined messages, pass',
    document: oasDoc('3.1', {
      paths: {
        '/login': { post: { responses: { '200': { description: 'ok' }, '401': errorBody(codes(['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'INVALID_USERNAME_OR_PASSWORD'])) } } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: examples across responses count; wrong PIN next to wrong OTP reveals the factor',
    document: oasDoc('3.1', {
      paths: {
        '/sca/verify': {
          post: {
            'x-auth-endpoint': true,
            responses: {
              '200': { description: 'ok' },
              '400': errorBody({ type: 'object' }, { example: { title: 'Invalid PIN' } }),
              '401': errorBody({ type: 'object' }, { examples: { otp: { value: { title: 'OTP incorrect' } } } }),
            },
          },
        },
      },
    }),
    errors: [
      {
        message: /"Invalid PIN" and "OTP incorrect" .* whether the PIN or the one-time code was wrong/,
        path: ['paths', '/sca/verify', 'post', 'responses', '401', 'content', 'application/problem+json', 'examples', 'otp', 'value'],
      },
    ],
  },
  {
    name: '3.1: registration and other non-authentication operations are not judged; descriptions are prose',
    document: oasDoc('3.1', {
      paths: {
        '/users': { post: { responses: { '201': { description: 'ok' }, '409': errorBody(codes(['EMAIL_ALREADY_REGISTERED', 'USER_NOT_FOUND', 'INVALID_PASSWORD'])) } } },
        '/transfers': { post: { responses: { '201': { description: 'ok' }, '422': errorBody(codes(['SOURCE_ACCOUNT_NOT_FOUND', 'INVALID_PIN'])) } } },
        '/login': {
          post: {
            responses: {
              '200': { description: 'ok' },
              '401': { description: 'Returned when the user is not found or the password is wrong.', content: { 'application/json': { schema: codes(['INVALID_CREDENTIALS']) } } },
            },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a shared error-code schema is reported once, where it is written',
    document: oasDoc('3.1', {
      paths: {
        '/login': { post: { responses: { '200': { description: 'ok' }, '401': errorBody({ $ref: '#/components/schemas/AuthError' }) } } },
        '/token': { post: { 'x-auth-endpoint': true, responses: { '200': { description: 'ok' }, '400': errorBody({ $ref: '#/components/schemas/AuthError' }) } } },
      },
      components: { schemas: { AuthError: codes(['USER_NOT_FOUND', 'PASSWORD_INCORRECT']) } },
    }),
    errors: [{ message: /"USER_NOT_FOUND" and "PASSWORD_INCORRECT"/, path: ['components', 'schemas', 'AuthError', 'properties', 'code', 'enum'] }],
  },
  {
    name: '3.1: an error schema in another file is reported there',
    document: oasDoc('3.1', {
      paths: { '/login': { post: { responses: { '200': { description: 'ok' }, '401': errorBody({ $ref: 'errors.yaml#/AuthError' }) } } } },
    }),
    files: { 'errors.yaml': { AuthError: codes(['UNKNOWN_EMAIL', 'WRONG_PASSWORD']) } },
    errors: [{ path: ['AuthError', 'properties', 'code', 'enum'], source: 'errors.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: distinct const values in oneOf branches are reported',
    document: oasDoc('3.0', {
      paths: {
        '/signin': {
          post: {
            responses: {
              '200': { description: 'ok' },
              '401': errorBody({ oneOf: [{ type: 'object', properties: { code: { type: 'string', enum: ['USER_UNKNOWN'] } } }, { type: 'object', properties: { code: { type: 'string', enum: ['BAD_PASSWORD'] } } }] }),
            },
          },
        },
      },
    }),
    errors: [{ message: /"USER_UNKNOWN" and "BAD_PASSWORD"/, path: ['paths', '/signin', 'post', 'responses', '401', 'content', 'application/problem+json', 'schema', 'oneOf', 1, 'properties', 'code', 'enum'] }],
  },
  {
    name: '3.0: a lock-out code next to a generic one passes',
    document: oasDoc('3.0', {
      paths: { '/signin': { post: { responses: { '200': { description: 'ok' }, '401': errorBody(codes(['AUTHENTICATION_FAILED', 'TOO_MANY_ATTEMPTS'])) } } } },
    }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: response examples by media type count',
    document: oasDoc('2.0', {
      paths: {
        '/login': {
          post: {
            responses: {
              '200': { description: 'ok' },
              '401': { description: 'failed', schema: { type: 'object' }, examples: { 'application/json': { errors: ['User does not exist', 'Password is invalid'] } } },
            },
          },
        },
      },
    }),
    errors: [{ path: ['paths', '/login', 'post', 'responses', '401', 'examples', 'application/json'] }],
  },
  {
    name: '2.0: a generic example passes',
    document: oasDoc('2.0', {
      paths: { '/login': { post: { responses: { '200': { description: 'ok' }, '401': { description: 'failed', schema: { type: 'object' }, examples: { 'application/json': { error: 'invalid_grant' } } } } } } },
    }),
    errors: [],
  },
]);
