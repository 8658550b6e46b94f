import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-auth-no-anonymous-alternative';
const ok = { responses: { '200': { description: 'ok' } } };
const oidc = { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' };
const components = { securitySchemes: { oidc } };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: requirements that all name a scheme pass',
    document: oasDoc('3.1', {
      components,
      security: [{ oidc: ['accounts'] }],
      paths: { '/accounts': { get: { ...ok, security: [{ oidc: ['accounts'] }] } } },
    }),
    errors: [],
  },
  {
    name: '3.1: {} in the root list is reported at the element',
    document: oasDoc('3.1', { components, security: [{}, { oidc: ['accounts'] }], paths: { '/accounts': { get: ok } } }),
    errors: [
      {
        message:
          'The root security list contains the empty requirement {}, which makes authentication optional for every operation that inherits it.',
        path: ['security', 0],
      },
    ],
  },
  {
    name: '3.1: {} in an operation list is reported at the element',
    document: oasDoc('3.1', {
      components,
      paths: { '/accounts/{id}': { get: { ...ok, security: [{ oidc: ['accounts'] }, {}] } } },
    }),
    errors: [
      {
        message: 'Operation GET /accounts/{id} lists the empty requirement {}, which makes authentication optional.',
        path: ['paths', '/accounts/{id}', 'get', 'security', 1],
      },
    ],
  },
  {
    name: '3.1: a list of only {} is reported as well',
    document: oasDoc('3.1', { components, paths: { '/accounts': { post: { ...ok, security: [{}] } } } }),
    errors: [{ path: ['paths', '/accounts', 'post', 'security', 0] }],
  },
  {
    name: '3.1: x-public: true with an x-optional-auth-reason opts one operation out',
    document: oasDoc('3.1', {
      components,
      paths: {
        '/products': {
          get: {
            ...ok,
            security: [{}, { oidc: [] }],
            'x-public': true,
            'x-optional-auth-reason': 'catalogue is public; signed-in customers see their own prices',
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: x-public without x-optional-auth-reason (x-public-reason is not enough) is reported',
    document: oasDoc('3.1', {
      components,
      paths: {
        '/products': { get: { ...ok, security: [{}, { oidc: [] }], 'x-public': true, 'x-public-reason': 'catalogue' } },
      },
    }),
    errors: [
      {
        message:
          'Operation GET /products accepts anonymous callers through the empty requirement {} and is marked x-public, but has no x-optional-auth-reason saying why.',
        path: ['paths', '/products', 'get', 'security', 0],
      },
    ],
  },
  {
    name: '3.1: the operation opt-out does not cover a {} in the root list',
    document: oasDoc('3.1', {
      components,
      security: [{}],
      paths: { '/products': { get: { ...ok, 'x-public': true, 'x-optional-auth-reason': 'catalogue' } } },
    }),
    errors: [{ path: ['security', 0] }],
  },
  {
    name: '3.1: security: [] is not an anonymous alternative (fin-auth-operation-secured judges it)',
    document: oasDoc('3.1', { components, security: [{ oidc: [] }], paths: { '/health': { get: { ...ok, security: [] } } } }),
    errors: [],
  },
  {
    name: '3.1: webhooks and callbacks are left to fin-auth-webhook-signature',
    document: oasDoc('3.1', {
      components,
      webhooks: { paid: { post: { ...ok, security: [{}] } } },
      paths: {
        '/subscriptions': {
          post: {
            ...ok,
            security: [{ oidc: [] }],
            callbacks: { onEvent: { '{$request.body#/url}': { post: { ...ok, security: [{}] } } } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: "3.1: {} in a $ref'd path-item file is reported in that file",
    document: oasDoc('3.1', { components, paths: { '/cards': { $ref: 'paths/cards.yaml' } } }),
    files: { 'paths/cards.yaml': { get: { ...ok, security: [{ oidc: [] }, {}] } } },
    errors: [{ path: ['get', 'security', 1], source: 'paths/cards.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: a scheme-only list passes',
    document: oasDoc('3.0', { components, security: [{ oidc: [] }], paths: { '/accounts': { get: ok } } }),
    errors: [],
  },
  {
    name: '3.0: {} fails',
    document: oasDoc('3.0', { components, security: [{ oidc: [] }, {}], paths: { '/accounts': { get: ok } } }),
    errors: [{ path: ['security', 1] }],
  },
  // OAS 2.0
  {
    name: '2.0: a scheme-only list passes',
    document: oasDoc('2.0', {
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
      security: [{ key: [] }],
      paths: { '/accounts': { get: ok } },
    }),
    errors: [],
  },
  {
    name: '2.0: {} fails (2.0 tooling reads it as "anonymous allowed")',
    document: oasDoc('2.0', {
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
      paths: { '/accounts': { get: { ...ok, security: [{}, { key: [] }] } } },
    }),
    errors: [{ path: ['paths', '/accounts', 'get', 'security', 0] }],
  },
]);
