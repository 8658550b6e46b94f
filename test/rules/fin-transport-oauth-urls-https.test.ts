import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-transport-oauth-urls-https';

const scopes = { payments: 'Initiate payments' };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: https authorization, token, refresh and OIDC discovery URLs pass',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          oauth: {
            type: 'oauth2',
            flows: {
              authorizationCode: {
                authorizationUrl: 'https://auth.bank.example/authorize',
                tokenUrl: 'HTTPS://auth.bank.example/token',
                refreshUrl: 'https://auth.bank.example/token',
                scopes,
              },
              clientCredentials: { tokenUrl: 'https://auth.bank.example/token', scopes },
            },
          },
          oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: http authorizationUrl and tokenUrl are reported at each field',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          oauth: {
            type: 'oauth2',
            flows: {
              authorizationCode: {
                authorizationUrl: 'http://auth.bank.example/authorize',
                tokenUrl: 'http://auth.bank.example/token',
                scopes,
              },
            },
          },
        },
      },
    }),
    errors: [
      {
        message:
          'The authorizationUrl of security scheme "oauth" (authorizationCode flow) is "http://auth.bank.example/authorize", not an https:// URL.',
        path: ['components', 'securitySchemes', 'oauth', 'flows', 'authorizationCode', 'authorizationUrl'],
      },
      {
        message: 'The tokenUrl of security scheme "oauth" (authorizationCode flow) is "http://auth.bank.example/token", not an https:// URL.',
        path: ['components', 'securitySchemes', 'oauth', 'flows', 'authorizationCode', 'tokenUrl'],
      },
    ],
  },
  {
    name: '3.1: http refreshUrl and openIdConnectUrl are reported',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          oauth: {
            type: 'oauth2',
            flows: {
              clientCredentials: { tokenUrl: 'https://auth.bank.example/token', refreshUrl: 'http://auth.bank.example/refresh', scopes },
            },
          },
          oidc: { type: 'openIdConnect', openIdConnectUrl: 'http://auth.bank.example/.well-known/openid-configuration' },
        },
      },
    }),
    errors: [
      { message: /refreshUrl of security scheme "oauth" \(clientCredentials flow\)/, path: ['components', 'securitySchemes', 'oauth', 'flows', 'clientCredentials', 'refreshUrl'] },
      {
        message: 'The openIdConnectUrl of security scheme "oidc" is "http://auth.bank.example/.well-known/openid-configuration", not an https:// URL.',
        path: ['components', 'securitySchemes', 'oidc', 'openIdConnectUrl'],
      },
    ],
  },
  {
    name: '3.1: near misses stay silent: relative URLs (the server decides), x- keys under flows, non-OAuth schemes',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          oauth: {
            type: 'oauth2',
            flows: {
              authorizationCode: { authorizationUrl: '/oauth/authorize', tokenUrl: 'oauth/token', scopes },
              'x-legacy': { tokenUrl: 'http://old.bank.example/token' },
            },
          },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'see http://docs.bank.example' },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a scheme $ref\'d from another file is reported in that file',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: { $ref: 'schemes.yaml#/OAuth' } } } }),
    files: {
      'schemes.yaml': {
        OAuth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'http://auth.bank.example/token', scopes } } },
      },
    },
    errors: [{ path: ['OAuth', 'flows', 'clientCredentials', 'tokenUrl'], source: 'schemes.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: https password-flow token URL passes (flow choice is another rule\'s concern)',
    document: oasDoc('3.0', {
      components: { securitySchemes: { oauth: { type: 'oauth2', flows: { password: { tokenUrl: 'https://auth.bank.example/token', scopes } } } } },
    }),
    errors: [],
  },
  {
    name: '3.0: an http token URL on a local identity provider is still reported',
    document: oasDoc('3.0', {
      components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'http://localhost:8080/token', scopes } } } } },
    }),
    errors: [{ path: ['components', 'securitySchemes', 'oauth', 'flows', 'clientCredentials', 'tokenUrl'] }],
  },
  // OAS 2.0
  {
    name: '2.0: https accessCode flow passes',
    document: oasDoc('2.0', {
      securityDefinitions: {
        oauth: {
          type: 'oauth2',
          flow: 'accessCode',
          authorizationUrl: 'https://auth.bank.example/authorize',
          tokenUrl: 'https://auth.bank.example/token',
          scopes,
        },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: http URLs of an accessCode flow are reported on the scheme, naming the 2.0 flow',
    document: oasDoc('2.0', {
      securityDefinitions: {
        oauth: {
          type: 'oauth2',
          flow: 'accessCode',
          authorizationUrl: 'http://auth.bank.example/authorize',
          tokenUrl: 'https://auth.bank.example/token',
          scopes,
        },
      },
    }),
    errors: [
      {
        message: 'The authorizationUrl of security scheme "oauth" (accessCode flow) is "http://auth.bank.example/authorize", not an https:// URL.',
        path: ['securityDefinitions', 'oauth', 'authorizationUrl'],
      },
    ],
  },
]);
