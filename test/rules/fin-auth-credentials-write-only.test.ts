import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-auth-credentials-write-only';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ok = (schema: unknown) => ({ '200': { description: 'ok', ...json(schema) } });
const userRef = { $ref: '#/components/schemas/User' };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: a shared User schema with a plain password returned by GET is reported once, where it is written',
    document: oasDoc('3.1', {
      paths: {
        '/users': { post: { requestBody: json(userRef), responses: { '201': { description: 'created', ...json(userRef) } } } },
        '/users/{id}': { get: { responses: ok(userRef) } },
        '/me': { get: { responses: ok(userRef) } },
      },
      components: {
        schemas: {
          User: {
            type: 'object',
            properties: { username: { type: 'string', maxLength: 64 }, password: { type: 'string', maxLength: 128 } },
          },
        },
      },
    }),
    errors: [
      {
        message: 'Credential property "password" is sent in the 200 response of GET /users/{id}.',
        path: ['components', 'schemas', 'User', 'properties', 'password'],
      },
    ],
  },
  {
    name: '3.1: writeOnly credentials and credential metadata pass',
    document: oasDoc('3.1', {
      paths: {
        '/users': { post: { requestBody: json(userRef), responses: { '201': { description: 'created', ...json(userRef) } } } },
        '/users/{id}': { get: { responses: ok(userRef) } },
      },
      components: {
        schemas: {
          User: {
            type: 'object',
            properties: {
              username: { type: 'string', maxLength: 64 },
              password: { type: 'string', format: 'password', minLength: 12, maxLength: 128, writeOnly: true },
              pin: { type: 'string', pattern: '^[0-9]{4,6}$', writeOnly: true },
              passwordExpiresAt: { type: 'string', format: 'date-time' },
              passwordLastChanged: { type: 'string', format: 'date-time' },
              passwordPolicy: { type: 'string' },
              pinSet: { type: 'boolean' },
              otpRequired: { type: 'boolean' },
              hasSecret: { type: 'boolean' },
              tokenType: { type: 'string' },
              pageToken: { type: 'string' },
              nextPageToken: { type: 'string' },
              paymentToken: { type: 'string' },
              shippingAddress: { type: 'string' },
              spinnerColour: { type: 'string' },
              passwordChangeDate: { type: 'string', format: 'date' },
              passwordChangeIndicator: { type: 'string', enum: ['01', '02'] },
              otpDeliveryChannel: { type: 'string', enum: ['sms', 'email'] },
              pinLngthCpblties: { type: 'integer' },
            },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a request-only shared schema still needs writeOnly on its credentials',
    document: oasDoc('3.1', {
      paths: {
        '/sessions': {
          post: {
            requestBody: json({ $ref: '#/components/schemas/Login' }),
            responses: { '204': { description: 'signed in' } },
          },
        },
      },
      components: {
        schemas: {
          Login: {
            type: 'object',
            properties: {
              username: { type: 'string' },
              passphrase: { type: 'string' },
              otp: { type: 'string', writeOnly: true },
              oneTimePasscode: { type: 'string' },
            },
          },
        },
      },
    }),
    errors: [
      {
        message:
          'Credential property "passphrase" in a shared schema is not writeOnly: true, so a response that uses the schema would return it.',
        path: ['components', 'schemas', 'Login', 'properties', 'passphrase'],
      },
      { path: ['components', 'schemas', 'Login', 'properties', 'oneTimePasscode'] },
    ],
  },
  {
    name: '3.1: an inline response schema exposing a PIN inside allOf and items is reported at the inline path',
    document: oasDoc('3.1', {
      paths: {
        '/cards/{id}': {
          get: {
            responses: ok({
              type: 'array',
              items: { allOf: [{ type: 'object', properties: { pin: { type: 'string' } } }] },
            }),
          },
        },
      },
    }),
    errors: [
      {
        message: 'Credential property "pin" is sent in the 200 response of GET /cards/{id}.',
        path: ['paths', '/cards/{id}', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'items', 'allOf', 0, 'properties', 'pin'],
      },
    ],
  },
  {
    name: '3.1: tokens issued by a POST are allowed, tokens echoed by a GET or in an error response are not',
    document: oasDoc('3.1', {
      paths: {
        '/oauth/token': {
          post: {
            responses: {
              '200': {
                description: 'issued',
                ...json({
                  type: 'object',
                  properties: {
                    access_token: { type: 'string' },
                    refresh_token: { type: 'string' },
                    token_type: { type: 'string' },
                    expires_in: { type: 'integer' },
                  },
                }),
              },
              '400': { description: 'bad', ...json({ type: 'object', properties: { client_secret: { type: 'string' } } }) },
            },
          },
        },
        '/sessions/{id}': {
          get: { responses: ok({ type: 'object', properties: { sessionToken: { type: 'string' }, apiKey: { type: 'object', properties: { id: { type: 'string' } } } } }) },
        },
      },
    }),
    errors: [
      { message: 'Credential property "client_secret" is sent in the 400 response of POST /oauth/token.' },
      { message: 'Credential property "sessionToken" is sent in the 200 response of GET /sessions/{id}.' },
    ],
  },
  {
    name: '3.1: a password echoed in the response of the POST that sent it is reported',
    document: oasDoc('3.1', {
      paths: {
        '/users': { post: { requestBody: json(userRef), responses: { '201': { description: 'created', ...json(userRef) } } } },
      },
      components: { schemas: { User: { type: 'object', properties: { password: { type: 'string', format: 'password' } } } } },
    }),
    errors: [
      {
        message: 'Credential property "password" is sent in the 201 response of POST /users.',
        path: ['components', 'schemas', 'User', 'properties', 'password'],
      },
    ],
  },
  {
    name: '3.1: generated credentials returned where they are issued pass, also in response-only shared schemas',
    document: oasDoc('3.1', {
      paths: {
        '/api-credentials': {
          post: {
            requestBody: json({ type: 'object', properties: { description: { type: 'string' } } }),
            responses: { '201': { description: 'created', ...json({ $ref: '#/components/schemas/CreatedCredential' }) } },
          },
        },
        '/webhooks/{id}/secret': { get: { responses: ok({ type: 'object', properties: { secret: { type: 'string' } } }) } },
        '/merchants/{id}/settings': { get: { responses: ok({ type: 'object', properties: { publicApiKey: { type: 'string' } } }) } },
        '/accounts/{token}': {
          get: {
            responses: ok({
              type: 'object',
              properties: { token: { type: 'string', format: 'uuid' }, auth: { type: 'string', enum: ['3ds', 'none'] } },
            }),
          },
        },
      },
      components: {
        schemas: {
          CreatedCredential: {
            type: 'object',
            properties: { username: { type: 'string' }, password: { type: 'string' }, clientSecret: { type: 'string' } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a session schema issued by POST and read back by GET is reported for the GET',
    document: oasDoc('3.1', {
      paths: {
        '/sessions': { post: { responses: { '201': { description: 'created', ...json({ $ref: '#/components/schemas/Session' }) } } } },
        '/sessions/{id}': { get: { responses: ok({ $ref: '#/components/schemas/Session' }) } },
      },
      components: {
        schemas: { Session: { type: 'object', properties: { id: { type: 'string' }, sessionToken: { type: 'string' }, token: { type: 'string', format: 'password' } } } },
      },
    }),
    errors: [
      {
        message: 'Credential property "sessionToken" is sent in the 200 response of GET /sessions/{id}.',
        path: ['components', 'schemas', 'Session', 'properties', 'sessionToken'],
      },
      { message: 'Credential property "token" is sent in the 200 response of GET /sessions/{id}.' },
    ],
  },
  {
    name: '3.1: a writeOnly password shared with a webhook payload is still sent by the webhook',
    document: oasDoc('3.1', {
      paths: { '/users': { post: { requestBody: json(userRef), responses: { '201': { description: 'created' } } } } },
      webhooks: { userCreated: { post: { requestBody: json(userRef), responses: { '204': { description: 'received' } } } } },
      components: {
        schemas: { User: { type: 'object', properties: { password: { type: 'string', format: 'password', writeOnly: true } } } },
      },
    }),
    errors: [
      {
        message: 'Credential property "password" is sent in the request of webhook "userCreated".',
        path: ['components', 'schemas', 'User', 'properties', 'password'],
      },
    ],
  },
  {
    name: '3.1: x-data-classification confirms and overrides the name',
    document: oasDoc('3.1', {
      paths: {
        '/profile': {
          get: {
            responses: ok({
              type: 'object',
              properties: {
                memorableDate: { type: 'string', 'x-data-classification': 'credential' },
                pin: { type: 'string', 'x-data-classification': 'internal', description: 'Postal index number' },
              },
            }),
          },
        },
      },
    }),
    errors: [{ path: ['paths', '/profile', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'memorableDate'] }],
  },
  {
    name: '3.1: a schema in another file is reported in that file',
    document: oasDoc('3.1', { paths: { '/users/{id}': { get: { responses: ok({ $ref: 'schemas.yaml#/User' }) } } } }),
    files: { 'schemas.yaml': { User: { type: 'object', properties: { clientSecret: { type: 'string' } } } } },
    errors: [
      {
        message: 'Credential property "clientSecret" is sent in the 200 response of GET /users/{id}.',
        path: ['User', 'properties', 'clientSecret'],
        source: 'schemas.yaml',
      },
    ],
  },
  // OAS 3.0
  {
    name: '3.0: a security answer in a shared schema without writeOnly fails',
    document: oasDoc('3.0', {
      paths: { '/recovery': { put: { requestBody: json({ $ref: '#/components/schemas/Recovery' }), responses: { '204': { description: 'ok' } } } } },
      components: { schemas: { Recovery: { type: 'object', properties: { securityAnswer: { type: 'string' } } } } },
    }),
    errors: [{ path: ['components', 'schemas', 'Recovery', 'properties', 'securityAnswer'] }],
  },
  {
    name: '3.0: writeOnly via allOf on the property passes',
    document: oasDoc('3.0', {
      paths: { '/recovery': { put: { requestBody: json({ $ref: '#/components/schemas/Recovery' }), responses: { '204': { description: 'ok' } } } } },
      components: {
        schemas: {
          Secret: { type: 'string', format: 'password' },
          Recovery: { type: 'object', properties: { securityAnswer: { allOf: [{ $ref: '#/components/schemas/Secret' }], writeOnly: true } } },
        },
      },
    }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: a definition with a password reachable from a response fails',
    document: oasDoc('2.0', {
      paths: { '/users/{id}': { get: { responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/User' } } } } } },
      definitions: { User: { type: 'object', properties: { name: { type: 'string' }, password: { type: 'string' } } } },
    }),
    errors: [
      {
        message: 'Credential property "password" is sent in the 200 response of GET /users/{id}.',
        path: ['definitions', 'User', 'properties', 'password'],
      },
    ],
  },
  {
    name: '2.0: a password only in a request body passes (2.0 has no writeOnly)',
    document: oasDoc('2.0', {
      paths: {
        '/users': {
          post: {
            parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/NewUser' } }],
            responses: { '201': { description: 'created', schema: { $ref: '#/definitions/UserView' } } },
          },
        },
      },
      definitions: {
        NewUser: { type: 'object', properties: { name: { type: 'string' }, password: { type: 'string', format: 'password' } } },
        UserView: { type: 'object', properties: { name: { type: 'string' }, passwordLastChanged: { type: 'string', format: 'date-time' } } },
      },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  const doc = oasDoc('3.1', {
    paths: {
      '/keys': {
        post: { responses: { '201': { description: 'created', ...json({ type: 'object', properties: { apiKey: { type: 'string' }, memorableDate: { type: 'string' } } }) } } },
      },
    },
  });

  it('names adds credential phrases and allowAtIssuance: false reports issued credentials', async () => {
    const findings = await runRuleWithOptions(RULE, { names: ['memorable date'], allowAtIssuance: false }, doc);
    expect(findings.map((f) => f.message)).toEqual([
      'Credential property "apiKey" is sent in the 201 response of POST /keys.',
      'Credential property "memorableDate" is sent in the 201 response of POST /keys.',
    ]);
  });

  it('vetoes silence a name', async () => {
    const secretAlias = oasDoc('3.1', {
      paths: { '/vault/{id}': { get: { responses: ok({ type: 'object', properties: { secretAlias: { type: 'string' } } }) } } },
    });
    expect(await runRuleWithOptions(RULE, {}, secretAlias)).toHaveLength(1);
    expect(await runRuleWithOptions(RULE, { vetoes: ['alias'] }, secretAlias)).toEqual([]);
  });

  it('rejects unknown options', async () => {
    await expect(runRuleWithOptions(RULE, { nmes: ['x'] }, doc)).rejects.toThrow();
  });
});
