import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-auth-no-implicit-flow';
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
    name: '3.1: flows.implicit is reported at the flow, next to other flows',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          oauth: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl, tokenUrl, scopes }, implicit: { authorizationUrl, scopes } } },
        },
      },
    }),
    errors: [
      {
        message:
          'OAuth 2.0 scheme "oauth" offers the implicit flow, which returns access tokens in the redirect URL where they leak and cannot be sender-constrained.',
        path: ['components', 'securitySchemes', 'oauth', 'flows', 'implicit'],
      },
    ],
  },
  {
    name: '3.1: an x-implicit extension and a non-oauth2 scheme are not flows',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes }, 'x-implicit': { note: 'retired' } } },
          key: { type: 'apiKey', in: 'header', name: 'X-API-Key', flows: { implicit: { authorizationUrl, scopes } } },
        },
      },
    }),
    errors: [],
  },
  {
    name: "3.1: a $ref'd scheme in another file is reported there",
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: { $ref: 'schemes.yaml#/OAuth' } } } }),
    files: { 'schemes.yaml': { OAuth: { type: 'oauth2', flows: { implicit: { authorizationUrl, scopes } } } } },
    errors: [{ path: ['OAuth', 'flows', 'implicit'], source: 'schemes.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: authorization code passes',
    document: oasDoc('3.0', {
      components: { securitySchemes: { oauth: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl, tokenUrl, scopes } } } } },
    }),
    errors: [],
  },
  {
    name: '3.0: implicit fails',
    document: oasDoc('3.0', {
      components: { securitySchemes: { oauth: { type: 'oauth2', flows: { implicit: { authorizationUrl, scopes } } } } },
    }),
    errors: [{ path: ['components', 'securitySchemes', 'oauth', 'flows', 'implicit'] }],
  },
  // OAS 2.0
  {
    name: '2.0: accessCode passes',
    document: oasDoc('2.0', { securityDefinitions: { oauth: { type: 'oauth2', flow: 'accessCode', authorizationUrl, tokenUrl, scopes } } }),
    errors: [],
  },
  {
    name: '2.0: flow: implicit is reported at flow',
    document: oasDoc('2.0', { securityDefinitions: { oauth: { type: 'oauth2', flow: 'implicit', authorizationUrl, scopes } } }),
    errors: [{ message: /"oauth" offers the implicit flow/, path: ['securityDefinitions', 'oauth', 'flow'] }],
  },
]);
