import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-auth-write-ops-scoped';

const ok = { '200': { description: 'ok' } };
const oauth3 = {
  securitySchemes: {
    oauth: {
      type: 'oauth2',
      flows: {
        clientCredentials: { tokenUrl: 'https://auth.bank.example/token', scopes: { payments: 'Create payments', accounts: 'Read accounts' } },
      },
    },
    oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' },
    mtls: { type: 'mutualTLS' },
    key: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
  },
};

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: write operations with an empty oauth2 or openIdConnect scope list are reported at the list',
    document: oasDoc('3.1', {
      components: oauth3,
      paths: {
        '/payments': {
          post: { security: [{ oauth: ['payments'] }, { oauth: [], mtls: [] }], responses: ok },
          delete: { security: [{ oidc: [] }], responses: ok },
        },
      },
    }),
    errors: [
      {
        message: 'Write operation POST /payments accepts oauth2 scheme "oauth" without any scope; list the scopes it needs.',
        path: ['paths', '/payments', 'post', 'security', 1, 'oauth'],
      },
      {
        message: 'Write operation DELETE /payments accepts openIdConnect scheme "oidc" without any scope; list the scopes it needs.',
        path: ['paths', '/payments', 'delete', 'security', 0, 'oidc'],
      },
    ],
  },
  {
    name: '3.1: scoped writes, unscoped reads, non-OAuth schemes and public operations pass',
    document: oasDoc('3.1', {
      components: oauth3,
      security: [{ oauth: [] }],
      paths: {
        '/payments': {
          get: { responses: ok },
          post: { security: [{ oauth: ['payments'], mtls: [] }], responses: ok },
          patch: { security: [{ key: [] }], responses: ok },
        },
        '/health': { put: { security: [], 'x-public': true, responses: ok } },
        '/payments/search': { post: { security: [{ oauth: [] }], responses: ok } },
        '/transactions:query': { post: { security: [{ oidc: [] }], responses: ok } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: an empty root scope list inherited by write operations is reported once, at the root',
    document: oasDoc('3.1', {
      components: oauth3,
      security: [{ oauth: [] }],
      paths: {
        '/payments': { post: { responses: ok }, get: { responses: ok } },
        '/payments/{id}': { patch: { responses: ok }, delete: { security: [{ oauth: ['payments'] }], responses: ok } },
      },
    }),
    errors: [
      {
        message:
          'Root security alternative 0 accepts oauth2 scheme "oauth" without any scope, and 2 write operations inherit it (POST /payments, PATCH /payments/{id}).',
        path: ['security', 0, 'oauth'],
      },
    ],
  },
  {
    name: '3.1: an operation in a $ref\'d path item file is reported there',
    document: oasDoc('3.1', { components: oauth3, paths: { '/transfers': { $ref: 'paths/transfers.yaml' } } }),
    files: { 'paths/transfers.yaml': { post: { security: [{ oauth: [] }], responses: ok } } },
    errors: [{ path: ['post', 'security', 0, 'oauth'], source: 'paths/transfers.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: PUT with an empty scope list fails',
    document: oasDoc('3.0', { components: oauth3, paths: { '/cards/{id}': { put: { security: [{ oauth: [] }], responses: ok } } } }),
    errors: [{ path: ['paths', '/cards/{id}', 'put', 'security', 0, 'oauth'] }],
  },
  {
    name: '3.0: PUT with a scope passes',
    document: oasDoc('3.0', { components: oauth3, paths: { '/cards/{id}': { put: { security: [{ oauth: ['payments'] }], responses: ok } } } }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: oauth2 write without scopes fails, with scopes passes',
    document: oasDoc('2.0', {
      securityDefinitions: {
        oauth: { type: 'oauth2', flow: 'application', tokenUrl: 'https://auth.bank.example/token', scopes: { payments: 'Create payments' } },
      },
      paths: {
        '/payments': { post: { security: [{ oauth: [] }], responses: ok } },
        '/refunds': { post: { security: [{ oauth: ['payments'] }], responses: ok } },
      },
    }),
    errors: [{ path: ['paths', '/payments', 'post', 'security', 0, 'oauth'] }],
  },
  {
    name: '2.0: apiKey-secured writes are not this rule\'s business',
    document: oasDoc('2.0', {
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
      security: [{ key: [] }],
      paths: { '/payments': { post: { responses: ok } } },
    }),
    errors: [],
  },
]);
