import { describe, expect, it } from 'vitest';
import { ruleConfig } from '../helpers/ruleConfig.js';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-psd2-consent-revocable';
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
/** UK style: the consent is wrapped in Data. */
const ukConsent = {
  type: 'object',
  properties: {
    Data: { type: 'object', properties: { ConsentId: { type: 'string' }, Status: { type: 'string' }, ExpirationDateTime: { type: 'string', format: 'date-time' } } },
  },
};
/** Berlin Group style: top-level validUntil and consentStatus. */
const bgConsent = { type: 'object', properties: { validUntil: { type: 'string', format: 'date' }, consentStatus: { type: 'string' } } };
const get = (schema: object) => ({ responses: { '200': { description: 'ok', ...json(schema) } } });
const post = (schema: object) => ({ responses: { '201': { description: 'created', ...json(schema) } } });
const noContent = { responses: { '204': { description: 'deleted' } } };

testRule(RULE, [
  {
    name: '3.1: an account-access consent that cannot be deleted is reported at the consent path',
    document: oasDoc('3.1', {
      paths: {
        '/account-access-consents': { post: post(ukConsent) },
        '/account-access-consents/{ConsentId}': { get: get(ukConsent) },
      },
    }),
    errors: [
      {
        message: 'Consent resource /account-access-consents has no DELETE /account-access-consents/{ConsentId} (or other way to revoke it).',
        path: ['paths', '/account-access-consents/{ConsentId}'],
      },
    ],
  },
  {
    name: '3.1: DELETE, GET, status and expiry pass; single-use payment and standing-order consents are exempt',
    document: oasDoc('3.1', {
      paths: {
        '/account-access-consents': { post: post(ukConsent) },
        '/account-access-consents/{ConsentId}': { get: get(ukConsent), delete: noContent },
        '/domestic-payment-consents': { post: post({ type: 'object' }) },
        '/domestic-payment-consents/{ConsentId}': { get: get({ type: 'object' }) },
        '/international-standing-order-consents': { post: post({ type: 'object' }) },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a consent without GET, expiry and status lists all gaps in one finding',
    document: oasDoc('3.1', {
      paths: {
        '/v1/consents': { post: post({ type: 'object', properties: { consentId: { type: 'string' } } }) },
        '/v1/consents/{consentId}': { delete: noContent },
      },
    }),
    errors: [
      {
        message:
          'Consent resource /v1/consents has no GET /v1/consents/{consentId} to read its status, no expiry in its schema (e.g. ExpirationDateTime, validUntil) and no status in its schema.',
        path: ['paths', '/v1/consents/{consentId}'],
      },
    ],
  },
  {
    name: '3.0: Berlin Group: GET /status and a revoke-by-status PATCH count; the schema is read through allOf and $ref',
    document: oasDoc('3.0', {
      components: { schemas: { Consent: { allOf: [{ $ref: '#/components/schemas/Validity' }, { type: 'object', properties: { consentStatus: { type: 'string' } } }] }, Validity: { type: 'object', properties: { validUntil: { type: 'string' } } } } },
      paths: {
        '/v1/consents': { post: post({ $ref: '#/components/schemas/Consent' }) },
        '/v1/consents/{consentId}': {
          patch: {
            requestBody: json({ type: 'object', properties: { consentStatus: { type: 'string', enum: ['valid', 'revokedByPsu'] } } }),
            responses: { '204': { description: 'ok' } },
          },
        },
        '/v1/consents/{consentId}/status': { get: get({ type: 'object', properties: { consentStatus: { type: 'string' } } }) },
      },
    }),
    errors: [],
  },
  {
    name: '3.0: a PATCH that cannot set a revoked status is no revocation; a collection in another file is reported there',
    document: oasDoc('3.0', {
      paths: {
        '/domestic-vrp-consents': { post: post(ukConsent) },
        '/domestic-vrp-consents/{ConsentId}': { $ref: 'vrp.yaml#/Consent' },
      },
    }),
    files: {
      'vrp.yaml': {
        Consent: {
          get: get(ukConsent),
          patch: { requestBody: json({ type: 'object', properties: { Status: { type: 'string', enum: ['Authorised'] } } }), responses: { '200': { description: 'ok' } } },
        },
      },
    },
    errors: [{ message: /^Consent resource \/domestic-vrp-consents has no DELETE/, path: ['Consent'], source: 'vrp.yaml' }],
  },
  {
    name: '2.0: a funds-confirmation consent with DELETE, GET, Status and ExpirationDateTime passes',
    document: oasDoc('2.0', {
      paths: {
        '/funds-confirmation-consents': { post: { responses: { '201': { description: 'created', schema: ukConsent } } } },
        '/funds-confirmation-consents/{ConsentId}': {
          get: { responses: { '200': { description: 'ok', schema: ukConsent } } },
          delete: { responses: { '204': { description: 'deleted' } } },
        },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: a consent with no described response is reported',
    document: oasDoc('2.0', {
      paths: {
        '/account-access-consents': { post: { responses: { '201': { description: 'created' } } } },
        '/account-access-consents/{ConsentId}': { get: { responses: { '200': { description: 'ok' } } }, delete: { responses: { '204': { description: 'deleted' } } } },
      },
    }),
    errors: [{ message: 'Consent resource /account-access-consents has no response schema showing its status and expiry.' }],
  },
  {
    name: '2.0: RPC-style calls under a consent namespace are not consent resources; a document that creates no consents is not judged',
    document: oasDoc('2.0', {
      paths: {
        '/payment_initiation/consent/create': { post: { responses: { '200': { description: 'ok' } } } },
        '/payment_initiation/consent/get': { post: { responses: { '200': { description: 'ok' } } } },
        '/fdx/consents/{consentId}': { get: { responses: { '200': { description: 'ok' } } } },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: a revoke sub-resource counts as revocation, whatever its parameter is called',
    document: oasDoc('2.0', {
      paths: {
        '/consents': { post: { responses: { '201': { description: 'created', schema: bgConsent } } } },
        '/consents/{id}': { get: { responses: { '200': { description: 'ok', schema: bgConsent } } } },
        '/consents/{consentId}/revoke': { post: { responses: { '204': { description: 'revoked' } } } },
      },
    }),
    errors: [],
  },
]);

// Recurring payment consents must be revocable too when the exemption list is narrowed.
const narrow = ruleConfig(RULE, 'warn', { exempt: ['domestic payment consents'] });
testRule(
  RULE,
  [
    {
      name: 'options: exempt narrows the single-use consents; standing-order consents are judged',
      document: oasDoc('3.1', {
        paths: {
          '/domestic-payment-consents': { post: post(ukConsent) },
          '/domestic-standing-order-consents': { post: post(ukConsent) },
          '/domestic-standing-order-consents/{ConsentId}': { get: get(ukConsent) },
        },
      }),
      errors: [{ message: /^Consent resource \/domestic-standing-order-consents has no DELETE/, severity: 1 }],
    },
  ],
  { config: narrow },
);

describe(`${RULE} options`, () => {
  it('onlyOpenBanking: false judges consent resources of any document', async () => {
    const doc = oasDoc('3.1', { paths: { '/fdx/consents/{consentId}': { get: get(bgConsent) } } });
    expect(await runRuleWithOptions(RULE, {}, doc)).toEqual([]);
    expect((await runRuleWithOptions(RULE, { onlyOpenBanking: false }, doc)).map((f) => f.message)).toEqual([
      'Consent resource /fdx/consents has no DELETE /fdx/consents/{consentId} (or other way to revoke it).',
    ]);
  });
  it('consentPaths names the consent collections of another market', async () => {
    const doc = oasDoc('3.1', { paths: { '/v1/mandates': { post: post(bgConsent) }, '/v1/mandates/{id}': { get: get(bgConsent) } } });
    expect(await runRuleWithOptions(RULE, {}, doc)).toEqual([]);
    expect((await runRuleWithOptions(RULE, { consentPaths: ['mandates'] }, doc)).map((f) => f.message)).toEqual([
      'Consent resource /v1/mandates has no DELETE /v1/mandates/{id} (or other way to revoke it).',
    ]);
  });
});
