import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-fapi-discovery-metadata';
const tokenUrl = 'https://auth.bank.example/token';
const scopes = { accounts: 'Read accounts' };
const metadata = 'https://auth.bank.example/.well-known/oauth-authorization-server';
const oauth = (extra: Record<string, unknown> = {}, url = tokenUrl) => ({ type: 'oauth2', flows: { clientCredentials: { tokenUrl: url, scopes } }, ...extra });
const SCHEME = ['components', 'securitySchemes', 'oauth'];

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: an oauth2 scheme without metadata fails at the scheme (catalogue example)',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: oauth() } } }),
    errors: [
      {
        message:
          'OAuth 2.0 scheme "oauth" does not point clients at its authorization server\'s metadata: add x-oauth2-metadata-url with its /.well-known/oauth-authorization-server URL, or describe the server with an openIdConnect scheme.',
        path: SCHEME,
      },
    ],
  },
  {
    name: '3.1: x-oauth2-metadata-url with an RFC 8414 URL passes',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: oauth({ 'x-oauth2-metadata-url': metadata }) } } }),
    errors: [],
  },
  {
    name: '3.1: a metadata URL that is not a /.well-known document is reported at the key',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: oauth({ 'x-oauth2-metadata-url': 'https://auth.bank.example/docs' }) } } }),
    errors: [
      {
        message:
          'OAuth 2.0 scheme "oauth" has x-oauth2-metadata-url "https://auth.bank.example/docs", which is not a metadata document URL ending in /.well-known/oauth-authorization-server or /.well-known/openid-configuration.',
        path: [...SCHEME, 'x-oauth2-metadata-url'],
      },
    ],
  },
  {
    name: '3.1: an openIdConnect scheme on the same host covers the oauth2 scheme; one on another host does not',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' },
          oauth: oauth(),
          partner: oauth({}, 'https://partner.example/token'),
        },
      },
    }),
    errors: [{ message: /^OAuth 2.0 scheme "partner" does not point clients/, path: ['components', 'securitySchemes', 'partner'] }],
  },
  {
    name: "3.1: a $ref'd scheme in another file is reported there",
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: { $ref: 'schemes.yaml#/OAuth' } } } }),
    files: { 'schemes.yaml': { OAuth: oauth({ 'x-oauth2-metadata-url': 42 }) } },
    errors: [{ message: 'OAuth 2.0 scheme "oauth" has an x-oauth2-metadata-url that is not a URL.', path: ['OAuth', 'x-oauth2-metadata-url'], source: 'schemes.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: an OpenID discovery URL in x-oauth2-metadata-url passes; relative flow URLs are covered by any openIdConnect scheme',
    document: oasDoc('3.0', {
      components: {
        securitySchemes: {
          oauth: oauth({ 'x-oauth2-metadata-url': 'https://auth.bank.example/.well-known/openid-configuration' }),
          relative: oauth({}, '/oauth2/token'),
          oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://id.bank.example/.well-known/openid-configuration' },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.0: no metadata fails',
    document: oasDoc('3.0', { components: { securitySchemes: { oauth: oauth() } } }),
    errors: [{ path: SCHEME }],
  },
  // OAS 2.0
  {
    name: '2.0: x-oauth2-metadata-url passes',
    document: oasDoc('2.0', { securityDefinitions: { oauth: { type: 'oauth2', flow: 'application', tokenUrl, scopes, 'x-oauth2-metadata-url': metadata } } }),
    errors: [],
  },
  {
    name: '2.0: no metadata fails at the scheme',
    document: oasDoc('2.0', { securityDefinitions: { oauth: { type: 'oauth2', flow: 'application', tokenUrl, scopes } } }),
    errors: [{ path: ['securityDefinitions', 'oauth'] }],
  },
]);
