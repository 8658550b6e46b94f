import { oasDoc, testRule } from '../helpers/testRule.js';
import { ruleConfig } from '../helpers/ruleConfig.js';

const RULE = 'fin-fapi-sender-constrained-tokens';
const authorizationUrl = 'https://auth.bank.example/authorize';
const tokenUrl = 'https://auth.bank.example/token';
const scopes = { accounts: 'Read accounts' };
const flows = { authorizationCode: { authorizationUrl, tokenUrl, scopes } };
const oauth = (extra: Record<string, unknown> = {}) => ({ type: 'oauth2', flows, ...extra });
const ok = { '200': { description: 'ok' } };
const get = (extra: Record<string, unknown> = {}) => ({ get: { responses: ok, ...extra } });
const dpop = { name: 'DPoP', in: 'header', required: true, schema: { type: 'string', maxLength: 4096 } };
const SCHEME = ['components', 'securitySchemes', 'oauth'];

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: a bearer-only scheme is reported once, at the scheme, naming the operations',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: oauth() } },
      security: [{ oauth: ['accounts'] }],
      paths: { '/accounts': get(), '/accounts/{id}': get() },
    }),
    errors: [
      {
        message:
          'OAuth 2.0 scheme "oauth" protects 2 operations (GET /accounts and GET /accounts/{id}) with bearer tokens: it declares no x-sender-constrained, no security requirement pairs it with a mutual-TLS scheme and no operation takes a DPoP header, so a leaked access token can be replayed by anyone.',
        path: SCHEME,
      },
    ],
  },
  {
    name: '3.1: x-sender-constrained with a mutualTLS companion in the same requirement passes (catalogue example)',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          oauth: oauth({ 'x-sender-constrained': ['mtls'] }),
          tppCert: { type: 'mutualTLS', description: 'eIDAS QWAC or ecosystem-issued transport certificate' },
        },
      },
      security: [{ oauth: ['accounts'], tppCert: [] }],
      paths: { '/accounts': get() },
    }),
    errors: [],
  },
  {
    name: '3.1: pairing with a mutualTLS scheme alone is enough',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: oauth(), tppCert: { type: 'mutualTLS' } } },
      paths: { '/accounts': get({ security: [{ oauth: ['accounts'], tppCert: [] }] }) },
    }),
    errors: [],
  },
  {
    name: '3.1: when other operations pair the scheme with mTLS, the one that does not is reported at its requirement',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: oauth(), tppCert: { type: 'mutualTLS' } } },
      paths: {
        '/accounts': get({ security: [{ oauth: ['accounts'], tppCert: [] }] }),
        '/balances': get({ security: [{ oauth: ['accounts'] }] }),
      },
    }),
    errors: [
      {
        message:
          'GET /balances accepts bearer tokens of "oauth": its security requirement does not pair "oauth" with a mutual-TLS scheme and it takes no DPoP header, unlike other operations using "oauth".',
        path: ['paths', '/balances', 'get', 'security', 0],
      },
    ],
  },
  {
    name: '3.1: a DPoP header on the operation or its path item constrains the token',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: oauth() } },
      security: [{ oauth: ['accounts'] }],
      paths: { '/accounts': { parameters: [dpop], ...get() }, '/balances': get({ parameters: [{ ...dpop, name: 'dpop' }] }) },
    }),
    errors: [],
  },
  {
    name: '3.1: token endpoints of the same file and x-public operations are not uses',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: oauth() } },
      security: [{ oauth: [] }],
      paths: {
        '/token': { post: { responses: ok } },
        '/oauth2/revoke': { post: { responses: ok } },
        '/status': get({ 'x-public': true, 'x-public-reason': 'Health check' }),
      },
    }),
    errors: [],
  },
  {
    name: '3.1: an x-sender-constrained value that is not mtls or dpop is reported, and does not constrain',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: oauth({ 'x-sender-constrained': ['bearer'] }) } },
      paths: { '/accounts': get({ security: [{ oauth: [] }] }) },
    }),
    errors: [
      { message: /^OAuth 2.0 scheme "oauth" protects GET \/accounts with bearer tokens/, path: SCHEME },
      { message: 'OAuth 2.0 scheme "oauth" declares x-sender-constrained "bearer", which is not mtls or dpop.', path: [...SCHEME, 'x-sender-constrained', 0] },
    ],
  },
  {
    name: '3.1: OpenID Connect schemes are judged too',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' } } },
      paths: { '/accounts': get({ security: [{ oidc: ['openid'] }] }) },
    }),
    errors: [{ message: /^OpenID Connect scheme "oidc" protects GET \/accounts with bearer tokens/, path: ['components', 'securitySchemes', 'oidc'] }],
  },
  {
    name: '3.1: documents without OAuth schemes are out of scope',
    document: oasDoc('3.1', {
      components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } } },
      security: [{ key: [] }],
      paths: { '/accounts': get() },
    }),
    errors: [],
  },
  {
    name: "3.1: a $ref'd scheme in another file is reported there",
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: { $ref: 'schemes.yaml#/OAuth' } } },
      security: [{ oauth: ['accounts'] }],
      paths: { '/accounts': get() },
    }),
    files: { 'schemes.yaml': { OAuth: oauth() } },
    errors: [{ path: ['OAuth'], source: 'schemes.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: a bearer-only scheme fails',
    document: oasDoc('3.0', { components: { securitySchemes: { oauth: oauth() } }, paths: { '/accounts': get({ security: [{ oauth: ['accounts'] }] }) } }),
    errors: [{ path: SCHEME }],
  },
  {
    name: '3.0: an x-mtls: true companion scheme or x-sender-constrained: [dpop] passes',
    document: oasDoc('3.0', {
      components: {
        securitySchemes: {
          oauth: oauth(),
          psu: oauth({ 'x-sender-constrained': ['dpop'] }),
          tppCert: { type: 'apiKey', in: 'header', name: 'X-Client-Certificate', 'x-mtls': true },
        },
      },
      paths: { '/accounts': get({ security: [{ oauth: ['accounts'], tppCert: [] }] }), '/balances': get({ security: [{ psu: ['accounts'] }] }) },
    }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: x-sender-constrained: mtls (a single string) passes',
    document: oasDoc('2.0', {
      securityDefinitions: { oauth: { type: 'oauth2', flow: 'accessCode', authorizationUrl, tokenUrl, scopes, 'x-sender-constrained': 'mtls' } },
      security: [{ oauth: ['accounts'] }],
      paths: { '/accounts': get() },
    }),
    errors: [],
  },
  {
    name: '2.0: a bearer-only scheme fails at securityDefinitions',
    document: oasDoc('2.0', {
      securityDefinitions: { oauth: { type: 'oauth2', flow: 'application', tokenUrl, scopes } },
      security: [{ oauth: ['accounts'] }],
      paths: { '/accounts': get() },
    }),
    errors: [{ message: /^OAuth 2.0 scheme "oauth" protects GET \/accounts with bearer tokens/, path: ['securityDefinitions', 'oauth'] }],
  },
]);

// Options: dpopHeader names the proof header (through finlint.config.yaml, as an organisation configures it).
const withProofHeader = ruleConfig(RULE, 'warn', { dpopHeader: 'X-DPoP-Proof' });
const proofDoc = oasDoc('3.1', {
  components: { securitySchemes: { oauth: oauth() } },
  security: [{ oauth: ['accounts'] }],
  paths: { '/accounts': get({ parameters: [{ ...dpop, name: 'X-DPoP-Proof' }] }) },
});
testRule(
  RULE,
  [
    { name: 'dpopHeader: the configured proof header constrains the token', document: proofDoc, errors: [] },
    {
      name: 'dpopHeader: the default DPoP header no longer counts',
      document: oasDoc('3.1', { components: { securitySchemes: { oauth: oauth() } }, security: [{ oauth: [] }], paths: { '/accounts': get({ parameters: [dpop] }) } }),
      errors: [{ message: /no operation takes a X-DPoP-Proof header/, path: SCHEME }],
    },
  ],
  { config: withProofHeader },
);
testRule(RULE, [{ name: 'default options: X-DPoP-Proof is not a DPoP header', document: proofDoc, errors: [{ path: SCHEME }] }], { strict: false });
