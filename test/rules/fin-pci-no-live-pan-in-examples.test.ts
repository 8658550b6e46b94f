import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-pci-no-live-pan-in-examples';

// Luhn-valid numbers with real network prefixes and lengths, not on any test list (generated for these tests).
const LIVE_VISA = '4872903234131615';
const LIVE_MC = '5361666017182643';
const LIVE_AMEX = '374416331598199';

const res = { '200': { description: 'ok' } };

testRule(RULE, [
  {
    name: '3.1: a live-looking Visa number in a schema example is reported, masked in the message',
    document: oasDoc('3.1', {
      paths: {
        '/cards': {
          post: {
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { pan: { type: 'string', examples: [LIVE_VISA] } } } } } },
            responses: res,
          },
        },
      },
    }),
    errors: [
      {
        message:
          'The example contains what looks like a live Visa card number, 487290******1615: it passes the Luhn check, has a Visa prefix and length, and is not a known test number.',
        path: ['paths', '/cards', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties', 'pan', 'examples', 0],
      },
    ],
  },
  {
    name: '3.1: published test numbers, masked values and look-alikes pass',
    document: oasDoc('3.1', {
      paths: {
        '/cards': {
          post: {
            requestBody: {
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { pan: { type: 'string' }, maskedPan: { type: 'string' }, imei: { type: 'string' }, amount: { type: 'integer' } } },
                  examples: {
                    visa: {
                      value: {
                        pan: '4111 1111 1111 1111',
                        maskedPan: '411111******1111',
                        imei: '490154203237518',
                        orderNumber: '1234567890123452',
                        accountId: 'acct_4872903234131615',
                        amount: -4872903234131615,
                        ratio: 0.4872903234131615,
                      },
                    },
                  },
                },
              },
            },
            responses: res,
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a live number in a shared Example Object in another file is reported there',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          post: { requestBody: { content: { 'application/json': { examples: { card: { $ref: 'examples.yaml#/CardPayment' } } } } }, responses: res },
        },
      },
    }),
    files: { 'examples.yaml': { CardPayment: { value: { card: { number: `${LIVE_MC.slice(0, 4)}-${LIVE_MC.slice(4, 8)}-${LIVE_MC.slice(8, 12)}-${LIVE_MC.slice(12)}`, cvc: '123' } } } } },
    errors: [{ path: ['CardPayment', 'value', 'card', 'number'], source: 'examples.yaml', message: /live Mastercard card number, 536166\*\*\*\*\*\*2643/ }],
  },
  {
    name: '3.0: numbers in example, default and enum values and in parameter examples are reported',
    document: oasDoc('3.0', {
      paths: {
        '/cards/{cardId}': {
          get: {
            parameters: [{ name: 'cardId', in: 'path', required: true, schema: { type: 'string' }, example: `card ${LIVE_AMEX.slice(0, 4)} ${LIVE_AMEX.slice(4, 10)} ${LIVE_AMEX.slice(10)}` }],
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: { $ref: '#/components/schemas/Card' },
                    example: { number: Number(LIVE_VISA) },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Card: {
            allOf: [{ type: 'object', properties: { number: { type: 'string', default: LIVE_MC } } }, { properties: { test: { type: 'string', enum: [LIVE_VISA, '4242424242424242'] } } }],
          },
        },
      },
    }),
    errors: [
      { path: ['paths', '/cards/{cardId}', 'get', 'parameters', 0, 'example'], message: /^The example contains what looks like a live American Express card number, 374416\*\*\*\*\*8199/ },
      { path: ['paths', '/cards/{cardId}', 'get', 'responses', '200', 'content', 'application/json', 'example', 'number'] },
      { path: ['components', 'schemas', 'Card', 'allOf', 0, 'properties', 'number', 'default'], message: /^The default value contains/ },
      { path: ['components', 'schemas', 'Card', 'allOf', 1, 'properties', 'test', 'enum', 0], message: /^The enum value contains/ },
    ],
  },
  {
    name: '3.0: a property named "example" is not taken for an example',
    document: oasDoc('3.0', {
      components: { schemas: { Doc: { type: 'object', properties: { example: { type: 'string', description: `e.g. ${LIVE_VISA}` } } } } },
    }),
    errors: [],
  },
  {
    name: '2.0: x-example and response examples are scanned',
    document: oasDoc('2.0', {
      paths: {
        '/cards': {
          get: {
            parameters: [{ name: 'q', in: 'query', type: 'string', 'x-example': LIVE_VISA }],
            responses: { '200': { description: 'ok', examples: { 'application/json': { cards: [{ pan: LIVE_MC }] } } } },
          },
        },
      },
    }),
    errors: [
      { path: ['paths', '/cards', 'get', 'parameters', 0, 'x-example'] },
      { path: ['paths', '/cards', 'get', 'responses', '200', 'examples', 'application/json', 'cards', 0, 'pan'] },
    ],
  },
  {
    name: '2.0: test numbers in x-example pass',
    document: oasDoc('2.0', {
      paths: { '/cards': { get: { parameters: [{ name: 'q', in: 'query', type: 'string', 'x-example': '5555555555554444' }], responses: res } } },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  const doc = oasDoc('3.0', {
    components: { schemas: { Card: { type: 'object', properties: { pan: { type: 'string', example: LIVE_VISA }, other: { type: 'string', example: '4000000000000010' } } } } },
  });
  it('testNumbers accepts an acquirer\'s test cards; allowSyntheticRuns: false reports generated-looking numbers', async () => {
    expect(await runRuleWithOptions(RULE, { testNumbers: ['4872 9032 3413 1615'] }, doc)).toEqual([]);
    const strict = await runRuleWithOptions(RULE, { allowSyntheticRuns: false }, doc);
    expect(strict.map((f) => f.path)).toEqual([
      ['components', 'schemas', 'Card', 'properties', 'pan', 'example'],
      ['components', 'schemas', 'Card', 'properties', 'other', 'example'],
    ]);
  });
  it('rejects a test number that is not digits', async () => {
    const error: unknown = await runRuleWithOptions(RULE, { testNumbers: ['abc'] }, doc).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors.map((e: Error) => e.message).join('\n')).toMatch(/testNumbers\?: string\[\] \(12-19 digits\)/);
  });
});
