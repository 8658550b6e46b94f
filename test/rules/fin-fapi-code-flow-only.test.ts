import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-fapi-code-flow-only';
const authorizationUrl = 'https://auth.bank.example/authorize';
const tokenUrl = 'https://auth.bank.example/token';
const scopes = { accounts: 'Read accounts' };
const SCHEME = ['components', 'securitySchemes', 'oauth'];

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: a device authorization flow is reported at the flow (catalogue example)',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: { type: 'oauth2', flows: { deviceAuthorization: { deviceAuthorizationUrl: 'https://auth.bank.example/device', tokenUrl, scopes } } } } },
    }),
    errors: [
      {
        message:
          'OAuth 2.0 scheme "oauth" offers the device authorization flow, which FAPI 2.0 does not allow: use the authorization code flow for users and client credentials for machine-to-machine access.',
        path: [...SCHEME, 'flows', 'deviceAuthorization'],
      },
    ],
  },
  {
    name: '3.1: authorization code and client credentials pass; x- keys are not flows',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          oauth: { type: 'oauth2', 'x-ciba': true, flows: { authorizationCode: { authorizationUrl, tokenUrl, scopes }, clientCredentials: { tokenUrl, scopes }, 'x-implicit': {} } },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: implicit and password are one finding at flows',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          oauth: { type: 'oauth2', flows: { implicit: { authorizationUrl, scopes }, authorizationCode: { authorizationUrl, tokenUrl, scopes }, password: { tokenUrl, scopes } } },
        },
      },
    }),
    errors: [
      {
        message:
          'OAuth 2.0 scheme "oauth" offers the implicit and resource owner password flows, which FAPI 2.0 does not allow: use the authorization code flow for users and client credentials for machine-to-machine access.',
        path: [...SCHEME, 'flows'],
      },
    ],
  },
  {
    name: "3.1: a $ref'd scheme in another file is reported there",
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: { $ref: 'schemes.yaml#/OAuth' } } } }),
    files: { 'schemes.yaml': { OAuth: { type: 'oauth2', flows: { password: { tokenUrl, scopes } } } } },
    errors: [{ path: ['OAuth', 'flows', 'password'], source: 'schemes.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: implicit fails',
    document: oasDoc('3.0', { components: { securitySchemes: { oauth: { type: 'oauth2', flows: { implicit: { authorizationUrl, scopes } } } } } }),
    errors: [{ message: /offers the implicit flow/, path: [...SCHEME, 'flows', 'implicit'] }],
  },
  {
    name: '3.0: client credentials passes',
    document: oasDoc('3.0', { components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes } } } } } }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: flow: password fails at flow',
    document: oasDoc('2.0', { securityDefinitions: { oauth: { type: 'oauth2', flow: 'password', tokenUrl, scopes } } }),
    errors: [{ message: /offers the resource owner password flow/, path: ['securityDefinitions', 'oauth', 'flow'] }],
  },
  {
    name: '2.0: accessCode and application pass',
    document: oasDoc('2.0', {
      securityDefinitions: {
        user: { type: 'oauth2', flow: 'accessCode', authorizationUrl, tokenUrl, scopes },
        machine: { type: 'oauth2', flow: 'application', tokenUrl, scopes },
      },
    }),
    errors: [],
  },
]);
