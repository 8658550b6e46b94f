import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-fapi-pkce-par';
const authorizationUrl = 'https://auth.bank.example/authorize';
const tokenUrl = 'https://auth.bank.example/token';
const scopes = { accounts: 'Read accounts' };
const code = (extra: Record<string, unknown> = {}) => ({ authorizationUrl, tokenUrl, scopes, ...extra });
const FLOW = ['components', 'securitySchemes', 'oauth', 'flows', 'authorizationCode'];

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: an authorization code flow without x-pkce and x-par fails at the flow',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: { type: 'oauth2', flows: { authorizationCode: code() } } } } }),
    errors: [
      {
        message:
          'The authorization code flow of OAuth 2.0 scheme "oauth" does not declare PKCE (x-pkce: S256) and does not require pushed authorization requests (x-par: required).',
        path: FLOW,
      },
    ],
  },
  {
    name: '3.1: x-pkce: S256 and x-par: required pass (catalogue example)',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: { type: 'oauth2', flows: { authorizationCode: code({ 'x-pkce': 'S256', 'x-par': 'required' }) } } } } }),
    errors: [],
  },
  {
    name: '3.1: plain PKCE and optional PAR are reported',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: { type: 'oauth2', flows: { authorizationCode: code({ 'x-pkce': 'plain', 'x-par': 'optional' }) } } } } }),
    errors: [
      {
        message:
          'The authorization code flow of OAuth 2.0 scheme "oauth" declares x-pkce: plain, but only S256 resists an intercepted authorization code and declares x-par: optional, but FAPI 2.0 requires every authorization request to be pushed.',
        path: FLOW,
      },
    ],
  },
  {
    name: '3.1: client credentials flows and openIdConnect schemes are not judged; x-par: true counts',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes }, authorizationCode: code({ 'x-pkce': 'S256', 'x-par': true }) } },
          oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' },
        },
      },
    }),
    errors: [],
  },
  {
    name: "3.1: a $ref'd scheme in another file is reported there",
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: { $ref: 'schemes.yaml#/OAuth' } } } }),
    files: { 'schemes.yaml': { OAuth: { type: 'oauth2', flows: { authorizationCode: code({ 'x-pkce': 'S256' }) } } } },
    errors: [
      {
        message: 'The authorization code flow of OAuth 2.0 scheme "oauth" does not require pushed authorization requests (x-par: required).',
        path: ['OAuth', 'flows', 'authorizationCode'],
        source: 'schemes.yaml',
      },
    ],
  },
  // OAS 3.0
  {
    name: '3.0: a missing x-par fails',
    document: oasDoc('3.0', { components: { securitySchemes: { oauth: { type: 'oauth2', flows: { authorizationCode: code({ 'x-pkce': 's256' }) } } } } }),
    errors: [{ message: /does not require pushed authorization requests/, path: FLOW }],
  },
  {
    name: '3.0: both declared pass',
    document: oasDoc('3.0', { components: { securitySchemes: { oauth: { type: 'oauth2', flows: { authorizationCode: code({ 'x-pkce': 'S256', 'x-par': 'required' }) } } } } }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: flow: accessCode without declarations fails at the scheme',
    document: oasDoc('2.0', { securityDefinitions: { oauth: { type: 'oauth2', flow: 'accessCode', ...code() } } }),
    errors: [{ path: ['securityDefinitions', 'oauth'] }],
  },
  {
    name: '2.0: flow: accessCode with declarations passes; application is not judged',
    document: oasDoc('2.0', {
      securityDefinitions: {
        oauth: { type: 'oauth2', flow: 'accessCode', ...code({ 'x-pkce': 'S256', 'x-par': 'required' }) },
        machine: { type: 'oauth2', flow: 'application', tokenUrl, scopes },
      },
    }),
    errors: [],
  },
]);
