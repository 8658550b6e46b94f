import { oasDoc, testRule } from '../helpers/testRule.js';
import { ruleConfig } from '../helpers/ruleConfig.js';

const RULE = 'fin-fapi-dpop-proof-header';
const tokenUrl = 'https://auth.bank.example/token';
const scopes = { accounts: 'Read accounts' };
const flows = { clientCredentials: { tokenUrl, scopes } };
const dpopScheme = (methods: string[] = ['dpop']) => ({ type: 'oauth2', flows, 'x-sender-constrained': methods });
const proof = { name: 'DPoP', in: 'header', required: true, schema: { type: 'string', maxLength: 4096 } };
const challenge = { 'WWW-Authenticate': { description: 'DPoP challenge, e.g. DPoP error="invalid_token", algs="ES256 PS256"', schema: { type: 'string' } } };
const responses = (r401: Record<string, unknown> = { description: 'unauthorized', headers: challenge }) => ({ '200': { description: 'ok' }, '401': r401 });

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: an operation under a DPoP scheme without the proof header and challenge fails at the operation',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: dpopScheme() } },
      security: [{ oauth: ['accounts'] }],
      paths: { '/accounts': { get: { responses: responses({ description: 'unauthorized' }) } } },
    }),
    errors: [
      {
        message:
          'GET /accounts takes DPoP-bound access tokens of "oauth" but does not document the DPoP request header that carries the proof and its 401 response does not document the WWW-Authenticate: DPoP challenge header.',
        path: ['paths', '/accounts', 'get'],
      },
    ],
  },
  {
    name: '3.1: a required string DPoP header and a DPoP challenge pass (catalogue example)',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: dpopScheme() }, parameters: { DPoP: proof } },
      paths: { '/accounts': { get: { security: [{ oauth: ['accounts'] }], parameters: [{ $ref: '#/components/parameters/DPoP' }], responses: responses() } } },
    }),
    errors: [],
  },
  {
    name: '3.1: an optional or non-string header is reported; optional is fine when mTLS is an alternative',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: dpopScheme(), both: dpopScheme(['mtls', 'dpop']) } },
      paths: {
        '/a': { get: { security: [{ oauth: [] }], parameters: [{ ...proof, required: false, schema: { type: 'object' } }], responses: responses() } },
        '/b': { get: { security: [{ both: [] }], parameters: [{ ...proof, required: false }], responses: responses() } },
      },
    }),
    errors: [
      {
        message: 'GET /a takes DPoP-bound access tokens of "oauth" but does not mark the DPoP header required and declares the DPoP header as "object", not a string (a JWT).',
        path: ['paths', '/a', 'get'],
      },
    ],
  },
  {
    name: '3.1: a WWW-Authenticate header that does not mention DPoP is not the DPoP challenge',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: dpopScheme() } },
      paths: {
        '/a': {
          get: {
            security: [{ oauth: [] }],
            parameters: [proof],
            responses: responses({ description: 'unauthorized', headers: { 'www-authenticate': { schema: { type: 'string', example: 'Bearer realm="bank"' } } } }),
          },
        },
      },
    }),
    errors: [{ message: 'GET /a takes DPoP-bound access tokens of "oauth" but its 401 response does not document the WWW-Authenticate: DPoP challenge.' }],
  },
  {
    name: '3.1: a DPoP header next to a plain OAuth scheme is checked too; bearer-only operations are not',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: { type: 'oauth2', flows } } },
      paths: {
        '/a': { get: { security: [{ oauth: [] }], parameters: [proof], responses: responses({ description: 'unauthorized' }) } },
        '/b': { get: { security: [{ oauth: [] }], responses: responses({ description: 'unauthorized' }) } },
      },
    }),
    errors: [{ message: 'GET /a takes a DPoP proof but its 401 response does not document the WWW-Authenticate: DPoP challenge header.', path: ['paths', '/a', 'get'] }],
  },
  {
    name: '3.1: x-public operations are out of scope',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: dpopScheme() } },
      paths: { '/status': { get: { 'x-public': true, security: [{ oauth: [] }], responses: responses({ description: 'unauthorized' }) } } },
    }),
    errors: [],
  },
  {
    name: '3.1: documents without OAuth schemes are out of scope, even with a DPoP header',
    document: oasDoc('3.1', {
      components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } } },
      paths: { '/a': { get: { security: [{ key: [] }], parameters: [{ ...proof, required: false }], responses: responses({ description: 'unauthorized' }) } } },
    }),
    errors: [],
  },
  {
    name: "3.1: a path item in another file is reported there",
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: dpopScheme() } },
      security: [{ oauth: [] }],
      paths: { '/accounts': { $ref: 'paths.yaml#/Accounts' } },
    }),
    files: { 'paths.yaml': { Accounts: { get: { responses: responses() } } } },
    errors: [{ path: ['Accounts', 'get'], source: 'paths.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: a missing proof header fails',
    document: oasDoc('3.0', {
      components: { securitySchemes: { oauth: dpopScheme() } },
      paths: { '/accounts': { get: { security: [{ oauth: [] }], responses: responses() } } },
    }),
    errors: [{ message: /does not document the DPoP request header that carries the proof\.$/ }],
  },
  {
    name: '3.0: a path-level DPoP parameter passes',
    document: oasDoc('3.0', {
      components: { securitySchemes: { oauth: dpopScheme() } },
      paths: { '/accounts': { parameters: [proof], get: { security: [{ oauth: [] }], responses: responses() } } },
    }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: an inline string header and a DPoP challenge pass',
    document: oasDoc('2.0', {
      securityDefinitions: { oauth: { type: 'oauth2', flow: 'application', tokenUrl, scopes, 'x-sender-constrained': ['dpop'] } },
      security: [{ oauth: [] }],
      paths: {
        '/accounts': {
          get: {
            parameters: [{ name: 'DPoP', in: 'header', required: true, type: 'string' }],
            responses: { '200': { description: 'ok' }, '401': { description: 'unauthorized', headers: { 'WWW-Authenticate': { type: 'string', description: 'DPoP challenge' } } } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: an integer header fails',
    document: oasDoc('2.0', {
      securityDefinitions: { oauth: { type: 'oauth2', flow: 'application', tokenUrl, scopes, 'x-sender-constrained': ['dpop'] } },
      security: [{ oauth: [] }],
      paths: { '/accounts': { get: { parameters: [{ name: 'DPoP', in: 'header', required: true, type: 'integer' }], responses: { '200': { description: 'ok' } } } } },
    }),
    errors: [{ message: 'GET /accounts takes DPoP-bound access tokens of "oauth" but declares the DPoP header as "integer", not a string (a JWT).' }],
  },
]);

// Options: header renames the proof header.
const config = ruleConfig(RULE, 'info', { header: 'X-DPoP' });
testRule(
  RULE,
  [
    {
      name: 'header: the configured name is the proof header',
      document: oasDoc('3.1', {
        components: { securitySchemes: { oauth: dpopScheme() } },
        security: [{ oauth: [] }],
        paths: { '/a': { get: { parameters: [{ ...proof, name: 'X-DPoP' }], responses: responses() } }, '/b': { get: { parameters: [proof], responses: responses() } } },
      }),
      errors: [{ message: 'GET /b takes DPoP-bound access tokens of "oauth" but does not document the X-DPoP request header that carries the proof.', path: ['paths', '/b', 'get'] }],
    },
  ],
  { config },
);
