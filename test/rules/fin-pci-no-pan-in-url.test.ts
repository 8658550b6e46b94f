import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-pci-no-pan-in-url';

const res = { '200': { description: 'ok' } };

testRule(RULE, [
  {
    name: '3.1: a card number path parameter is reported at the parameter',
    document: oasDoc('3.1', {
      paths: {
        '/cards/{cardNumber}': {
          get: { parameters: [{ name: 'cardNumber', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9]{16}$' } }], responses: res },
        },
      },
    }),
    errors: [
      {
        message: 'Path parameter "cardNumber" of /cards/{cardNumber} puts a card number (PAN) in the URL (its name contains "card number").',
        path: ['paths', '/cards/{cardNumber}', 'get', 'parameters', 0],
      },
    ],
  },
  {
    name: '3.1: opaque ids, tokens and masked filters pass',
    document: oasDoc('3.1', {
      paths: {
        '/cards/{cardId}': {
          get: {
            parameters: [
              { name: 'cardId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
              { name: 'panToken', in: 'query', schema: { type: 'string' } },
              { name: 'cardNumberLast4', in: 'query', schema: { type: 'string', pattern: '^[0-9]{4}$' } },
              { name: 'panLast4', in: 'query', schema: { type: 'string' } },
              { name: 'bin', in: 'query', schema: { type: 'string' } },
              { name: 'pageToken', in: 'query', schema: { type: 'string' } },
              { name: 'trackingNumber', in: 'query', schema: { type: 'string' } },
            ],
            responses: res,
          },
        },
        '/accounts': { get: { parameters: [{ name: 'accountNumber', in: 'query', schema: { type: 'string' } }], responses: res } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a generic path parameter of a card collection with a card-number pattern is reported',
    document: oasDoc('3.1', {
      paths: {
        '/cards/{number}': { get: { parameters: [{ name: 'number', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9]{13,19}$' } }], responses: res } },
        '/orders/{number}': { get: { parameters: [{ name: 'number', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9]{16}$' } }], responses: res } },
      },
    }),
    errors: [
      {
        message: 'Path parameter "number" of /cards/{number} puts a card number (PAN) in the URL (its name is "number" in a card context (path /cards/{number})).',
        path: ['paths', '/cards/{number}', 'get', 'parameters', 0],
      },
    ],
  },
  {
    name: '3.0: a $ref\'d PAN query parameter in another file is reported there',
    document: oasDoc('3.0', { paths: { '/cards/search': { get: { parameters: [{ $ref: 'parameters.yaml#/Pan' }], responses: res } } } }),
    files: { 'parameters.yaml': { Pan: { name: 'pan', in: 'query', required: true, schema: { type: 'string' } } } },
    errors: [{ path: ['Pan'], source: 'parameters.yaml', message: 'Query parameter "pan" of /cards/search puts a card number (PAN) in the URL (its name contains "pan").' }],
  },
  {
    name: '3.0: a PAN inside a JSON-encoded query parameter built with allOf is reported at the property',
    document: oasDoc('3.0', {
      paths: {
        '/payments': {
          get: {
            parameters: [
              {
                name: 'filter',
                in: 'query',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Filter' } } },
              },
            ],
            responses: res,
          },
        },
      },
      components: {
        schemas: {
          Base: { type: 'object', properties: { from: { type: 'string', format: 'date' } } },
          Filter: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { primaryAccountNumber: { type: 'string' } } }] },
        },
      },
    }),
    errors: [{ path: ['components', 'schemas', 'Filter', 'allOf', 1, 'properties', 'primaryAccountNumber'], message: /^Property "primaryAccountNumber" of query parameter "filter" of \/payments/ }],
  },
  {
    name: '3.0: a header declared pci-pan is reported; a PAN name declared pci-pan-token passes',
    document: oasDoc('3.0', {
      paths: {
        '/wallet': {
          post: {
            parameters: [
              { name: 'X-Funding-Ref', in: 'header', 'x-data-classification': 'pci-pan', schema: { type: 'string' } },
              { name: 'X-Card-Number', in: 'header', schema: { type: 'string', 'x-data-classification': 'pci-pan-token' } },
            ],
            responses: res,
          },
        },
      },
    }),
    errors: [{ path: ['paths', '/wallet', 'post', 'parameters', 0], message: /in a request header \(it is declared x-data-classification: pci-pan\)\.$/ }],
  },
  {
    name: '3.0: a card number in a POST body and a bank account number in the query pass',
    document: oasDoc('3.0', {
      paths: {
        '/cards/search': {
          post: {
            parameters: [{ name: 'bankAccountNumber', in: 'query', schema: { type: 'string' } }],
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { cardNumber: { type: 'string', writeOnly: true } } } } } },
            responses: res,
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: a card_no query parameter is reported',
    document: oasDoc('2.0', { paths: { '/cards': { get: { parameters: [{ name: 'card_no', in: 'query', type: 'string' }], responses: res } } } }),
    errors: [{ path: ['paths', '/cards', 'get', 'parameters', 0], message: /its name contains "card no"/ }],
  },
  {
    name: '2.0: a PAN name whose schema cannot hold a full PAN passes',
    document: oasDoc('2.0', { paths: { '/cards': { get: { parameters: [{ name: 'pan', in: 'query', type: 'string', maxLength: 4 }], responses: res } } } }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  const doc = oasDoc('3.1', {
    paths: {
      '/plastics/{plasticRef}': {
        get: {
          parameters: [
            { name: 'plasticRef', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'legacyCardNumber', in: 'query', schema: { type: 'string' } },
            { name: 'number', in: 'query', schema: { type: 'string' } },
          ],
          responses: res,
        },
      },
    },
  });
  it('reports house names, honours house vetoes and card-context words', async () => {
    expect((await runRuleWithOptions(RULE, {}, doc)).map((f) => f.path)).toEqual([['paths', '/plastics/{plasticRef}', 'get', 'parameters', 1]]);
    const findings = await runRuleWithOptions(RULE, { pan: { names: ['plasticRef'], vetoes: ['legacy'] }, cardContext: ['plastics'] }, doc);
    expect(findings.map((f) => f.message)).toEqual([
      'Path parameter "plasticRef" of /plastics/{plasticRef} puts a card number (PAN) in the URL (its name contains "plastic ref").',
      'Query parameter "number" of /plastics/{plasticRef} puts a card number (PAN) in the URL (its name is "number" in a card context (path /plastics/{plasticRef})).',
    ]);
  });
  it('rejects unknown options with an example', async () => {
    const error: unknown = await runRuleWithOptions(RULE, { pans: {} }, doc).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors.map((e: Error) => e.message).join('\n')).toMatch(/"fin-pci-no-pan-in-url" options: \{ pan\?, cvc\?/);
  });
});
