import { describe, expect, it } from 'vitest';
import { ruleConfig } from '../helpers/ruleConfig.js';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-psd2-message-signing';
const created = { responses: { '201': { description: 'created' } } };
const header = (name: string, required = false) => ({ name, in: 'header', required, schema: { type: 'string', maxLength: 4096 } });
const bgSignature = [header('Digest'), header('Signature'), header('TPP-Signature-Certificate')];
const consents = { '/v1/consents': { post: created } };
const ALTERNATIVES = 'x-jws-signature; or Digest + Signature + TPP-Signature-Certificate; or Signature + Signature-Input + Content-Digest';

testRule(RULE, [
  {
    name: '3.1: payment initiation without any signature header is reported per operation',
    document: oasDoc('3.1', {
      paths: {
        ...consents,
        '/domestic-payment-consents': { post: created },
        '/domestic-payments': { post: created },
        '/account-access-consents': { post: created },
      },
    }),
    errors: [
      { message: `Payment initiation POST /domestic-payment-consents declares no request signature header (${ALTERNATIVES}).`, path: ['paths', '/domestic-payment-consents', 'post'] },
      { message: `Payment initiation POST /domestic-payments declares no request signature header (${ALTERNATIVES}).`, path: ['paths', '/domestic-payments', 'post'] },
    ],
  },
  {
    name: '3.1: Berlin Group Digest + Signature + TPP-Signature-Certificate (optional, shared) satisfy the defaults',
    document: oasDoc('3.1', {
      components: { parameters: { Digest: header('Digest'), Signature: header('Signature'), Cert: header('TPP-Signature-Certificate') } },
      paths: {
        ...consents,
        '/v1/{payment-service}/{payment-product}': {
          parameters: [{ $ref: '#/components/parameters/Digest' }],
          post: { ...created, parameters: [{ $ref: '#/components/parameters/Signature' }, { $ref: '#/components/parameters/Cert' }] },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a partial alternative names what is missing',
    document: oasDoc('3.1', {
      paths: { ...consents, '/v1/payments/sepa-credit-transfers': { post: { ...created, parameters: [header('Signature'), header('Signature-Input')] } } },
    }),
    errors: [{ message: 'Payment initiation POST /v1/payments/sepa-credit-transfers declares Signature and Signature-Input but not Content-Digest.' }],
  },
  {
    name: '3.0: a payment operation in another file is reported there',
    document: oasDoc('3.0', { paths: { ...consents, '/domestic-vrps': { $ref: 'vrp.yaml#/Vrps' } } }),
    files: { 'vrp.yaml': { Vrps: { post: created } } },
    errors: [{ message: /^Payment initiation POST \/domestic-vrps declares no request signature header/, path: ['Vrps', 'post'], source: 'vrp.yaml' }],
  },
  {
    name: '3.0: RFC 9421 headers pass; SCA steps and documents without consents are not judged',
    document: oasDoc('3.0', {
      paths: {
        ...consents,
        '/payments': { post: { ...created, parameters: [header('signature'), header('signature-input'), header('content-digest')] } },
        '/payments/{paymentId}/authorisations': { post: created },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: a required inline x-jws-signature passes',
    document: oasDoc('2.0', {
      paths: { ...consents, '/domestic-payments': { post: { ...created, parameters: [{ name: 'x-jws-signature', in: 'header', required: true, type: 'string' }] } } },
    }),
    errors: [],
  },
  {
    name: '2.0: an unsigned standing order submission is reported',
    document: oasDoc('2.0', { paths: { ...consents, '/domestic-standing-orders': { post: created } } }),
    errors: [{ message: /^Payment initiation POST \/domestic-standing-orders declares no request signature header/ }],
  },
]);

// UK Open Banking: x-jws-signature only, required on requests and returned by 2xx responses.
const uk = ruleConfig(RULE, 'warn', { signatureHeaders: [['x-jws-signature']], required: true, responses: true });
const jws = { 'x-jws-signature': { schema: { type: 'string' } } };
testRule(
  RULE,
  [
    {
      name: 'options: an optional request signature and an unsigned 201 are reported in one finding',
      document: oasDoc('3.0', {
        paths: {
          '/domestic-vrp-consents': { post: { parameters: [header('x-jws-signature')], responses: { '201': { description: 'created' }, '400': { description: 'bad' } } } },
          '/domestic-vrps': { post: { parameters: [header('x-jws-signature', true)], responses: { '201': { description: 'created', headers: jws } } } },
        },
      }),
      errors: [
        {
          message: 'Payment initiation POST /domestic-vrp-consents declares x-jws-signature as optional, so unsigned requests are accepted and its 201 response returns no signature.',
          severity: 1,
        },
      ],
    },
    {
      name: 'options: Berlin Group headers no longer count when only x-jws-signature is configured',
      document: oasDoc('3.0', { paths: { ...consents, '/payments': { post: { ...created, parameters: bgSignature } } } }),
      errors: [{ message: /declares no request signature header \(x-jws-signature\) and its 201 response returns no signature\.$/, severity: 1 }],
    },
  ],
  { config: uk },
);

describe(`${RULE} options`, () => {
  it('rejects an empty alternative', async () => {
    await expect(runRuleWithOptions(RULE, { signatureHeaders: [[]] }, oasDoc('3.1'))).rejects.toThrow();
  });
  it('responses: true alone accepts any configured alternative in the response', async () => {
    const doc = oasDoc('3.1', {
      paths: { ...consents, '/payments': { post: { parameters: bgSignature, responses: { '201': { description: 'ok', headers: { Signature: {}, Digest: {}, 'TPP-Signature-Certificate': {} } } } } } },
    });
    expect(await runRuleWithOptions(RULE, { responses: true }, doc)).toEqual([]);
  });
});
