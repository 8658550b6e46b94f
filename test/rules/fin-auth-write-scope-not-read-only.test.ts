import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-auth-write-scope-not-read-only';

const ok = { '200': { description: 'ok' } };
const schemes = {
  securitySchemes: {
    oauth: {
      type: 'oauth2',
      flows: {
        authorizationCode: {
          authorizationUrl: 'https://auth.bank.example/authorize',
          tokenUrl: 'https://auth.bank.example/token',
          scopes: {
            'cards:read': 'Read cards',
            'cards:write': 'Manage cards',
            'read:accounts': 'Read accounts',
            'accounts.readonly': 'Read accounts',
            read_write: 'Everything',
            payments: 'Payments',
          },
        },
      },
    },
    oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' },
  },
};

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: a DELETE that only needs cards:read is reported at its alternative',
    document: oasDoc('3.1', { components: schemes, paths: { '/cards/{id}': { delete: { security: [{ oauth: ['cards:read'] }], responses: ok } } } }),
    errors: [
      {
        message: 'Write operation DELETE /cards/{id} has a security alternative that grants only read-type scopes ("cards:read").',
        path: ['paths', '/cards/{id}', 'delete', 'security', 0],
      },
    ],
  },
  {
    name: '3.1: read:x, x.readonly and OpenID identity scopes count as read-type',
    document: oasDoc('3.1', {
      components: schemes,
      paths: {
        '/accounts': {
          post: { security: [{ oauth: ['read:accounts', 'accounts.readonly'] }], responses: ok },
          patch: { security: [{ oidc: ['openid', 'profile'] }], responses: ok },
        },
      },
    }),
    errors: [
      { path: ['paths', '/accounts', 'post', 'security', 0] },
      { message: /grants only read-type scopes \("openid", "profile"\)/, path: ['paths', '/accounts', 'patch', 'security', 0] },
    ],
  },
  {
    name: '3.1: write scopes, read_write, resource-named scopes, read operations and unscoped alternatives pass',
    document: oasDoc('3.1', {
      components: schemes,
      paths: {
        '/cards/{id}': {
          get: { security: [{ oauth: ['cards:read'] }], responses: ok },
          delete: { security: [{ oauth: ['cards:read', 'cards:write'] }], responses: ok },
          put: { security: [{ oauth: ['read_write'] }], responses: ok },
          patch: { security: [{ oidc: ['openid', 'payments'] }, { oauth: [] }], responses: ok },
        },
        '/invoices/search-invoices': { post: { security: [{ oauth: ['cards:read'] }], responses: ok } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a read-only root alternative inherited by writes is reported once at the root',
    document: oasDoc('3.1', {
      components: schemes,
      security: [{ oauth: ['cards:read'] }],
      paths: { '/cards': { post: { responses: ok }, get: { responses: ok } }, '/cards/{id}': { delete: { responses: ok } } },
    }),
    errors: [
      {
        message: 'Root security alternative 0 grants only read-type scopes ("cards:read"), and 2 write operations inherit it (POST /cards, DELETE /cards/{id}).',
        path: ['security', 0],
      },
    ],
  },
  {
    name: '3.1: an operation in a $ref\'d path item file is reported there',
    document: oasDoc('3.1', { components: schemes, paths: { '/cards/{id}': { $ref: 'cards.yaml' } } }),
    files: { 'cards.yaml': { put: { security: [{ oauth: ['cards:read'] }], responses: ok } } },
    errors: [{ path: ['put', 'security', 0], source: 'cards.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: PATCH with accounts.readonly fails',
    document: oasDoc('3.0', { components: schemes, paths: { '/accounts/{id}': { patch: { security: [{ oauth: ['accounts.readonly'] }], responses: ok } } } }),
    errors: [{ path: ['paths', '/accounts/{id}', 'patch', 'security', 0] }],
  },
  {
    name: '3.0: PATCH with cards:write passes',
    document: oasDoc('3.0', { components: schemes, paths: { '/accounts/{id}': { patch: { security: [{ oauth: ['cards:write'] }], responses: ok } } } }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: POST with a read scope fails, with a write scope passes',
    document: oasDoc('2.0', {
      securityDefinitions: {
        oauth: { type: 'oauth2', flow: 'application', tokenUrl: 'https://auth.bank.example/token', scopes: { read: 'Read', write: 'Write' } },
      },
      paths: {
        '/payments': { post: { security: [{ oauth: ['read'] }], responses: ok } },
        '/refunds': { post: { security: [{ oauth: ['write'] }], responses: ok } },
      },
    }),
    errors: [{ path: ['paths', '/payments', 'post', 'security', 0] }],
  },
  {
    name: '2.0: only write scopes pass',
    document: oasDoc('2.0', {
      securityDefinitions: {
        oauth: { type: 'oauth2', flow: 'application', tokenUrl: 'https://auth.bank.example/token', scopes: { write: 'Write' } },
      },
      paths: { '/refunds': { post: { security: [{ oauth: ['write'] }], responses: ok } } },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  const doc = oasDoc('3.1', {
    components: schemes,
    paths: { '/accounts': { post: { security: [{ oauth: ['accounts'] }], responses: ok }, put: { security: [{ oauth: ['cards:read'] }], responses: ok } } },
  });

  it('readScopes replaces the default patterns', async () => {
    const findings = await runRuleWithOptions(RULE, { readScopes: ['^accounts$'] }, doc);
    expect(findings.map((f) => f.path)).toEqual([['paths', '/accounts', 'post', 'security', 0]]);
  });

  it('rejects a non-list readScopes', async () => {
    await expect(runRuleWithOptions(RULE, { readScopes: 'read' }, doc)).rejects.toThrow();
  });
});
