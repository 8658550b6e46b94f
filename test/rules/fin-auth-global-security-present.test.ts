import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-auth-global-security-present';
const ok = { responses: { '200': { description: 'ok' } } };
const oidc = { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' };
const components = { securitySchemes: { oidc } };
const publicHealth = { ...ok, security: [], 'x-public': true, 'x-public-reason': 'liveness probe' };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: root security with a scheme passes; a public operation opts out with security: []',
    document: oasDoc('3.1', {
      components,
      security: [{ oidc: ['accounts'] }],
      paths: { '/accounts': { get: ok }, '/health': { get: publicHealth } },
    }),
    errors: [],
  },
  {
    name: '3.1: missing root security fails at the document root, even if every operation is secured',
    document: oasDoc('3.1', { components, paths: { '/accounts': { get: { ...ok, security: [{ oidc: ['accounts'] }] } } } }),
    errors: [
      {
        message:
          'The document has no root security requirement, so an operation without its own security list is public by default.',
        path: [],
      },
    ],
  },
  {
    name: '3.1: an empty root security list fails at it',
    document: oasDoc('3.1', { components, security: [], paths: { '/accounts': { get: ok } } }),
    errors: [
      {
        message: 'The root security list is empty, so an operation without its own security list is public by default.',
        path: ['security'],
      },
    ],
  },
  {
    name: '3.1: a root list holding only {} fails',
    document: oasDoc('3.1', { components, security: [{}], paths: { '/accounts': { get: ok } } }),
    errors: [{ message: /only the anonymous requirement \{\}/, path: ['security'] }],
  },
  {
    name: '3.1: a root list with {} next to a real requirement is left to fin-auth-no-anonymous-alternative',
    document: oasDoc('3.1', { components, security: [{}, { oidc: [] }], paths: { '/accounts': { get: ok } } }),
    errors: [],
  },
  {
    name: '3.1: info.x-public-api: true opts out',
    document: {
      ...oasDoc('3.1', { paths: { '/atms': { get: ok } } }),
      info: { title: 'Open Data', version: '1.0.0', 'x-public-api': true },
    },
    errors: [],
  },
  {
    name: '3.1: no root security is fine when every operation is marked x-public, or there are none',
    document: oasDoc('3.1', { paths: { '/health': { get: publicHealth } }, webhooks: { paid: { post: ok } } }),
    errors: [],
  },
  {
    name: "3.1: operations in a $ref'd path-item file inherit the root security",
    document: oasDoc('3.1', { components, security: [{ oidc: [] }], paths: { '/cards': { $ref: 'paths/cards.yaml' } } }),
    files: { 'paths/cards.yaml': { get: ok } },
    errors: [],
  },
  {
    name: "3.1: operations $ref'd from another file make the missing root security reportable",
    document: oasDoc('3.1', { components, paths: { '/cards': { $ref: 'paths/cards.yaml' } } }),
    files: { 'paths/cards.yaml': { get: ok } },
    errors: [{ path: [] }],
  },
  // OAS 3.0
  {
    name: '3.0: root security passes',
    document: oasDoc('3.0', { components, security: [{ oidc: [] }], paths: { '/accounts': { get: ok } } }),
    errors: [],
  },
  {
    name: '3.0: missing root security fails',
    document: oasDoc('3.0', { components, paths: { '/accounts': { get: ok } } }),
    errors: [{ path: [] }],
  },
  // OAS 2.0
  {
    name: '2.0: root security passes',
    document: oasDoc('2.0', {
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
      security: [{ key: [] }],
      paths: { '/accounts': { get: ok } },
    }),
    errors: [],
  },
  {
    name: '2.0: an empty root security list fails',
    document: oasDoc('2.0', {
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
      security: [],
      paths: { '/accounts': { get: ok } },
    }),
    errors: [{ path: ['security'] }],
  },
]);
