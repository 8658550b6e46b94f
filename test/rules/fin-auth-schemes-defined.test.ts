import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-auth-schemes-defined';
const ok = { responses: { '200': { description: 'ok' } } };
const oidc = { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: no components at all is reported at the document root',
    document: oasDoc('3.1', { paths: { '/accounts': { get: ok } } }),
    errors: [
      {
        message: 'No security scheme is defined in components.securitySchemes, so no operation can require authentication.',
        path: [],
      },
    ],
  },
  {
    name: '3.1: components without securitySchemes is reported at components',
    document: oasDoc('3.1', { components: { schemas: { A: { type: 'string' } } }, paths: { '/accounts': { get: ok } } }),
    errors: [{ path: ['components'] }],
  },
  {
    name: '3.1: an empty securitySchemes map is reported at it',
    document: oasDoc('3.1', { components: { securitySchemes: {} }, paths: { '/accounts': { get: ok } } }),
    errors: [{ path: ['components', 'securitySchemes'] }],
  },
  {
    name: '3.1: an OpenID Connect scheme passes',
    document: oasDoc('3.1', { components: { securitySchemes: { oidc } }, paths: { '/accounts': { get: ok } } }),
    errors: [],
  },
  {
    name: '3.1: info.x-public-api: true opts an open-data API out',
    document: {
      ...oasDoc('3.1', { paths: { '/branches': { get: ok } } }),
      info: { title: 'Open Data', version: '1.0.0', 'x-public-api': true },
    },
    errors: [],
  },
  {
    name: '3.1: x-public-api must be the boolean true, not a string',
    document: {
      ...oasDoc('3.1', { paths: { '/branches': { get: ok } } }),
      info: { title: 'Open Data', version: '1.0.0', 'x-public-api': 'true' },
    },
    errors: [{ path: [] }],
  },
  {
    name: '3.1: a document whose operations are all marked x-public needs no scheme',
    document: oasDoc('3.1', {
      paths: { '/health': { get: { ...ok, security: [], 'x-public': true, 'x-public-reason': 'liveness probe' } } },
    }),
    errors: [],
  },
  {
    name: '3.1: a components-only document (no operations) is not judged',
    document: oasDoc('3.1', { components: { schemas: { Money: { type: 'string' } } } }),
    errors: [],
  },
  {
    name: "3.1: schemes $ref'd from another file count as defined",
    document: oasDoc('3.1', {
      components: { securitySchemes: { oidc: { $ref: 'schemes.yaml#/Oidc' } } },
      paths: { '/accounts': { get: ok } },
    }),
    files: { 'schemes.yaml': { Oidc: oidc } },
    errors: [],
  },
  {
    name: "3.1: an empty securitySchemes map $ref'd from another file is reported in that file",
    document: oasDoc('3.1', {
      components: { securitySchemes: { $ref: 'schemes.yaml#/None' } },
      paths: { '/accounts': { get: ok } },
    }),
    files: { 'schemes.yaml': { None: {} } },
    errors: [{ path: ['None'], source: 'schemes.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: no scheme fails',
    document: oasDoc('3.0', { components: { securitySchemes: {} }, paths: { '/payments': { post: ok } } }),
    errors: [{ path: ['components', 'securitySchemes'] }],
  },
  {
    name: '3.0: an OAuth 2.0 scheme passes',
    document: oasDoc('3.0', {
      components: {
        securitySchemes: {
          oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.bank.example/token', scopes: {} } } },
        },
      },
      paths: { '/payments': { post: ok } },
    }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: missing securityDefinitions fails at the root',
    document: oasDoc('2.0', { paths: { '/payments': { post: ok } } }),
    errors: [
      {
        message: 'No security scheme is defined in securityDefinitions, so no operation can require authentication.',
        path: [],
      },
    ],
  },
  {
    name: '2.0: an empty securityDefinitions map fails at it',
    document: oasDoc('2.0', { securityDefinitions: {}, paths: { '/payments': { post: ok } } }),
    errors: [{ path: ['securityDefinitions'] }],
  },
  {
    name: '2.0: an apiKey header scheme passes',
    document: oasDoc('2.0', {
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
      paths: { '/payments': { post: ok } },
    }),
    errors: [],
  },
]);
