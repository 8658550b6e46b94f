import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-input-currency-code';

const ok = { '201': { description: 'created' } };
const body = (schema: object) => ({ content: { 'application/json': { schema } } });
const post = (schema: object) => ({ '/payments': { post: { requestBody: body(schema), responses: ok } } });
const BODY = ['paths', '/payments', 'post', 'requestBody', 'content', 'application/json', 'schema'];
const CCY = { type: 'string', pattern: '^[A-Z]{3}$' };
const AMT = { type: 'string', pattern: '^[0-9]{1,13}(\\.[0-9]{1,5})?$', maxLength: 19 };

testRule(RULE, [
  {
    name: '3.1: a currency field limited only by length is reported',
    document: oasDoc('3.1', { paths: post({ type: 'object', properties: { amount: AMT, currency: { type: 'string', maxLength: 10 } } }) }),
    errors: [
      {
        message: 'Property "currency" in the request body of POST /payments is a currency field that is not limited to ISO 4217 codes: declare pattern: "^[A-Z]{3}$" or an enum of codes.',
        path: [...BODY, 'properties', 'currency'],
      },
    ],
  },
  {
    name: '3.1: an amount without any currency is reported at the object',
    document: oasDoc('3.1', { paths: post({ type: 'object', properties: { amount: AMT, creditorIban: { type: 'string' } } }) }),
    errors: [
      {
        path: BODY,
        message:
          'The request body of POST /payments (application/json) carries the amount "amount" without a currency, here or in an enclosing object: add an ISO 4217 currency field next to it.',
      },
    ],
  },
  {
    name: '3.1: codes by pattern, enum, const and a currency-code format pass; a currency in an enclosing object or a sibling amount object counts',
    document: oasDoc('3.1', {
      paths: post({
        type: 'object',
        properties: {
          currency: CCY,
          settlementCurrency: { type: 'string', enum: ['EUR', 'GBP'] },
          fixedCurrency: { type: ['string', 'null'], const: 'EUR' },
          presentmentCurrency: { type: 'string', format: 'iso-4217' },
          currencyConversionRate: { type: 'string' },
          lines: { type: 'array', maxItems: 10, items: { type: 'object', properties: { price: AMT } } },
          instructedAmount: { type: 'object', properties: { amount: AMT, currency: CCY } },
          surcharge: { type: 'object', properties: { value: { type: 'integer' } } },
          allowPartialAmounts: { type: 'boolean' },
        },
      }),
    }),
    errors: [],
  },
  {
    name: '3.1: a currency field in another file is reported there',
    document: oasDoc('3.1', { paths: post({ $ref: 'schemas.yaml#/Payment' }) }),
    files: { 'schemas.yaml': { Payment: { type: 'object', properties: { ccy: { type: 'string', pattern: '[A-Z]{3}' }, amount: AMT } } } },
    errors: [{ source: 'schemas.yaml', path: ['Payment', 'properties', 'ccy'] }],
  },
  {
    name: '3.0: a currency query parameter without a code constraint is reported',
    document: oasDoc('3.0', {
      paths: { '/balances': { get: { parameters: [{ name: 'currency', in: 'query', schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } } },
    }),
    errors: [{ path: ['paths', '/balances', 'get', 'parameters', 0, 'schema'], message: /^Query parameter "currency" of GET \/balances is a currency field/ }],
  },
  {
    name: '3.0: an amount object with a pattern-constrained currency passes; responses are not checked',
    document: oasDoc('3.0', {
      paths: {
        '/payments': {
          post: {
            requestBody: body({ type: 'object', properties: { amount: { type: 'object', properties: { value: AMT, currency: CCY } } } }),
            responses: { '201': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { fee: AMT, currency: { type: 'string' } } } } } } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: an inline currency parameter with a digit-admitting pattern is reported',
    document: oasDoc('2.0', {
      paths: { '/rates': { get: { parameters: [{ name: 'baseCurrency', in: 'query', type: 'string', pattern: '^[A-Z0-9]{3}$' }], responses: { '200': { description: 'ok' } } } } },
    }),
    errors: [{ path: ['paths', '/rates', 'get', 'parameters', 0] }],
  },
  {
    name: '2.0: a lower-case three-letter pattern passes (the code set, not the case, is checked)',
    document: oasDoc('2.0', {
      paths: { '/rates': { get: { parameters: [{ name: 'currency', in: 'query', type: 'string', pattern: '^[a-z]{3}$' }], responses: { '200': { description: 'ok' } } } } },
    }),
    errors: [],
  },
]);
