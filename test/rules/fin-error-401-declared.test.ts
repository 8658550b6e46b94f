import { describe, expect, it } from 'vitest';
import { runRuleWithOptions } from '../helpers/withOptions.js';
import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-error-401-declared';

const bearer = { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } };
const challenge = { 'WWW-Authenticate': { schema: { type: 'string', maxLength: 500 } } };
const ok = { '200': { description: 'ok' } };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: a secured operation without 401 is reported at its responses',
    document: oasDoc('3.1', {
      security: [{ bearer: [] }],
      components: { securitySchemes: bearer },
      paths: { '/accounts': { get: { responses: ok } } },
    }),
    errors: [{ message: 'Secured operation GET /accounts declares no 401 (Unauthorized) response.', path: ['paths', '/accounts', 'get', 'responses'] }],
  },
  {
    name: '3.1: a shared 401 with WWW-Authenticate (any case, via components.headers) passes',
    document: oasDoc('3.1', {
      security: [{ bearer: [] }],
      components: {
        securitySchemes: bearer,
        headers: { Challenge: { schema: { type: 'string' } } },
        responses: { Unauthorized: { description: 'unauthenticated', headers: { 'www-authenticate': { $ref: '#/components/headers/Challenge' } } } },
      },
      paths: { '/accounts': { get: { responses: { ...ok, '401': { $ref: '#/components/responses/Unauthorized' } } } } },
    }),
    errors: [],
  },
  {
    name: '3.1: a 401 without WWW-Authenticate is reported once where it is written',
    document: oasDoc('3.1', {
      security: [{ bearer: [] }],
      components: { securitySchemes: bearer, responses: { Unauthorized: { description: 'unauthenticated' } } },
      paths: {
        '/accounts': { get: { responses: { ...ok, '401': { $ref: '#/components/responses/Unauthorized' } } } },
        '/cards': { get: { responses: { ...ok, '401': { $ref: '#/components/responses/Unauthorized' } } } },
      },
    }),
    errors: [
      {
        message:
          'Response "Unauthorized" (the 401 of GET /accounts) does not document the WWW-Authenticate header that carries the authentication challenge (RFC 9110 §11.6.1).',
        path: ['components', 'responses', 'Unauthorized'],
      },
    ],
  },
  {
    name: '3.1: a 4XX range or default does not stand for 401',
    document: oasDoc('3.1', {
      security: [{ bearer: [] }],
      components: { securitySchemes: bearer },
      paths: { '/accounts': { get: { responses: { ...ok, '4XX': { description: 'client error', headers: challenge } } } } },
    }),
    errors: [
      {
        message:
          'Secured operation GET /accounts declares no 401 (Unauthorized) response; its 4XX response does not tell clients how a missing, expired or invalid credential is signalled.',
        path: ['paths', '/accounts', 'get', 'responses'],
      },
    ],
  },
  {
    name: '3.1: unsecured, anonymous-only and mutualTLS-only operations are not asked; API keys need no challenge',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: { mtls: { type: 'mutualTLS' }, key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
      },
      paths: {
        '/health': { get: { security: [], responses: ok } },
        '/rates': { get: { security: [{}], responses: ok } },
        '/transfers': { post: { security: [{ mtls: [] }], responses: ok } },
        '/reports': { get: { security: [{ key: [] }], responses: { ...ok, '401': { description: 'bad key' } } } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a 401 in another file without the challenge is reported there',
    document: oasDoc('3.1', {
      security: [{ oauth: ['accounts'] }],
      components: {
        securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.bank.example/token', scopes: { accounts: 'read' } } } } },
      },
      paths: { '/accounts': { get: { responses: { ...ok, '401': { $ref: 'errors.yaml#/Unauthorized' } } } } },
    }),
    files: { 'errors.yaml': { Unauthorized: { description: 'unauthenticated' } } },
    errors: [{ path: ['Unauthorized'], source: 'errors.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: openIdConnect operation without 401 fails',
    document: oasDoc('3.0', {
      components: { securitySchemes: { oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' } } },
      paths: { '/me': { get: { security: [{ oidc: [] }], responses: ok } } },
    }),
    errors: [{ path: ['paths', '/me', 'get', 'responses'] }],
  },
  {
    name: '3.0: 401 with WWW-Authenticate passes',
    document: oasDoc('3.0', {
      components: { securitySchemes: bearer },
      paths: { '/me': { get: { security: [{ bearer: [] }], responses: { ...ok, '401': { description: 'unauthenticated', headers: challenge } } } } },
    }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: oauth2 without 401 fails; inline 401 with the header passes',
    document: oasDoc('2.0', {
      securityDefinitions: { oauth: { type: 'oauth2', flow: 'application', tokenUrl: 'https://auth.bank.example/token', scopes: {} } },
      security: [{ oauth: [] }],
      paths: {
        '/a': { get: { responses: ok } },
        '/b': { get: { responses: { ...ok, '401': { description: 'unauthenticated', headers: { 'WWW-Authenticate': { type: 'string' } } } } } },
      },
    }),
    errors: [{ path: ['paths', '/a', 'get', 'responses'] }],
  },
  {
    name: '2.0: apiKey with a 401 passes',
    document: oasDoc('2.0', {
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
      security: [{ key: [] }],
      paths: { '/a': { get: { responses: { ...ok, '401': { description: 'bad key' } } } } },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  it('requireWwwAuthenticate: false asks only for the 401', async () => {
    const doc = oasDoc('3.1', {
      security: [{ bearer: [] }],
      components: { securitySchemes: bearer },
      paths: { '/a': { get: { responses: { ...ok, '401': { description: 'unauthenticated' } } } } },
    });
    expect(await runRuleWithOptions(RULE, { requireWwwAuthenticate: false }, doc)).toEqual([]);
    expect(await runRuleWithOptions(RULE, {}, doc)).toHaveLength(1);
  });
});
