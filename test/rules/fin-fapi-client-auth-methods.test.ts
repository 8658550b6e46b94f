import { oasDoc, testRule } from '../helpers/testRule.js';
import { ruleConfig } from '../helpers/ruleConfig.js';

const RULE = 'fin-fapi-client-auth-methods';
const tokenUrl = 'https://auth.bank.example/token';
const scopes = { accounts: 'Read accounts' };
const oauth = (extra: Record<string, unknown> = {}) => ({ type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes } }, ...extra });
const at = (...p: (string | number)[]) => ['components', 'securitySchemes', 'oauth', ...p];

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: a scheme without x-token-endpoint-auth-methods fails at the scheme',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: oauth() } } }),
    errors: [
      {
        message:
          'OAuth 2.0 scheme "oauth" does not declare how clients authenticate at the token endpoint (x-token-endpoint-auth-methods, e.g. [private_key_jwt, tls_client_auth, self_signed_tls_client_auth]).',
        path: at(),
      },
    ],
  },
  {
    name: '3.1: private_key_jwt and tls_client_auth pass (catalogue example)',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: oauth({ 'x-token-endpoint-auth-methods': ['private_key_jwt', 'tls_client_auth'] }) } } }),
    errors: [],
  },
  {
    name: '3.1: one shared-secret method is reported at its entry',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: oauth({ 'x-token-endpoint-auth-methods': ['private_key_jwt', 'client_secret_basic'] }) } } }),
    errors: [
      {
        message:
          'OAuth 2.0 scheme "oauth" lets clients authenticate at the token endpoint with "client_secret_basic" (a shared client secret); allowed: private_key_jwt, tls_client_auth, self_signed_tls_client_auth.',
        path: at('x-token-endpoint-auth-methods', 1),
      },
    ],
  },
  {
    name: '3.1: several bad methods are one finding at the list',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: oauth({ 'x-token-endpoint-auth-methods': ['client_secret_post', 'none', 'client_secret_jwt'] }) } } }),
    errors: [
      {
        message:
          'OAuth 2.0 scheme "oauth" lets clients authenticate at the token endpoint with "client_secret_post", "none" and "client_secret_jwt" (a shared client secret, no client authentication); allowed: private_key_jwt, tls_client_auth, self_signed_tls_client_auth.',
        path: at('x-token-endpoint-auth-methods'),
      },
    ],
  },
  {
    name: '3.1: an empty or malformed declaration is reported',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: oauth({ 'x-token-endpoint-auth-methods': [] }) } } }),
    errors: [{ message: 'OAuth 2.0 scheme "oauth" has an x-token-endpoint-auth-methods that is not a non-empty list of method names.', path: at('x-token-endpoint-auth-methods') }],
  },
  {
    name: '3.1: OpenID Connect schemes are judged; other scheme types and non-OAuth documents are not',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' },
          key: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
    }),
    errors: [{ message: /^OpenID Connect scheme "oidc" does not declare/, path: ['components', 'securitySchemes', 'oidc'] }],
  },
  {
    name: "3.1: a $ref'd scheme in another file is reported there",
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: { $ref: 'schemes.yaml#/OAuth' } } } }),
    files: { 'schemes.yaml': { OAuth: oauth({ 'x-token-endpoint-auth-methods': 'client_secret_basic' }) } },
    errors: [{ path: ['OAuth', 'x-token-endpoint-auth-methods'], source: 'schemes.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: a single-string declaration of an allowed method passes',
    document: oasDoc('3.0', { components: { securitySchemes: { oauth: oauth({ 'x-token-endpoint-auth-methods': 'self_signed_tls_client_auth' }) } } }),
    errors: [],
  },
  {
    name: '3.0: client_secret_basic fails',
    document: oasDoc('3.0', { components: { securitySchemes: { oauth: oauth({ 'x-token-endpoint-auth-methods': ['client_secret_basic'] }) } } }),
    errors: [{ path: at('x-token-endpoint-auth-methods', 0) }],
  },
  // OAS 2.0
  {
    name: '2.0: a declared private_key_jwt passes',
    document: oasDoc('2.0', { securityDefinitions: { oauth: { type: 'oauth2', flow: 'application', tokenUrl, scopes, 'x-token-endpoint-auth-methods': ['private_key_jwt'] } } }),
    errors: [],
  },
  {
    name: '2.0: no declaration fails',
    document: oasDoc('2.0', { securityDefinitions: { oauth: { type: 'oauth2', flow: 'application', tokenUrl, scopes } } }),
    errors: [{ path: ['securityDefinitions', 'oauth'] }],
  },
]);

// Options: allowedMethods replaces the list (case-insensitive).
const config = ruleConfig(RULE, 'info', { allowedMethods: ['private_key_jwt'] });
testRule(
  RULE,
  [
    {
      name: 'allowedMethods: only the listed methods pass',
      document: oasDoc('3.1', {
        components: {
          securitySchemes: {
            a: oauth({ 'x-token-endpoint-auth-methods': ['PRIVATE_KEY_JWT'] }),
            b: oauth({ 'x-token-endpoint-auth-methods': ['tls_client_auth'] }),
          },
        },
      }),
      errors: [
        {
          message: 'OAuth 2.0 scheme "b" lets clients authenticate at the token endpoint with "tls_client_auth"; allowed: private_key_jwt.',
          path: ['components', 'securitySchemes', 'b', 'x-token-endpoint-auth-methods', 0],
        },
      ],
    },
  ],
  { config },
);
