import { describe, expect, it } from 'vitest';
import { ruleConfig } from '../helpers/ruleConfig.js';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-psd2-sca-user-flow-for-payment';
const created = { responses: { '201': { description: 'created' } } };
const ok = { responses: { '200': { description: 'ok' } } };
const TOKEN = 'https://as.example/token';
const schemes3 = {
  psu: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'https://as.example/authorize', tokenUrl: TOKEN, scopes: { payments: 'p', accounts: 'a' } } } },
  tpp: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: TOKEN, scopes: { payments: 'p', accounts: 'a' } } } },
  key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
  bearer: { type: 'http', scheme: 'bearer' },
  oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://as.example/.well-known/openid-configuration' },
};
const TAIL = 'every alternative needs a user-delegated grant (authorization code or OpenID Connect).';

testRule(RULE, [
  {
    name: '3.0: a payment submitted with client credentials only is reported at its security list; the consent POST may use them',
    document: oasDoc('3.0', {
      components: { securitySchemes: schemes3 },
      paths: {
        '/domestic-payment-consents': { post: { ...created, security: [{ tpp: ['payments'] }] } },
        '/domestic-payments': { post: { ...created, security: [{ tpp: ['payments'] }] } },
        '/domestic-vrps': { post: { ...created, security: [{ psu: ['payments'] }] } },
      },
    }),
    errors: [
      {
        message: `POST /domestic-payments submits a payment, but alternative "tpp" (OAuth 2.0 clientCredentials only) carries no grant of the PSU; ${TAIL}`,
        path: ['paths', '/domestic-payments', 'post', 'security'],
      },
    ],
  },
  {
    name: '3.0: account-data reads with an API-key or anonymous alternative are reported; root security applies at the operation',
    document: oasDoc('3.0', {
      components: { securitySchemes: schemes3 },
      security: [{ psu: ['accounts'] }, { key: [] }],
      paths: {
        '/account-access-consents': { post: { ...created, security: [{ tpp: ['accounts'] }] } },
        '/accounts': { get: ok },
        '/accounts/{AccountId}/balances': { get: { ...ok, security: [{}, { psu: ['accounts'] }] } },
      },
    }),
    errors: [
      { message: `GET /accounts reads account data, but alternative "key" (API key) carries no grant of the PSU; ${TAIL}`, path: ['paths', '/accounts', 'get'] },
      {
        message: `GET /accounts/{AccountId}/balances reads account data, but the anonymous alternative {} carries no grant of the PSU; ${TAIL}`,
        path: ['paths', '/accounts/{AccountId}/balances', 'get', 'security'],
      },
    ],
  },
  {
    name: '3.0: authorization code, OpenID Connect and HTTP bearer (grant unknown) pass; client credentials paired with a user grant pass',
    document: oasDoc('3.0', {
      components: { securitySchemes: schemes3 },
      paths: {
        '/account-access-consents': { post: { ...created, security: [{ tpp: ['accounts'] }] } },
        '/accounts': { get: { ...ok, security: [{ oidc: [] }] } },
        '/transactions': { get: { ...ok, security: [{ bearer: [] }] } },
        '/domestic-payments': { post: { ...created, security: [{ psu: ['payments'], tpp: ['payments'] }] } },
      },
    }),
    errors: [],
  },
  {
    name: '3.0: an operation without any security is reported',
    document: oasDoc('3.0', { paths: { '/v1/consents': { post: created }, '/v1/accounts': { get: ok } } }),
    errors: [
      {
        message: 'GET /v1/accounts reads account data but declares no security, so nothing shows that the PSU authorised it; require an authorization-code or OpenID Connect grant.',
        path: ['paths', '/v1/accounts', 'get'],
      },
    ],
  },
  {
    name: '3.1: Berlin Group: an initiation with an authorisations sub-resource and reads with a required Consent-ID are SCA-backed',
    document: oasDoc('3.1', {
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } },
      security: [{}, { key: [] }],
      paths: {
        '/v1/consents': { post: created },
        '/v1/{payment-service}/{payment-product}': { post: created },
        '/v1/{payment-service}/{payment-product}/{paymentId}/authorisations': { post: created },
        '/v1/accounts': { get: { ...ok, parameters: [{ name: 'Consent-ID', in: 'header', required: true, schema: { type: 'string' } }] } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: without the authorisations sub-resource or with an optional Consent-ID the same design is reported',
    document: oasDoc('3.1', {
      components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } },
      security: [{ key: [] }],
      paths: {
        '/v1/consents': { post: created },
        '/v1/{payment-service}/{payment-product}': { post: created },
        '/v1/accounts': { get: { ...ok, parameters: [{ name: 'Consent-ID', in: 'header', schema: { type: 'string' } }] } },
      },
    }),
    errors: [
      { message: `POST /v1/{payment-service}/{payment-product} submits a payment, but alternative "key" (API key) carries no grant of the PSU; ${TAIL}` },
      { message: `GET /v1/accounts reads account data, but alternative "key" (API key) carries no grant of the PSU; ${TAIL}` },
    ],
  },
  {
    name: '3.1: a payment operation in another file is reported there',
    document: oasDoc('3.1', {
      components: { securitySchemes: { mtls: { type: 'mutualTLS' } } },
      paths: { '/v1/consents': { post: created }, '/domestic-payments': { $ref: 'pis.yaml#/Payments' } },
    }),
    files: { 'pis.yaml': { Payments: { post: { ...created, security: [{ mtls: [] }] } } } },
    errors: [
      {
        message: `POST /domestic-payments submits a payment, but alternative "mtls" (mutual TLS, which identifies the TPP only) carries no grant of the PSU; ${TAIL}`,
        path: ['Payments', 'post', 'security'],
        source: 'pis.yaml',
      },
    ],
  },
  {
    name: '3.1: a card acquirer without consent resources is not judged (SCA runs through 3-D Secure)',
    document: oasDoc('3.1', {
      components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } },
      security: [{ key: [] }],
      paths: { '/payments': { post: created }, '/accounts': { get: ok } },
    }),
    errors: [],
  },
  {
    name: '2.0: application (client credentials) on a payment submission fails',
    document: oasDoc('2.0', {
      securityDefinitions: {
        tpp: { type: 'oauth2', flow: 'application', tokenUrl: TOKEN, scopes: { payments: 'p' } },
        psu: { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://as.example/authorize', tokenUrl: TOKEN, scopes: { payments: 'p' } },
      },
      paths: {
        '/domestic-payment-consents': { post: { ...created, security: [{ tpp: ['payments'] }] } },
        '/domestic-standing-orders': { post: { ...created, security: [{ tpp: ['payments'] }, { psu: ['payments'] }] } },
      },
    }),
    errors: [{ message: `POST /domestic-standing-orders submits a payment, but alternative "tpp" (OAuth 2.0 clientCredentials only) carries no grant of the PSU; ${TAIL}` }],
  },
  {
    name: '2.0: accessCode on payments and account data passes',
    document: oasDoc('2.0', {
      securityDefinitions: {
        tpp: { type: 'oauth2', flow: 'application', tokenUrl: TOKEN, scopes: { payments: 'p' } },
        psu: { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://as.example/authorize', tokenUrl: TOKEN, scopes: { payments: 'p' } },
      },
      paths: {
        '/domestic-payment-consents': { post: { ...created, security: [{ tpp: ['payments'] }] } },
        '/domestic-payment-consents/{ConsentId}': { get: { ...ok, security: [{ tpp: ['payments'] }] } },
        '/domestic-payments': { post: { ...created, security: [{ psu: ['payments'] }] } },
        '/domestic-payments/{id}': { get: { ...ok, security: [{ tpp: ['payments'] }] } },
        '/accounts': { get: { ...ok, security: [{ psu: ['payments'] }] } },
      },
    }),
    errors: [],
  },
]);

// A strict Berlin Group ASPSP that uses the OAuth SCA approach: no header binding, its own payment segments.
const strict = ruleConfig(RULE, 'warn', { consentHeader: null, paymentPaths: ['sepa credit transfers'] });
testRule(
  RULE,
  [
    {
      name: 'options: consentHeader null no longer accepts Consent-ID; paymentPaths names the payment collections',
      document: oasDoc('3.1', {
        components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } },
        security: [{ key: [] }],
        paths: {
          '/v1/consents': { post: created },
          '/v1/payments': { post: created },
          '/v1/payments/sepa-credit-transfers': { post: created },
          '/v1/accounts': { get: { ...ok, parameters: [{ name: 'Consent-ID', in: 'header', required: true, schema: { type: 'string' } }] } },
        },
      }),
      errors: [
        { message: /^POST \/v1\/payments\/sepa-credit-transfers submits a payment, but alternative "key"/, severity: 1 },
        { message: /^GET \/v1\/accounts reads account data, but alternative "key"/, severity: 1 },
      ],
    },
  ],
  { config: strict },
);

describe(`${RULE} options`, () => {
  it('onlyOpenBanking: false judges a document without consent resources', async () => {
    const doc = oasDoc('3.1', {
      components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } },
      security: [{ key: [] }],
      paths: { '/payments': { post: created } },
    });
    expect(await runRuleWithOptions(RULE, {}, doc)).toEqual([]);
    expect(await runRuleWithOptions(RULE, { onlyOpenBanking: false }, doc)).toHaveLength(1);
  });
});
