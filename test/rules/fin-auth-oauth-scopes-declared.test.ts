import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-auth-oauth-scopes-declared';
const ok = { responses: { '200': { description: 'ok' } } };
const authorizationUrl = 'https://auth.bank.example/authorize';
const tokenUrl = 'https://auth.bank.example/token';
const oauth = {
  type: 'oauth2',
  flows: {
    authorizationCode: { authorizationUrl, tokenUrl, scopes: { accounts: 'Read accounts' } },
    clientCredentials: { tokenUrl, scopes: { payments: 'Create payments' } },
  },
};
const oidc = { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' };
const key = { type: 'apiKey', in: 'header', name: 'X-API-Key' };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: scopes declared in any flow of the scheme pass; roles on non-OAuth schemes are allowed in 3.1',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth, key, oidc } },
      security: [{ oauth: ['accounts', 'payments'] }],
      paths: { '/admin': { post: { ...ok, security: [{ key: ['admin'] }, { oidc: ['openid', 'anything'] }] } } },
    }),
    errors: [],
  },
  {
    name: '3.1: an undeclared scope is reported at the scope, with a suggestion',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth } }, security: [{ oauth: ['accounts', 'payment'] }] }),
    errors: [
      {
        message: 'Scope "payment" is not declared in any flow of OAuth 2.0 scheme "oauth" (did you mean "payments"?).',
        path: ['security', 0, 'oauth', 1],
      },
    ],
  },
  {
    name: '3.1: operation, webhook and callback requirements are checked; no suggestion when nothing is close',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth } },
      webhooks: { paid: { post: { ...ok, security: [{ oauth: ['webhooks:send'] }] } } },
      paths: {
        '/payments': {
          post: {
            ...ok,
            security: [{ oauth: ['payments', 'admin'] }],
            callbacks: { onEvent: { '{$request.body#/url}': { post: { ...ok, security: [{ oauth: ['events'] }] } } } },
          },
        },
      },
    }),
    errors: [
      {
        message: 'Scope "webhooks:send" is not declared in any flow of OAuth 2.0 scheme "oauth".',
        path: ['webhooks', 'paid', 'post', 'security', 0, 'oauth', 0],
      },
      { path: ['paths', '/payments', 'post', 'security', 0, 'oauth', 1] },
      { path: ['paths', '/payments', 'post', 'callbacks', 'onEvent', '{$request.body#/url}', 'post', 'security', 0, 'oauth', 0] },
    ],
  },
  {
    name: '3.1: x-dynamic-scopes, openIdConnect and undefined schemes are skipped',
    document: oasDoc('3.1', {
      components: { securitySchemes: { dyn: { ...oauth, 'x-dynamic-scopes': true }, oidc } },
      security: [{ dyn: ['tenant:42:read'] }, { oidc: ['accounts'] }, { ghost: ['x'] }],
    }),
    errors: [],
  },
  {
    name: '3.1: x-dynamic-scopes must be the boolean true',
    document: oasDoc('3.1', {
      components: { securitySchemes: { dyn: { ...oauth, 'x-dynamic-scopes': 'yes' } } },
      security: [{ dyn: ['tenant:42:read'] }],
    }),
    errors: [{ path: ['security', 0, 'dyn', 0] }],
  },
  {
    name: '3.1: an oauth2 scheme with no flows declares no scopes',
    document: oasDoc('3.1', { components: { securitySchemes: { bare: { type: 'oauth2', flows: {} } } }, security: [{ bare: ['accounts'] }] }),
    errors: [{ path: ['security', 0, 'bare', 0] }],
  },
  {
    name: "3.1: scopes of a scheme $ref'd from another file are read from there",
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: { $ref: 'schemes.yaml#/OAuth' } } },
      security: [{ oauth: ['accounts'] }],
    }),
    files: { 'schemes.yaml': { OAuth: oauth } },
    errors: [],
  },
  {
    name: "3.1: a requirement in a $ref'd path-item file is reported in that file",
    document: oasDoc('3.1', { components: { securitySchemes: { oauth } }, paths: { '/cards': { $ref: 'paths/cards.yaml' } } }),
    files: { 'paths/cards.yaml': { get: { ...ok, security: [{ oauth: ['cards'] }] } } },
    errors: [{ path: ['get', 'security', 0, 'oauth', 0], source: 'paths/cards.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: declared scopes and an empty list for a non-OAuth scheme pass',
    document: oasDoc('3.0', {
      components: { securitySchemes: { oauth, key, oidc } },
      security: [{ oauth: ['payments'], key: [] }, { oidc: ['accounts'] }],
    }),
    errors: [],
  },
  {
    name: '3.0: roles on an apiKey scheme fail (3.0 requires an empty list)',
    document: oasDoc('3.0', { components: { securitySchemes: { oauth, key } }, security: [{ key: ['admin', 'ops'] }] }),
    errors: [
      {
        message: 'Security scheme "key" is not OAuth 2.0, so OAS 3.0 requires an empty list here; found "admin", "ops".',
        path: ['security', 0, 'key'],
      },
    ],
  },
  {
    name: '3.0: an undeclared scope fails',
    document: oasDoc('3.0', { components: { securitySchemes: { oauth } }, security: [{ oauth: ['Accounts'] }] }),
    errors: [{ message: /did you mean "accounts"/, path: ['security', 0, 'oauth', 0] }],
  },
  // OAS 2.0
  {
    name: '2.0: scopes declared on the scheme pass',
    document: oasDoc('2.0', {
      securityDefinitions: { oauth: { type: 'oauth2', flow: 'application', tokenUrl, scopes: { payments: 'Create payments' } }, key },
      security: [{ oauth: ['payments'] }, { key: [] }],
    }),
    errors: [],
  },
  {
    name: '2.0: an undeclared scope and roles on apiKey fail',
    document: oasDoc('2.0', {
      securityDefinitions: { oauth: { type: 'oauth2', flow: 'application', tokenUrl, scopes: { payments: 'Create payments' } }, key },
      security: [{ oauth: ['refunds'] }, { key: ['admin'] }],
    }),
    errors: [
      { path: ['security', 0, 'oauth', 0] },
      { message: /so OAS 2\.0 requires an empty list here; found "admin"\./, path: ['security', 1, 'key'] },
    ],
  },
]);
