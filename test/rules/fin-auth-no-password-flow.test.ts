import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-auth-no-password-flow';
const authorizationUrl = 'https://auth.bank.example/authorize';
const tokenUrl = 'https://auth.bank.example/token';
const scopes = { accounts: 'Read accounts' };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: authorization code and client credentials pass',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          oauth: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl, tokenUrl, scopes }, clientCredentials: { tokenUrl, scopes } } },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: flows.password is reported at the flow',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes }, password: { tokenUrl, scopes } } },
        },
      },
    }),
    errors: [
      {
        message:
          'OAuth 2.0 scheme "oauth" offers the resource owner password flow, which hands the user\'s password to the client and cannot carry strong customer authentication.',
        path: ['components', 'securitySchemes', 'oauth', 'flows', 'password'],
      },
    ],
  },
  {
    name: '3.1: a password-named apiKey or an http scheme is not an OAuth password flow',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          password: { type: 'apiKey', in: 'header', name: 'X-Password-Policy' },
          bearer: { type: 'http', scheme: 'bearer', flows: { password: { tokenUrl, scopes } } },
        },
      },
    }),
    errors: [],
  },
  {
    name: "3.1: a $ref'd scheme in another file is reported there",
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: { $ref: 'schemes.yaml#/OAuth' } } } }),
    files: { 'schemes.yaml': { OAuth: { type: 'oauth2', flows: { password: { tokenUrl, scopes } } } } },
    errors: [{ path: ['OAuth', 'flows', 'password'], source: 'schemes.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: client credentials passes',
    document: oasDoc('3.0', { components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes } } } } } }),
    errors: [],
  },
  {
    name: '3.0: password fails',
    document: oasDoc('3.0', { components: { securitySchemes: { oauth: { type: 'oauth2', flows: { password: { tokenUrl, scopes } } } } } }),
    errors: [{ path: ['components', 'securitySchemes', 'oauth', 'flows', 'password'] }],
  },
  // OAS 2.0
  {
    name: '2.0: application passes',
    document: oasDoc('2.0', { securityDefinitions: { oauth: { type: 'oauth2', flow: 'application', tokenUrl, scopes } } }),
    errors: [],
  },
  {
    name: '2.0: flow: password is reported at flow',
    document: oasDoc('2.0', { securityDefinitions: { oauth: { type: 'oauth2', flow: 'password', tokenUrl, scopes } } }),
    errors: [{ message: /"oauth" offers the resource owner password flow/, path: ['securityDefinitions', 'oauth', 'flow'] }],
  },
]);
