import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-auth-oidc-discovery-url';

const oidc = (url: string | undefined) => ({
  components: { securitySchemes: { oidc: url === undefined ? { type: 'openIdConnect' } : { type: 'openIdConnect', openIdConnectUrl: url } } },
});

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: an issuer URL that is not a discovery document is reported at openIdConnectUrl',
    document: oasDoc('3.1', oidc('https://auth.bank.example/oidc')),
    errors: [
      {
        message:
          'OpenID Connect scheme "oidc" has openIdConnectUrl "https://auth.bank.example/oidc", which is not a discovery document URL ending in /.well-known/openid-configuration.',
        path: ['components', 'securitySchemes', 'oidc', 'openIdConnectUrl'],
      },
    ],
  },
  {
    name: '3.1: the standard discovery URL passes',
    document: oasDoc('3.1', oidc('https://auth.bank.example/.well-known/openid-configuration')),
    errors: [],
  },
  {
    name: '3.1: tenant issuers, RFC 8414 path insertion and a trailing slash pass',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          tenant: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/tenants/eu/.well-known/openid-configuration' },
          rfc8414: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/oauth-authorization-server/tenants/eu' },
          inserted: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration/tenants/eu/' },
          relative: { type: 'openIdConnect', openIdConnectUrl: '/.well-known/openid-configuration' },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: look-alikes in the query or host do not count',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          query: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/oidc?next=/.well-known/openid-configuration' },
          typo: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configurations' },
        },
      },
    }),
    errors: [
      { path: ['components', 'securitySchemes', 'query', 'openIdConnectUrl'] },
      { path: ['components', 'securitySchemes', 'typo', 'openIdConnectUrl'] },
    ],
  },
  {
    name: '3.1: a scheme $ref\'d from another file is reported there',
    document: oasDoc('3.1', { components: { securitySchemes: { oidc: { $ref: 'schemes.yaml#/Oidc' } } } }),
    files: { 'schemes.yaml': { Oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/authorize' } } },
    errors: [{ path: ['Oidc', 'openIdConnectUrl'], source: 'schemes.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: a missing openIdConnectUrl is reported at the scheme',
    document: oasDoc('3.0', oidc(undefined)),
    errors: [{ message: 'OpenID Connect scheme "oidc" has no openIdConnectUrl.', path: ['components', 'securitySchemes', 'oidc'] }],
  },
  {
    name: '3.0: the discovery URL passes, other scheme types are ignored',
    document: oasDoc('3.0', {
      components: {
        securitySchemes: {
          oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    }),
    errors: [],
  },
]);
