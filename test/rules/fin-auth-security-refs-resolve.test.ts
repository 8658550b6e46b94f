import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-auth-security-refs-resolve';
const ok = { responses: { '200': { description: 'ok' } } };
const oauth = {
  type: 'oauth2',
  flows: { clientCredentials: { tokenUrl: 'https://auth.bank.example/token', scopes: { payments: 'Create payments' } } },
};

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: root and operation requirements naming defined schemes pass',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth, mtls: { type: 'mutualTLS' } } },
      security: [{ oauth: ['payments'] }],
      paths: { '/payments': { post: { ...ok, security: [{ oauth: ['payments'], mtls: [] }, {}] } } },
    }),
    errors: [],
  },
  {
    name: '3.1: a case mismatch in the root list is reported at the key, with a suggestion',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth } }, security: [{ OAuth2: ['payments'] }] }),
    errors: [
      {
        message: 'Security requirement names "OAuth2", but components.securitySchemes defines no scheme of that name (did you mean "oauth"?).',
        path: ['security', 0, 'OAuth2'],
      },
    ],
  },
  {
    name: '3.1: every unknown key of an AND-requirement is reported, without a suggestion when nothing is close',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth } },
      paths: { '/payments': { post: { ...ok, security: [{ oauth: [], clientCert: [], partnerKey: [] }] } } },
    }),
    errors: [
      {
        message: 'Security requirement names "clientCert", but components.securitySchemes defines no scheme of that name.',
        path: ['paths', '/payments', 'post', 'security', 0, 'clientCert'],
      },
      { path: ['paths', '/payments', 'post', 'security', 0, 'partnerKey'] },
    ],
  },
  {
    name: '3.1: requirements in webhooks and callbacks are checked too (webhooks come first in the file)',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth } },
      webhooks: { paid: { post: { ...ok, security: [{ hmac: [] }] } } },
      paths: {
        '/subscriptions': {
          post: {
            ...ok,
            security: [{ oauth: [] }],
            callbacks: { onEvent: { '{$request.body#/url}': { post: { ...ok, security: [{ signature: [] }] } } } },
          },
        },
      },
    }),
    errors: [
      { path: ['webhooks', 'paid', 'post', 'security', 0, 'hmac'] },
      { path: ['paths', '/subscriptions', 'post', 'callbacks', 'onEvent', '{$request.body#/url}', 'post', 'security', 0, 'signature'] },
    ],
  },
  {
    name: '3.1: a component callback used by two operations is reported once, at the component',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: { oauth },
        callbacks: { Ev: { '{$request.body#/callbackUrl}': { post: { ...ok, security: [{ signature: [] }] } } } },
      },
      security: [{ oauth: [] }],
      paths: {
        '/subscriptions': { post: { ...ok, callbacks: { onEvent: { $ref: '#/components/callbacks/Ev' } } } },
        '/mandates': { post: { ...ok, callbacks: { onEvent: { $ref: '#/components/callbacks/Ev' } } } },
      },
    }),
    errors: [{ path: ['components', 'callbacks', 'Ev', '{$request.body#/callbackUrl}', 'post', 'security', 0, 'signature'] }],
  },
  {
    name: '3.1: with no securitySchemes at all every name is unknown',
    document: oasDoc('3.1', { security: [{ oidc: [] }] }),
    errors: [{ path: ['security', 0, 'oidc'] }],
  },
  {
    name: "3.1: a scheme $ref'd from another file is defined",
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: { $ref: 'schemes.yaml#/OAuth' } } },
      security: [{ oauth: [] }],
    }),
    files: { 'schemes.yaml': { OAuth: oauth } },
    errors: [],
  },
  {
    name: "3.1: a requirement in a $ref'd path-item file is reported in that file",
    document: oasDoc('3.1', { components: { securitySchemes: { oauth } }, paths: { '/cards': { $ref: 'paths/cards.yaml' } } }),
    files: { 'paths/cards.yaml': { get: { ...ok, security: [{ oath: [] }] } } },
    errors: [{ message: /did you mean "oauth"/, path: ['get', 'security', 0, 'oath'], source: 'paths/cards.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: a defined scheme passes',
    document: oasDoc('3.0', { components: { securitySchemes: { oauth } }, security: [{ oauth: [] }] }),
    errors: [],
  },
  {
    name: '3.0: an undefined scheme fails',
    document: oasDoc('3.0', { components: { securitySchemes: { oauth } }, security: [{ bearer: [] }] }),
    errors: [{ path: ['security', 0, 'bearer'] }],
  },
  // OAS 2.0
  {
    name: '2.0: a defined scheme passes',
    document: oasDoc('2.0', {
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
      paths: { '/accounts': { get: { ...ok, security: [{ key: [] }] } } },
    }),
    errors: [],
  },
  {
    name: '2.0: an undefined scheme fails and names securityDefinitions',
    document: oasDoc('2.0', {
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
      paths: { '/accounts': { get: { ...ok, security: [{ apiKey: [] }] } } },
    }),
    errors: [
      {
        message: 'Security requirement names "apiKey", but securityDefinitions defines no scheme of that name.',
        path: ['paths', '/accounts', 'get', 'security', 0, 'apiKey'],
      },
    ],
  },
]);
