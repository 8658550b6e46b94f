import { describe, expect, it } from 'vitest';
import { ruleConfig } from '../helpers/ruleConfig.js';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-psd2-consent-id-header';
const ok = { responses: { '200': { description: 'ok' } } };
const consentId = (required = true) => ({ name: 'Consent-ID', in: 'header', required, schema: { type: 'string', maxLength: 128 } });
/** The consent resource that marks a document as an access-to-account API. */
const consents = { '/v1/consents': { post: { responses: { '201': { description: 'created' } } } } };
const MISSING = (op: string) => `${op} reads account data without the Consent-ID header, so the request does not name the consent it relies on.`;

testRule(RULE, [
  {
    name: '3.1: account-data reads without Consent-ID are reported at each operation',
    document: oasDoc('3.1', {
      paths: {
        ...consents,
        '/v1/accounts': { get: ok },
        '/v1/card-accounts/{account-id}/balances': { get: ok },
        '/v1/accounts/{account-id}/transactions': { get: { ...ok, parameters: [consentId()] } },
      },
    }),
    errors: [
      { message: MISSING('GET /v1/accounts'), path: ['paths', '/v1/accounts', 'get'] },
      { message: MISSING('GET /v1/card-accounts/{account-id}/balances'), path: ['paths', '/v1/card-accounts/{account-id}/balances', 'get'] },
    ],
  },
  {
    name: '3.1: a required Consent-ID (any case, on the path item or through components) passes; consent and payment paths are not judged',
    document: oasDoc('3.1', {
      components: { parameters: { ConsentId: consentId() } },
      paths: {
        ...consents,
        '/v1/consents/{consentId}': { get: ok },
        '/v1/accounts': { parameters: [{ ...consentId(), name: 'consent-id' }], get: ok },
        '/v1/accounts/{account-id}/balances': { get: { ...ok, parameters: [{ $ref: '#/components/parameters/ConsentId' }] } },
        '/v1/payments/sepa-credit-transfers': { post: { responses: { '201': { description: 'created' } } } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: an optional shared Consent-ID is one finding where it is written',
    document: oasDoc('3.1', {
      components: { parameters: { ConsentId: consentId(false) } },
      paths: {
        ...consents,
        '/v1/accounts': { get: { ...ok, parameters: [{ $ref: '#/components/parameters/ConsentId' }] } },
        '/v1/accounts/{account-id}': { get: { ...ok, parameters: [{ $ref: '#/components/parameters/ConsentId' }] } },
      },
    }),
    errors: [
      {
        message: 'The Consent-ID header of GET /v1/accounts and 1 more operation is optional; account-data requests must name the consent they rely on.',
        path: ['components', 'parameters', 'ConsentId'],
      },
    ],
  },
  {
    name: '3.1: an account list in another file is reported there',
    document: oasDoc('3.1', { paths: { ...consents, '/v1/accounts': { $ref: 'accounts.yaml#/AccountList' } } }),
    files: { 'accounts.yaml': { AccountList: { get: ok } } },
    errors: [{ message: MISSING('GET /v1/accounts'), path: ['AccountList', 'get'], source: 'accounts.yaml' }],
  },
  {
    name: '3.0: a document without a consent resource or the header is not an access-to-account API (card acquirer)',
    document: oasDoc('3.0', { paths: { '/v1/accounts': { get: ok }, '/v1/balance_transactions': { get: ok } } }),
    errors: [],
  },
  {
    name: '3.0: without a consent resource, a document that uses the header somewhere is judged',
    document: oasDoc('3.0', { paths: { '/v1/accounts': { get: { ...ok, parameters: [consentId()] } }, '/v1/accounts/{id}/balances': { get: ok } } }),
    errors: [{ message: MISSING('GET /v1/accounts/{id}/balances') }],
  },
  {
    name: '3.0: reads bound to the consent by a user-delegated token (UK Open Banking) need no header; client credentials do',
    document: oasDoc('3.0', {
      components: {
        securitySchemes: {
          psu: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'https://as.example/auth', tokenUrl: 'https://as.example/token', scopes: { accounts: 'a' } } } },
          tpp: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://as.example/token', scopes: { accounts: 'a' } } } },
        },
      },
      paths: {
        '/account-access-consents': { post: { security: [{ tpp: ['accounts'] }], responses: { '201': { description: 'created' } } } },
        '/accounts': { get: { ...ok, security: [{ psu: ['accounts'] }] } },
        '/balances': { get: { ...ok, security: [{ tpp: ['accounts'] }] } },
      },
    }),
    errors: [{ message: MISSING('GET /balances'), path: ['paths', '/balances', 'get'] }],
  },
  {
    name: '2.0: a required inline Consent-ID passes',
    document: oasDoc('2.0', {
      paths: { ...consents, '/v1/accounts': { get: { ...ok, parameters: [{ name: 'Consent-ID', in: 'header', required: true, type: 'string' }] } } },
    }),
    errors: [],
  },
  {
    name: '2.0: an optional inline Consent-ID is reported at the parameter',
    document: oasDoc('2.0', {
      paths: { ...consents, '/v1/accounts': { get: { ...ok, parameters: [{ name: 'Consent-ID', in: 'header', type: 'string' }] } } },
    }),
    errors: [{ message: /^The Consent-ID header of GET \/v1\/accounts is optional;/, path: ['paths', '/v1/accounts', 'get', 'parameters', 0] }],
  },
]);

// A market with its own header and account paths, configured through finlint.config.yaml.
const custom = ruleConfig(RULE, 'warn', { header: 'X-Consent-Id', accountPaths: ['konten'], allowTokenBinding: false });
testRule(
  RULE,
  [
    {
      name: 'options: header and accountPaths replace the Berlin Group defaults',
      document: oasDoc('3.1', {
        paths: { ...consents, '/v1/konten': { get: ok }, '/v1/konten/{id}': { get: { ...ok, parameters: [{ ...consentId(), name: 'X-Consent-Id' }] } }, '/v1/accounts': { get: ok } },
      }),
      errors: [{ message: 'GET /v1/konten reads account data without the X-Consent-Id header, so the request does not name the consent it relies on.', severity: 1 }],
    },
  ],
  { config: custom },
);

describe(`${RULE} options`, () => {
  const tokenBound = oasDoc('3.1', {
    components: {
      securitySchemes: { oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://as.example/.well-known/openid-configuration' } },
    },
    security: [{ oidc: [] }],
    paths: { ...consents, '/accounts': { get: ok } },
  });
  it('allowTokenBinding: false demands the header even behind a user-delegated grant', async () => {
    expect(await runRuleWithOptions(RULE, {}, tokenBound)).toEqual([]);
    expect((await runRuleWithOptions(RULE, { allowTokenBinding: false }, tokenBound)).map((f) => f.message)).toEqual([MISSING('GET /accounts')]);
  });
  it('onlyOpenBanking: false judges documents without a consent resource', async () => {
    const doc = oasDoc('3.1', { paths: { '/accounts': { get: ok } } });
    expect(await runRuleWithOptions(RULE, {}, doc)).toEqual([]);
    expect(await runRuleWithOptions(RULE, { onlyOpenBanking: false }, doc)).toHaveLength(1);
  });
});
