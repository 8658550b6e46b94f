import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-auth-unused-scopes';

const ok = { '200': { description: 'ok' } };
const flows = {
  authorizationCode: {
    authorizationUrl: 'https://auth.bank.example/authorize',
    tokenUrl: 'https://auth.bank.example/token',
    scopes: { accounts: 'Read accounts', 'admin:all': 'Everything' },
  },
};

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: a declared scope no requirement uses is reported at its declaration',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: { type: 'oauth2', flows } } },
      security: [{ oauth: ['accounts'] }],
      paths: { '/accounts': { get: { responses: ok } } },
    }),
    errors: [
      {
        message: 'Scope "admin:all" of scheme "oauth" (authorizationCode flow) is declared but no security requirement uses it.',
        path: ['components', 'securitySchemes', 'oauth', 'flows', 'authorizationCode', 'scopes', 'admin:all'],
      },
    ],
  },
  {
    name: '3.1: an unused scheme is reported once, without its scopes',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          oauth: { type: 'oauth2', flows },
          legacyKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
      paths: { '/accounts': { get: { security: [{ legacyKey: [] }], responses: ok } } },
    }),
    errors: [{ message: 'Security scheme "oauth" is declared but no security requirement uses it.', path: ['components', 'securitySchemes', 'oauth'] }],
  },
  {
    name: '3.1: scopes used by operations, webhooks and callbacks pass',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: { type: 'oauth2', flows } } },
      paths: {
        '/accounts': {
          get: {
            security: [{ oauth: ['accounts'] }],
            responses: ok,
            callbacks: { onEvent: { '{$request.body#/url}': { post: { security: [{ oauth: ['admin:all'] }], responses: ok } } } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a document without operations (a shared components file) is skipped',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: { type: 'oauth2', flows } } } }),
    errors: [],
  },
  {
    name: '3.1: a scheme $ref\'d from another file is reported there',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: { $ref: 'schemes.yaml#/OAuth' } } },
      security: [{ oauth: ['accounts'] }],
      paths: { '/accounts': { get: { responses: ok } } },
    }),
    // A scope name with ':' in another file is mapped by Spectral to the `scopes` object only (engine limitation).
    files: {
      'schemes.yaml': {
        OAuth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.bank.example/token', scopes: { accounts: 'Read', reports: 'Reports' } } } },
      },
    },
    errors: [{ path: ['OAuth', 'flows', 'clientCredentials', 'scopes', 'reports'], source: 'schemes.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: the same unused scope declared in two flows is reported in each',
    document: oasDoc('3.0', {
      components: {
        securitySchemes: {
          oauth: {
            type: 'oauth2',
            flows: { ...flows, clientCredentials: { tokenUrl: 'https://auth.bank.example/token', scopes: { 'admin:all': 'Everything' } } },
          },
        },
      },
      paths: { '/accounts': { get: { security: [{ oauth: ['accounts'] }], responses: ok } } },
    }),
    errors: [
      { path: ['components', 'securitySchemes', 'oauth', 'flows', 'authorizationCode', 'scopes', 'admin:all'] },
      { path: ['components', 'securitySchemes', 'oauth', 'flows', 'clientCredentials', 'scopes', 'admin:all'] },
    ],
  },
  {
    name: '3.0: every scope used passes',
    document: oasDoc('3.0', {
      components: { securitySchemes: { oauth: { type: 'oauth2', flows } } },
      paths: { '/accounts': { get: { security: [{ oauth: ['accounts'] }, { oauth: ['admin:all'] }], responses: ok } } },
    }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: an unused scope of a 2.0 scheme is reported',
    document: oasDoc('2.0', {
      securityDefinitions: {
        oauth: { type: 'oauth2', flow: 'application', tokenUrl: 'https://auth.bank.example/token', scopes: { payments: 'Pay', refunds: 'Refund' } },
      },
      security: [{ oauth: ['payments'] }],
      paths: { '/payments': { post: { responses: ok } } },
    }),
    errors: [{ path: ['securityDefinitions', 'oauth', 'scopes', 'refunds'] }],
  },
  {
    name: '2.0: every scope used passes',
    document: oasDoc('2.0', {
      securityDefinitions: {
        oauth: { type: 'oauth2', flow: 'application', tokenUrl: 'https://auth.bank.example/token', scopes: { payments: 'Pay' } },
      },
      security: [{ oauth: ['payments'] }],
      paths: { '/payments': { post: { responses: ok } } },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  const doc = oasDoc('3.1', {
    components: { securitySchemes: { oauth: { type: 'oauth2', flows }, spare: { type: 'http', scheme: 'bearer' } } },
    security: [{ oauth: ['accounts'] }],
    paths: { '/accounts': { get: { responses: ok } } },
  });

  it('ignoreScopes and ignoreSchemes silence findings for scopes and schemes used by sibling APIs', async () => {
    expect(await runRuleWithOptions(RULE, {}, doc)).toHaveLength(2);
    expect(await runRuleWithOptions(RULE, { ignoreScopes: ['admin:all'], ignoreSchemes: ['spare'] }, doc)).toEqual([]);
  });
});
