import { describe, expect, it } from 'vitest';
import { ruleConfig } from '../helpers/ruleConfig.js';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-psd2-psu-context-headers';
const ok = { responses: { '200': { description: 'ok' } } };
const created = { responses: { '201': { description: 'created' } } };
const psuIp = { name: 'PSU-IP-Address', in: 'header', required: false, schema: { type: 'string', format: 'ipv4' }, 'x-data-classification': 'personal' };
const consents = { '/v1/consents': { post: created } };
const AIS = (op: string, names = 'header PSU-IP-Address') =>
  `${op} reads account data but does not accept the PSU-context ${names}, so the ASPSP cannot tell whether the PSU is present.`;
const PIS = (op: string, names = 'header PSU-IP-Address') =>
  `${op} submits a payment but does not accept the PSU-context ${names}, so the ASPSP cannot tell whether the PSU is present.`;

testRule(RULE, [
  {
    name: '3.1: account-data reads and payment submissions without PSU-IP-Address are reported per operation',
    document: oasDoc('3.1', {
      paths: {
        ...consents,
        '/v1/accounts/{account-id}/transactions': { get: ok },
        '/v1/{payment-service}/{payment-product}': { post: created },
        '/v1/{payment-service}/{payment-product}/{paymentId}/authorisations': { post: created },
      },
    }),
    errors: [
      { message: AIS('GET /v1/accounts/{account-id}/transactions'), path: ['paths', '/v1/accounts/{account-id}/transactions', 'get'] },
      { message: PIS('POST /v1/{payment-service}/{payment-product}'), path: ['paths', '/v1/{payment-service}/{payment-product}', 'post'] },
    ],
  },
  {
    name: '3.1: an optional PSU-IP-Address (path item, components, any case) is enough; consents and SCA steps are not judged',
    document: oasDoc('3.1', {
      components: { parameters: { PsuIp: psuIp } },
      paths: {
        ...consents,
        '/v1/accounts': { parameters: [{ $ref: '#/components/parameters/PsuIp' }], get: ok },
        '/v1/accounts/{account-id}/balances': { get: { ...ok, parameters: [{ ...psuIp, name: 'psu-ip-address' }] } },
        '/v1/payments/sepa-credit-transfers': { post: { ...created, parameters: [{ $ref: '#/components/parameters/PsuIp' }] } },
        '/v1/consents/{consentId}/authorisations': { post: created },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a payment operation in another file is reported there',
    document: oasDoc('3.1', { paths: { ...consents, '/v1/payments/sepa-credit-transfers': { $ref: 'pis.yaml#/Sepa' } } }),
    files: { 'pis.yaml': { Sepa: { post: created } } },
    errors: [{ message: PIS('POST /v1/payments/sepa-credit-transfers'), path: ['Sepa', 'post'], source: 'pis.yaml' }],
  },
  {
    name: '3.0: a non-open-banking document (no consent resource) is not judged',
    document: oasDoc('3.0', { paths: { '/v1/accounts': { get: ok }, '/v1/payments': { post: created } } }),
    errors: [],
  },
  {
    name: '3.0: actions on an existing payment, reads in disguise and sandbox simulations are not payment submissions',
    document: oasDoc('3.0', {
      paths: {
        ...consents,
        '/sandbox/payments/simulate': { post: created },
        '/domestic-payments/{id}/cancel': { post: created },
        '/payments/search': { post: ok },
        '/domestic-payments': { post: created },
      },
    }),
    errors: [{ message: PIS('POST /domestic-payments') }],
  },
  {
    name: '2.0: inline PSU-IP-Address passes',
    document: oasDoc('2.0', {
      paths: { ...consents, '/v1/accounts': { get: { ...ok, parameters: [{ name: 'PSU-IP-Address', in: 'header', type: 'string' }] } } },
    }),
    errors: [],
  },
  {
    name: '2.0: a payment submission flagged x-payment-operation is judged',
    document: oasDoc('2.0', { paths: { ...consents, '/v1/sepa': { post: { ...created, 'x-payment-operation': true } } } }),
    errors: [{ message: PIS('POST /v1/sepa'), path: ['paths', '/v1/sepa', 'post'] }],
  },
]);

// UK Open Banking names, configured through finlint.config.yaml.
const uk = ruleConfig(RULE, 'info', { headers: ['x-fapi-customer-ip-address', 'x-fapi-auth-date'] });
testRule(
  RULE,
  [
    {
      name: 'options: every configured header is required, and the missing ones are listed',
      document: oasDoc('3.0', {
        paths: {
          '/account-access-consents': { post: created },
          '/accounts': { get: { ...ok, parameters: [{ name: 'x-fapi-customer-ip-address', in: 'header', schema: { type: 'string' } }] } },
          '/domestic-vrps': { post: created },
          '/standing-orders': { get: { ...ok, parameters: [psuIp] } },
        },
      }),
      errors: [
        { message: AIS('GET /accounts', 'header x-fapi-auth-date') },
        { message: PIS('POST /domestic-vrps', 'headers x-fapi-customer-ip-address and x-fapi-auth-date') },
        { message: AIS('GET /standing-orders', 'headers x-fapi-customer-ip-address and x-fapi-auth-date') },
      ],
    },
  ],
  { config: uk },
);

describe(`${RULE} options`, () => {
  it('paymentPaths and accountPaths replace the defaults', async () => {
    const doc = oasDoc('3.1', { paths: { ...consents, '/v1/accounts': { get: ok }, '/v1/ueberweisungen': { post: created } } });
    const findings = await runRuleWithOptions(RULE, { paymentPaths: ['ueberweisungen'], accountPaths: ['konten'] }, doc);
    expect(findings.map((f) => f.message)).toEqual([PIS('POST /v1/ueberweisungen')]);
  });
  it('rejects an empty header list', async () => {
    await expect(runRuleWithOptions(RULE, { headers: [] }, oasDoc('3.1'))).rejects.toThrow();
  });
});
