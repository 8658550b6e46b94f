import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-error-403-declared';

const schemes = {
  oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.bank.example/token', scopes: { accounts: 'read accounts' } } } },
  key: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
};
const ok = { '200': { description: 'ok' } };
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 36 } };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: a scoped operation without 403 is reported at its responses',
    document: oasDoc('3.1', {
      components: { securitySchemes: schemes },
      paths: { '/accounts': { get: { security: [{ oauth: ['accounts'] }], responses: ok } } },
    }),
    errors: [
      {
        message: 'Operation GET /accounts requires scopes or roles (accounts) but declares no 403 (Forbidden) response.',
        path: ['paths', '/accounts', 'get', 'responses'],
      },
    ],
  },
  {
    name: '3.1: an object addressed by id without 403 is reported',
    document: oasDoc('3.1', {
      security: [{ key: [] }],
      components: { securitySchemes: schemes },
      paths: { '/accounts/{id}': { parameters: [idParam], get: { responses: ok } } },
    }),
    errors: [
      {
        message: 'Operation GET /accounts/{id} addresses an object by its {id} path parameter but declares no 403 (Forbidden) response.',
        path: ['paths', '/accounts/{id}', 'get', 'responses'],
      },
    ],
  },
  {
    name: '3.1: a shared 403 passes; enum path parameters are categories, not ids; unsecured and unscoped collections are not asked',
    document: oasDoc('3.1', {
      components: { securitySchemes: schemes, responses: { Forbidden: { description: 'forbidden' } } },
      paths: {
        '/accounts/{id}': { get: { security: [{ oauth: ['accounts'] }], parameters: [idParam], responses: { ...ok, '403': { $ref: '#/components/responses/Forbidden' } } } },
        '/{payment-service}': {
          get: {
            security: [{ key: [] }],
            parameters: [{ name: 'payment-service', in: 'path', required: true, schema: { type: 'string', enum: ['payments', 'bulk-payments'] } }],
            responses: ok,
          },
        },
        '/public/{id}': { get: { security: [], parameters: [idParam], responses: ok } },
        '/reports': { get: { security: [{ key: [] }], responses: ok } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: x-authz-failure-status: 404 accepts a 404 instead, and is reported when the 404 is missing',
    document: oasDoc('3.1', {
      info: { title: 'Payments API', version: '1.0.0', 'x-authz-failure-status': 404 },
      security: [{ key: [] }],
      components: { securitySchemes: schemes },
      paths: {
        '/accounts/{id}': { parameters: [idParam], get: { responses: { ...ok, '404': { description: 'not found' } } } },
        '/cards/{id}': { parameters: [idParam], get: { responses: ok } },
      },
    }),
    errors: [
      {
        message: 'Operation GET /cards/{id} addresses an object by its {id} path parameter, and declares x-authz-failure-status: 404 but no 404 response.',
        path: ['paths', '/cards/{id}', 'get', 'responses'],
      },
    ],
  },
  {
    name: '3.1: an operation path item in another file is reported there',
    document: oasDoc('3.1', {
      security: [{ oauth: ['accounts'] }],
      components: { securitySchemes: schemes },
      paths: { '/accounts': { $ref: 'accounts.yaml' } },
    }),
    files: { 'accounts.yaml': { get: { responses: { '200': { description: 'ok' } } } } },
    errors: [{ path: ['get', 'responses'], source: 'accounts.yaml' }],
  },
  {
    name: '3.1: a 4XX range does not stand for 403',
    document: oasDoc('3.1', {
      components: { securitySchemes: schemes },
      paths: { '/accounts': { get: { security: [{ oauth: ['accounts'] }], responses: { ...ok, '4XX': { description: 'client error' } } } } },
    }),
    errors: [{ path: ['paths', '/accounts', 'get', 'responses'] }],
  },
  // OAS 3.0
  {
    name: '3.0: an undeclared path parameter counts as an id',
    document: oasDoc('3.0', {
      security: [{ key: [] }],
      components: { securitySchemes: schemes },
      paths: { '/cards/{cardId}': { delete: { responses: { '204': { description: 'gone' } } } } },
    }),
    errors: [{ message: /by its \{cardId\} path parameter/, path: ['paths', '/cards/{cardId}', 'delete', 'responses'] }],
  },
  {
    name: '3.0: 403 declared passes',
    document: oasDoc('3.0', {
      security: [{ key: [] }],
      components: { securitySchemes: schemes },
      paths: { '/cards/{cardId}': { delete: { responses: { '204': { description: 'gone' }, '403': { description: 'forbidden' } } } } },
    }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: a scoped operation without 403 fails, an inline enum path parameter is a category',
    document: oasDoc('2.0', {
      securityDefinitions: { oauth: { type: 'oauth2', flow: 'application', tokenUrl: 'https://auth.bank.example/token', scopes: { accounts: 'read' } } },
      paths: {
        '/accounts': { get: { security: [{ oauth: ['accounts'] }], responses: ok } },
        '/rates/{currency}': { get: { security: [{ oauth: [] }], parameters: [{ name: 'currency', in: 'path', required: true, type: 'string', enum: ['EUR', 'GBP'] }], responses: ok } },
      },
    }),
    errors: [{ path: ['paths', '/accounts', 'get', 'responses'] }],
  },
  {
    name: '2.0: 403 declared passes',
    document: oasDoc('2.0', {
      securityDefinitions: { oauth: { type: 'oauth2', flow: 'application', tokenUrl: 'https://auth.bank.example/token', scopes: { accounts: 'read' } } },
      paths: { '/accounts': { get: { security: [{ oauth: ['accounts'] }], responses: { ...ok, '403': { description: 'forbidden' } } } } },
    }),
    errors: [],
  },
]);
