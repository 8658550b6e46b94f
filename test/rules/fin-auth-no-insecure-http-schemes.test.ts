import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-auth-no-insecure-http-schemes';

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: bearer, DPoP, GNAP, HOBA and Mutual HTTP schemes, OIDC and mutualTLS pass',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          dpop: { type: 'http', scheme: 'DPoP' },
          gnap: { type: 'http', scheme: 'GNAP' },
          hoba: { type: 'http', scheme: 'HOBA' },
          mutual: { type: 'http', scheme: 'Mutual' },
          mtls: { type: 'mutualTLS' },
          oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: digest is reported at scheme with its reason',
    document: oasDoc('3.1', { components: { securitySchemes: { legacy: { type: 'http', scheme: 'digest' } } } }),
    errors: [
      {
        message:
          'Security scheme "legacy" uses HTTP Digest authentication (RFC 7616), a password challenge whose server-side secret is password-equivalent and whose common MD5 variant is broken.',
        path: ['components', 'securitySchemes', 'legacy', 'scheme'],
      },
    ],
  },
  {
    name: '3.1: Negotiate, NTLM and OAuth (1.0) are reported whatever their case',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          kerberos: { type: 'http', scheme: 'Negotiate' },
          windows: { type: 'http', scheme: 'NTLM' },
          oauth1: { type: 'http', scheme: ' OAuth ' },
        },
      },
    }),
    errors: [
      { message: /HTTP Negotiate \(RFC 4559\)/, path: ['components', 'securitySchemes', 'kerberos', 'scheme'] },
      { message: /NTLM, a legacy Windows/, path: ['components', 'securitySchemes', 'windows', 'scheme'] },
      { message: /OAuth 1\.0 request signing/, path: ['components', 'securitySchemes', 'oauth1', 'scheme'] },
    ],
  },
  {
    name: '3.1: basic is left to fin-auth-no-http-basic, and an oauth2 scheme named "oauth" is not OAuth 1.0',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          basicAuth: { type: 'http', scheme: 'basic' },
          oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.bank.example/token', scopes: {} } } },
          digestKey: { type: 'apiKey', in: 'header', name: 'Digest' },
        },
      },
    }),
    errors: [],
  },
  {
    name: "3.1: a $ref'd scheme in another file is reported there",
    document: oasDoc('3.1', { components: { securitySchemes: { legacy: { $ref: 'schemes.yaml#/Legacy' } } } }),
    files: { 'schemes.yaml': { Legacy: { type: 'http', scheme: 'Digest' } } },
    errors: [{ path: ['Legacy', 'scheme'], source: 'schemes.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: bearer passes',
    document: oasDoc('3.0', { components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } }),
    errors: [],
  },
  {
    name: '3.0: digest fails',
    document: oasDoc('3.0', { components: { securitySchemes: { d: { type: 'http', scheme: 'digest' } } } }),
    errors: [{ path: ['components', 'securitySchemes', 'd', 'scheme'] }],
  },
]);
