import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-auth-operation-secured';
const ok = { responses: { '200': { description: 'ok' } } };
const oidc = { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' };
const components = { securitySchemes: { oidc } };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: operation security and inherited root security pass; a documented public probe passes',
    document: oasDoc('3.1', {
      components,
      security: [{ oidc: ['accounts'] }],
      paths: {
        '/accounts': { get: ok, post: { ...ok, security: [{ oidc: ['accounts:write'] }] } },
        '/health': { get: { ...ok, security: [], 'x-public': true, 'x-public-reason': 'liveness probe' } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: security: [] on an operation is reported at its security list',
    document: oasDoc('3.1', {
      components,
      security: [{ oidc: [] }],
      paths: { '/accounts/{accountId}/balances': { get: { ...ok, security: [] } } },
    }),
    errors: [
      {
        message: 'Operation GET /accounts/{accountId}/balances turns authentication off with an empty security list.',
        path: ['paths', '/accounts/{accountId}/balances', 'get', 'security'],
      },
    ],
  },
  {
    name: '3.1: no operation and no root security is reported at the operation, for every HTTP method',
    document: oasDoc('3.1', {
      components,
      paths: {
        '/cards': {
          get: ok,
          put: ok,
          post: ok,
          delete: ok,
          options: ok,
          head: ok,
          patch: ok,
          trace: ok,
        },
      },
    }),
    errors: ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].map((method) => ({
      message: `Operation ${method.toUpperCase()} /cards has no security requirement and there is no root security to inherit.`,
      path: ['paths', '/cards', method],
    })),
  },
  {
    name: '3.1: an inherited empty root list is reported at the operation',
    document: oasDoc('3.1', { components, security: [], paths: { '/accounts': { get: ok } } }),
    errors: [{ message: 'Operation GET /accounts inherits the empty root security list, so it needs no authentication.', path: ['paths', '/accounts', 'get'] }],
  },
  {
    name: '3.1: a list holding only {} secures nothing',
    document: oasDoc('3.1', {
      components,
      security: [{ oidc: [] }],
      paths: { '/accounts': { get: { ...ok, security: [{}] } } },
    }),
    errors: [{ message: /accepts only anonymous callers/, path: ['paths', '/accounts', 'get', 'security'] }],
  },
  {
    name: '3.1: {} next to a real requirement counts as secured here (fin-auth-no-anonymous-alternative reports it)',
    document: oasDoc('3.1', { components, paths: { '/products': { get: { ...ok, security: [{}, { oidc: [] }] } } } }),
    errors: [],
  },
  {
    name: '3.1: x-public without a reason (missing, blank or not a string) is reported at x-public',
    document: oasDoc('3.1', {
      components,
      security: [{ oidc: [] }],
      paths: {
        '/health': { get: { ...ok, security: [], 'x-public': true } },
        '/jwks': { get: { ...ok, security: [], 'x-public': true, 'x-public-reason': '  ' } },
        '/rates': { get: { ...ok, security: [], 'x-public': true, 'x-public-reason': true } },
      },
    }),
    errors: [
      {
        message:
          'Operation GET /health is marked x-public but has no x-public-reason saying why it may be called without authentication.',
        path: ['paths', '/health', 'get', 'x-public'],
      },
      { path: ['paths', '/jwks', 'get', 'x-public'] },
      { path: ['paths', '/rates', 'get', 'x-public'] },
    ],
  },
  {
    name: '3.1: x-public: "true" (a string) is not an opt-out',
    document: oasDoc('3.1', {
      components,
      paths: { '/health': { get: { ...ok, security: [], 'x-public': 'true', 'x-public-reason': 'probe' } } },
    }),
    errors: [{ path: ['paths', '/health', 'get', 'security'] }],
  },
  {
    name: '3.1: x-public on an operation that is secured anyway is not judged',
    document: oasDoc('3.1', { components, security: [{ oidc: [] }], paths: { '/health': { get: { ...ok, 'x-public': true } } } }),
    errors: [],
  },
  {
    name: '3.1: webhooks and callbacks are not judged',
    document: oasDoc('3.1', {
      components,
      security: [{ oidc: [] }],
      webhooks: { paymentSettled: { post: { ...ok, security: [] } } },
      paths: {
        '/subscriptions': {
          post: {
            ...ok,
            callbacks: { onEvent: { '{$request.body#/url}': { post: { ...ok, security: [] } } } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: "3.1: an unsecured operation in a $ref'd path-item file is reported in that file",
    document: oasDoc('3.1', { components, paths: { '/cards': { $ref: 'paths/cards.yaml' } } }),
    files: { 'paths/cards.yaml': { get: { ...ok, security: [] } } },
    errors: [{ message: /^Operation GET \/cards turns authentication off/, path: ['get', 'security'], source: 'paths/cards.yaml' }],
  },
  {
    name: '3.1: an operation of a path item $ref\'d from components.pathItems is reported at the component',
    document: oasDoc('3.1', {
      components: { ...components, pathItems: { Cards: { get: { ...ok, security: [] } } } },
      paths: { '/cards': { $ref: '#/components/pathItems/Cards' } },
    }),
    errors: [{ path: ['components', 'pathItems', 'Cards', 'get', 'security'] }],
  },
  // OAS 3.0
  {
    name: '3.0: inherited root security passes',
    document: oasDoc('3.0', { components, security: [{ oidc: [] }], paths: { '/accounts': { get: ok } } }),
    errors: [],
  },
  {
    name: '3.0: security: [] fails',
    document: oasDoc('3.0', { components, security: [{ oidc: [] }], paths: { '/accounts': { delete: { ...ok, security: [] } } } }),
    errors: [{ path: ['paths', '/accounts', 'delete', 'security'] }],
  },
  // OAS 2.0
  {
    name: '2.0: operation security passes',
    document: oasDoc('2.0', {
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
      paths: { '/accounts': { get: { ...ok, security: [{ key: [] }] } } },
    }),
    errors: [],
  },
  {
    name: '2.0: no security anywhere fails',
    document: oasDoc('2.0', {
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
      paths: { '/accounts': { get: ok } },
    }),
    errors: [{ path: ['paths', '/accounts', 'get'] }],
  },
]);
