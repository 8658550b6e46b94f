import { oasDoc, testRule } from '../helpers/testRule.js';
import { ruleConfig } from '../helpers/ruleConfig.js';

const RULE = 'fin-fapi-mtls-scheme';
const tokenUrl = 'https://auth.bank.example/token';
const scopes = { accounts: 'Read accounts' };
const oauth = (extra: Record<string, unknown> = {}) => ({ type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes } }, ...extra });
const anchors = 'Client certificate issued under the scheme directory CA';

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: OAuth without any mutual-TLS scheme fails once, at components.securitySchemes',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: oauth() } } }),
    errors: [
      {
        message:
          'The document declares OAuth schemes ("oauth") but no mutual-TLS client authentication: add a mutualTLS security scheme whose description names the certificate authorities it trusts.',
        path: ['components', 'securitySchemes'],
      },
    ],
  },
  {
    name: '3.1: a mutualTLS scheme naming its trust anchors passes (catalogue example)',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: oauth(), tppCert: { type: 'mutualTLS', description: anchors } } } }),
    errors: [],
  },
  {
    name: '3.1: a mutualTLS scheme without trust anchors is reported at the scheme',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: oauth(), tppCert: { type: 'mutualTLS', description: 'Mutual TLS.' } } } }),
    errors: [
      {
        message:
          'Mutual-TLS scheme "tppCert" does not name its trust anchors: say in its description which certificate authorities, directory or eIDAS QWAC issuers the accepted client certificates come from.',
        path: ['components', 'securitySchemes', 'tppCert'],
      },
    ],
  },
  {
    name: '3.1: a description alone does not declare mTLS (3.1 can say type: mutualTLS)',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: oauth({ description: 'Clients authenticate with mutual TLS certificates issued by the directory.' }) } } }),
    errors: [{ path: ['components', 'securitySchemes'] }],
  },
  {
    name: '3.1: DPoP ecosystems (x-sender-constrained: [dpop] or a DPoP header) need no mTLS scheme',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: oauth({ 'x-sender-constrained': ['dpop'] }) } } }),
    errors: [],
  },
  {
    name: '3.1: a DPoP header on an operation marks a DPoP ecosystem',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: oauth() } },
      paths: { '/a': { get: { security: [{ oauth: [] }], parameters: [{ name: 'DPoP', in: 'header', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } } },
    }),
    errors: [],
  },
  {
    name: '3.1: documents without OAuth schemes are out of scope',
    document: oasDoc('3.1', { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } } } }),
    errors: [],
  },
  {
    name: "3.1: a $ref'd mutualTLS scheme in another file is reported there",
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: oauth(), tppCert: { $ref: 'schemes.yaml#/TppCert' } } } }),
    files: { 'schemes.yaml': { TppCert: { type: 'mutualTLS' } } },
    errors: [{ path: ['TppCert'], source: 'schemes.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: x-mtls: true with trust anchors passes',
    document: oasDoc('3.0', { components: { securitySchemes: { oauth: oauth({ 'x-mtls': true, description: 'OBWAC certificates issued by the Open Banking directory.' }) } } }),
    errors: [],
  },
  {
    name: '3.0: a description that says mutual TLS counts, and must name the anchors',
    document: oasDoc('3.0', {
      components: { securitySchemes: { oauth: oauth({ description: 'Tokens are bound to the client certificate (mTLS).' }) } },
    }),
    errors: [{ message: /^Mutual-TLS scheme "oauth" does not name its trust anchors/, path: ['components', 'securitySchemes', 'oauth'] }],
  },
  {
    name: '3.0: no declaration fails and suggests x-mtls',
    document: oasDoc('3.0', { components: { securitySchemes: { oauth: oauth() } } }),
    errors: [{ message: /add a security scheme marked x-mtls: true/ }],
  },
  // OAS 2.0
  {
    name: '2.0: no declaration fails at securityDefinitions',
    document: oasDoc('2.0', { securityDefinitions: { oauth: { type: 'oauth2', flow: 'application', tokenUrl, scopes } } }),
    errors: [{ path: ['securityDefinitions'] }],
  },
  {
    name: '2.0: x-mtls: true naming eIDAS QWACs passes',
    document: oasDoc('2.0', {
      securityDefinitions: { oauth: { type: 'oauth2', flow: 'application', tokenUrl, scopes, 'x-mtls': true, description: 'eIDAS QWAC client certificates.' } },
    }),
    errors: [],
  },
]);

// Options: dpopHeader names the proof header that marks a DPoP ecosystem.
const config = ruleConfig(RULE, 'info', { dpopHeader: 'X-DPoP' });
const withHeader = (name: string) =>
  oasDoc('3.1', {
    components: { securitySchemes: { oauth: oauth() } },
    paths: { '/a': { get: { security: [{ oauth: [] }], parameters: [{ name, in: 'header', schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } } },
  });
testRule(
  RULE,
  [
    { name: 'dpopHeader: the configured header marks a DPoP ecosystem', document: withHeader('X-DPoP'), errors: [] },
    { name: 'dpopHeader: the default DPoP header no longer does', document: withHeader('DPoP'), errors: [{ path: ['components', 'securitySchemes'] }] },
  ],
  { config },
);
