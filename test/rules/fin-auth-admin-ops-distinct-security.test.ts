import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-auth-admin-ops-distinct-security';

const ok = { '200': { description: 'ok' } };
const components = {
  securitySchemes: {
    oauth: {
      type: 'oauth2',
      flows: {
        authorizationCode: {
          authorizationUrl: 'https://auth.bank.example/authorize',
          tokenUrl: 'https://auth.bank.example/token',
          scopes: { accounts: 'Read accounts', 'admin:users': 'Manage users' },
        },
      },
    },
    staffOidc: { type: 'openIdConnect', openIdConnectUrl: 'https://staff.bank.example/.well-known/openid-configuration' },
    key: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    basic: { type: 'http', scheme: 'basic' },
  },
};

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: an admin path with the same security as regular operations is reported at the alternative',
    document: oasDoc('3.1', {
      components,
      paths: {
        '/accounts': { get: { security: [{ oauth: ['accounts'] }], responses: ok } },
        '/admin/users/{id}': { delete: { security: [{ oauth: ['accounts'] }], responses: ok } },
      },
    }),
    errors: [
      {
        message:
          'Administrative operation DELETE /admin/users/{id} accepts the same security as regular operations (oauth [accounts]); use a separate scheme or dedicated admin scopes.',
        path: ['paths', '/admin/users/{id}', 'delete', 'security', 0],
      },
    ],
  },
  {
    name: '3.1: dedicated scopes, a separate scheme, and look-alike paths pass',
    document: oasDoc('3.1', {
      components,
      paths: {
        '/accounts': { get: { security: [{ oauth: ['accounts'] }], responses: ok } },
        '/admin/users/{id}': { delete: { security: [{ oauth: ['admin:users'] }], responses: ok } },
        '/backoffice/reports': { get: { security: [{ staffOidc: [] }], responses: ok } },
        '/companies/{id}/administrators': { get: { security: [{ oauth: ['accounts'] }], responses: ok } },
        '/admins': { post: { 'x-admin': false, security: [{ oauth: ['accounts'] }], responses: ok } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: an API-key-only or Basic alternative on an admin operation is reported; tags and x-admin mark admin operations',
    document: oasDoc('3.1', {
      components,
      paths: {
        '/users/{id}/lock': { post: { tags: ['Internal'], security: [{ staffOidc: [] }, { key: [] }], responses: ok } },
        '/jobs': { post: { 'x-admin': true, security: [{ basic: [], key: [] }], responses: ok } },
      },
    }),
    errors: [
      {
        message: 'Administrative operation POST /users/{id}/lock can be called with API key or Basic credentials alone.',
        path: ['paths', '/users/{id}/lock', 'post', 'security', 1],
      },
      { path: ['paths', '/jobs', 'post', 'security', 0] },
    ],
  },
  {
    name: '3.1: root security shared by admin and regular operations is reported at the admin operation',
    document: oasDoc('3.1', {
      components,
      security: [{ oauth: ['accounts'] }],
      paths: { '/accounts': { get: { responses: ok } }, '/ops/cache': { delete: { responses: ok } } },
    }),
    errors: [{ message: /\(oauth \[accounts\]\) \(inherited from the root security\); use/, path: ['paths', '/ops/cache', 'delete'] }],
  },
  {
    name: '3.1: an admin operation in a $ref\'d path item file is reported there',
    document: oasDoc('3.1', {
      components,
      paths: { '/accounts': { get: { security: [{ oauth: ['accounts'] }], responses: ok } }, '/admin/limits': { $ref: 'admin.yaml' } },
    }),
    files: { 'admin.yaml': { put: { security: [{ oauth: ['accounts'] }], responses: ok } } },
    errors: [{ path: ['put', 'security', 0], source: 'admin.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: an internal path secured by an API key only fails',
    document: oasDoc('3.0', { components, paths: { '/internal/reindex': { post: { security: [{ key: [] }], responses: ok } } } }),
    errors: [{ path: ['paths', '/internal/reindex', 'post', 'security', 0] }],
  },
  {
    name: '3.0: an internal path with staff OIDC passes',
    document: oasDoc('3.0', { components, paths: { '/internal/reindex': { post: { security: [{ staffOidc: [] }], responses: ok } } } }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: a 2.0 basic scheme on an admin path fails, an oauth2 admin scope passes',
    document: oasDoc('2.0', {
      securityDefinitions: {
        basic: { type: 'basic' },
        oauth: { type: 'oauth2', flow: 'application', tokenUrl: 'https://auth.bank.example/token', scopes: { admin: 'Admin' } },
      },
      paths: {
        '/admin/users': { get: { security: [{ basic: [] }], responses: ok } },
        '/admin/limits': { get: { security: [{ oauth: ['admin'] }], responses: ok } },
      },
    }),
    errors: [{ path: ['paths', '/admin/users', 'get', 'security', 0] }],
  },
  {
    name: '2.0: documents without admin operations pass',
    document: oasDoc('2.0', {
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
      paths: { '/payments': { get: { security: [{ key: [] }], responses: ok } } },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  const doc = oasDoc('3.1', {
    components,
    paths: {
      '/accounts': { get: { security: [{ oauth: ['accounts'] }], responses: ok } },
      '/staff/users': { get: { security: [{ oauth: ['accounts'] }], responses: ok } },
      '/admin/users': { get: { security: [{ oauth: ['accounts'] }], responses: ok } },
    },
  });

  it('segments replaces the default admin path segments', async () => {
    const findings = await runRuleWithOptions(RULE, { segments: ['staff'] }, doc);
    expect(findings.map((f) => f.path)).toEqual([['paths', '/staff/users', 'get', 'security', 0]]);
  });
});
