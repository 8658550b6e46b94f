import { describe, expect, it } from 'vitest';
import { ruleConfig } from '../helpers/ruleConfig.js';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-psd2-request-id';
const uuid = { type: 'string', format: 'uuid' };
const reqId = { name: 'X-Request-ID', in: 'header', required: true, schema: uuid };
const echo = { 'X-Request-ID': { schema: uuid } };
const ok = (status = 'ok') => ({ description: status, headers: echo });
/** A compliant consent creation: it also marks the document as an access-to-account API. */
const consents = { '/v1/consents': { post: { parameters: [reqId], responses: { '201': ok('created') } } } };
const consents2 = {
  '/v1/consents': {
    post: {
      parameters: [{ name: 'X-Request-ID', in: 'header', required: true, type: 'string', format: 'uuid' }],
      responses: { '201': { description: 'created', headers: { 'X-Request-ID': { type: 'string', format: 'uuid' } } } },
    },
  },
};

testRule(RULE, [
  {
    name: '3.1: a document that never uses X-Request-ID gets one finding at paths',
    document: oasDoc('3.1', {
      paths: { '/v1/accounts': { get: { responses: { '200': { description: 'ok' } } } }, '/v1/consents': { post: { responses: { '201': { description: 'ok' } } } } },
    }),
    errors: [{ message: 'No operation accepts the X-Request-ID request header and no response returns it; all 2 operations lack a request id.', path: ['paths'] }],
  },
  {
    name: '3.1: a required uuid X-Request-ID from components, echoed by every response (errors included), passes',
    document: oasDoc('3.1', {
      components: {
        parameters: { XRequestId: reqId },
        headers: { XRequestId: { required: true, schema: uuid } },
        responses: { Error: { description: 'error', headers: { 'X-Request-ID': { $ref: '#/components/headers/XRequestId' } } } },
      },
      paths: {
        ...consents,
        '/v1/accounts': {
          parameters: [{ $ref: '#/components/parameters/XRequestId' }],
          get: { responses: { '200': { description: 'ok', headers: { 'x-request-id': { $ref: '#/components/headers/XRequestId' } } }, '400': { $ref: '#/components/responses/Error' } } },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: an optional shared X-Request-ID without format is one finding at the component, naming the operations',
    document: oasDoc('3.1', {
      components: { parameters: { XRequestId: { name: 'X-Request-ID', in: 'header', schema: { type: 'string' } } } },
      paths: {
        '/v1/accounts': { get: { parameters: [{ $ref: '#/components/parameters/XRequestId' }], responses: { '200': ok() } } },
        '/v1/consents': { post: { parameters: [{ $ref: '#/components/parameters/XRequestId' }], responses: { '201': ok() } } },
      },
    }),
    errors: [
      {
        message:
          'The X-Request-ID header of GET /v1/accounts and 1 more operation is optional and not format: uuid; give it required: true and format: uuid, so every call carries a unique, traceable id.',
        path: ['components', 'parameters', 'XRequestId'],
      },
    ],
  },
  {
    name: '3.1: an operation without the header and a response without the echo are reported per operation',
    document: oasDoc('3.1', {
      paths: {
        '/v1/accounts': { get: { parameters: [reqId], responses: { '200': ok(), '404': { description: 'not found' }, '500': { description: 'error' } } } },
        '/v1/consents': { post: { responses: { '201': ok(), '400': { description: 'bad' } } } },
      },
    }),
    errors: [
      { message: 'The 404 and 500 responses of GET /v1/accounts do not return the X-Request-ID header.', path: ['paths', '/v1/accounts', 'get'] },
      { message: 'POST /v1/consents does not accept the X-Request-ID request header, and its 400 response does not return it.', path: ['paths', '/v1/consents', 'post'] },
    ],
  },
  {
    name: '3.0: a header parameter in another file that is not required is reported there',
    document: oasDoc('3.0', {
      paths: { ...consents, '/v1/accounts': { get: { parameters: [{ $ref: 'params.yaml#/XRequestId' }], responses: { '200': ok() } } } },
    }),
    files: { 'params.yaml': { XRequestId: { name: 'X-Request-ID', in: 'header', required: false, schema: uuid } } },
    errors: [{ message: /^The X-Request-ID header of GET \/v1\/accounts is optional; give it required: true,/, path: ['XRequestId'], source: 'params.yaml' }],
  },
  {
    name: '3.0: x-default-response-headers covers the echo; a query parameter of that name is not the header',
    document: oasDoc('3.0', {
      'x-default-response-headers': ['X-Request-ID'],
      paths: {
        ...consents,
        '/v1/accounts': { get: { parameters: [reqId], responses: { '200': { description: 'ok' } } } },
        '/v1/cards': { get: { parameters: [{ name: 'X-Request-ID', in: 'query', schema: uuid }], responses: { '200': { description: 'ok' } } } },
      },
    }),
    errors: [{ message: 'GET /v1/cards does not accept the X-Request-ID request header.', path: ['paths', '/v1/cards', 'get'] }],
  },
  {
    name: '3.0: a gateway-echoed, required uuid header passes',
    document: oasDoc('3.0', {
      'x-default-response-headers': ['X-Request-ID'],
      paths: { ...consents, '/v1/accounts': { get: { parameters: [reqId], responses: { '200': { description: 'ok' } } } } },
    }),
    errors: [],
  },
  {
    name: '3.0: a payment API with SCA steps below its payments is judged even without consents',
    document: oasDoc('3.0', {
      paths: {
        '/v1/payments/sepa': { post: { parameters: [reqId], responses: { '201': ok('created') } } },
        '/v1/payments/sepa/{paymentId}/authorisations': { post: { responses: { '201': ok('created') } } },
      },
    }),
    errors: [{ message: 'POST /v1/payments/sepa/{paymentId}/authorisations does not accept the X-Request-ID request header.' }],
  },
  {
    name: '3.0: card acquirers and RPC-style APIs (no consent creation, no Berlin Group SCA step) are not judged',
    document: oasDoc('3.0', {
      paths: {
        '/v1/charges': { post: { responses: { '201': { description: 'created' } } } },
        '/v1/payment_intents/{intent}/increment_authorization': { post: { responses: { '200': { description: 'ok' } } } },
        '/v2/payment-sessions/{id}/authorizations': { post: { responses: { '201': { description: 'created' } } } },
        '/payment_initiation/consent/create': { post: { responses: { '200': { description: 'ok' } } } },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: inline header parameters with format uuid and echoed response headers pass',
    document: oasDoc('2.0', {
      paths: {
        ...consents2,
        '/v1/accounts': {
          get: {
            parameters: [{ name: 'X-Request-ID', in: 'header', required: true, type: 'string', format: 'uuid' }],
            responses: { '200': { description: 'ok', headers: { 'X-Request-ID': { type: 'string', format: 'uuid' } } } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: an inline header without format is reported at the parameter',
    document: oasDoc('2.0', {
      paths: {
        ...consents2,
        '/v1/accounts': {
          get: {
            parameters: [{ name: 'X-Request-ID', in: 'header', required: true, type: 'string' }],
            responses: { '200': { description: 'ok', headers: { 'X-Request-ID': { type: 'string' } } } },
          },
        },
      },
    }),
    errors: [{ message: /is not format: uuid; give it format: uuid,/, path: ['paths', '/v1/accounts', 'get', 'parameters', 0] }],
  },
]);

// UK Open Banking names, configured through finlint.config.yaml as the uk-open-banking profile would.
const ukConfig = ruleConfig(RULE, 'warn', { header: 'x-fapi-interaction-id', required: false, format: null });
const fapiId = { name: 'x-fapi-interaction-id', in: 'header', schema: { type: 'string' } };
const ukDoc = oasDoc('3.1', {
  paths: {
    '/account-access-consents': { post: { parameters: [fapiId], responses: { '201': { description: 'created', headers: { 'x-fapi-interaction-id': { schema: uuid } } } } } },
    '/accounts': {
      get: {
        parameters: [fapiId],
        responses: { '200': { description: 'ok', headers: { 'x-fapi-interaction-id': { schema: uuid } } }, '204': { description: 'none' } },
      },
    },
  },
});
testRule(
  RULE,
  [
    {
      name: 'options: an optional x-fapi-interaction-id of any format is accepted, the echo is still required',
      document: ukDoc,
      errors: [{ message: 'The 204 response of GET /accounts does not return the x-fapi-interaction-id header.', severity: 1 }],
    },
  ],
  { config: ukConfig },
);

describe(`${RULE} options`, () => {
  it('echo: false stops judging responses', async () => {
    expect(await runRuleWithOptions(RULE, { header: 'x-fapi-interaction-id', required: false, format: null, echo: false }, ukDoc)).toEqual([]);
  });
  it('the defaults still demand the Berlin Group X-Request-ID', async () => {
    const findings = await runRuleWithOptions(RULE, {}, ukDoc);
    expect(findings.map((f) => f.message)).toEqual(['No operation accepts the X-Request-ID request header and no response returns it; all 2 operations lack a request id.']);
  });
  it('onlyOpenBanking: false judges a document that neither creates consents nor has SCA steps', async () => {
    const doc = oasDoc('3.1', { paths: { '/v1/charges': { post: { responses: { '201': { description: 'created' } } } } } });
    expect(await runRuleWithOptions(RULE, {}, doc)).toEqual([]);
    expect((await runRuleWithOptions(RULE, { onlyOpenBanking: false }, doc)).map((f) => f.message)).toEqual([
      'No operation accepts the X-Request-ID request header and no response returns it; the operation lacks a request id.',
    ]);
  });
  it('rejects unknown options', async () => {
    await expect(runRuleWithOptions(RULE, { headers: ['X-Request-ID'] }, ukDoc)).rejects.toThrow();
  });
});
