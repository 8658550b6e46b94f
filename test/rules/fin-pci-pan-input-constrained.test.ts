import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-pci-pan-input-constrained';

const res = { '201': { description: 'created' } };
const body = (schema: object) => ({ content: { 'application/json': { schema } } });
const GOOD_PAN = { type: 'string', pattern: '^[0-9]{12,19}$', maxLength: 19, writeOnly: true, 'x-data-classification': 'pci-pan' };

testRule(RULE, [
  {
    name: '3.1: an integer PAN is reported with every missing constraint',
    document: oasDoc('3.1', { paths: { '/card-tokens': { post: { requestBody: body({ type: 'object', properties: { pan: { type: 'integer' } } }), responses: res } } } }),
    errors: [
      {
        message:
          'Property "pan" in the request of POST /card-tokens holds a card number (its name contains "pan") but is not constrained as one: it is of type integer (a JSON number loses leading zeros and digits beyond 15); it has no anchored 12-19 digit pattern; it has no maxLength (19 at most); it is not writeOnly: true.',
        path: ['paths', '/card-tokens', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties', 'pan'],
      },
    ],
  },
  {
    name: '3.1: a fully constrained PAN, tokens and encrypted card numbers pass',
    document: oasDoc('3.1', {
      paths: {
        '/card-tokens': {
          post: {
            requestBody: body({
              type: 'object',
              properties: {
                pan: GOOD_PAN,
                encryptedCardNumber: { type: 'string', maxLength: 15000 },
                cardToken: { type: 'string' },
                cardNumberLast4: { type: 'string' },
                panLast4: { type: 'string' },
                trackingNumber: { type: 'string' },
                pageToken: { type: 'string' },
              },
            }),
            responses: res,
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a loosely constrained card number in another file is reported there',
    document: oasDoc('3.1', { paths: { '/payments': { post: { requestBody: body({ $ref: 'card.yaml#/CardInput' }), responses: res } } } }),
    files: { 'card.yaml': { CardInput: { type: 'object', properties: { cardNumber: { type: 'string', pattern: '[0-9]+', maxLength: 5000, writeOnly: true } } } } },
    errors: [
      {
        path: ['CardInput', 'properties', 'cardNumber'],
        source: 'card.yaml',
        message: /not constrained as one: its pattern "\[0-9\]\+" is not an anchored 12-19 digit pattern; its maxLength 5000 is above 19\.$/,
      },
    ],
  },
  {
    name: '3.0: a card number from an allOf member is reported once, where it is declared',
    document: oasDoc('3.0', {
      paths: {
        '/payments': { post: { requestBody: body({ $ref: '#/components/schemas/CardPayment' }), responses: res } },
        '/refunds': { post: { requestBody: body({ $ref: '#/components/schemas/CardPayment' }), responses: res } },
      },
      components: {
        schemas: {
          PaymentCard: { type: 'object', properties: { number: { type: 'string', pattern: '^[0-9]{12,19}$', maxLength: 19 } } },
          CardPayment: { allOf: [{ $ref: '#/components/schemas/PaymentCard' }, { properties: { amount: { type: 'integer' } } }] },
        },
      },
    }),
    errors: [{ path: ['components', 'schemas', 'PaymentCard', 'properties', 'number'], message: /not constrained as one: it is not writeOnly: true\.$/ }],
  },
  {
    name: '3.0: a readOnly card number is not input, and a masked one is not a PAN',
    document: oasDoc('3.0', {
      paths: {
        '/cards': {
          post: {
            requestBody: body({ type: 'object', properties: { cardNumber: { type: 'string', readOnly: true }, maskedPan: { type: 'string' }, amount: { type: 'integer' } } }),
            responses: res,
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: a number-typed card number in a body definition is reported (no writeOnly in 2.0)',
    document: oasDoc('2.0', {
      paths: { '/payments': { post: { parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Card' } }], responses: res } } },
      definitions: { Card: { type: 'object', properties: { card_number: { type: 'number' } } } },
    }),
    errors: [
      {
        path: ['definitions', 'Card', 'properties', 'card_number'],
        message: /it is of type number \(a JSON number loses leading zeros and digits beyond 15\); it has no anchored 12-19 digit pattern; it has no maxLength \(19 at most\)\.$/,
      },
    ],
  },
  {
    name: '2.0: a constrained form field passes',
    document: oasDoc('2.0', {
      paths: {
        '/payments': {
          post: {
            consumes: ['application/x-www-form-urlencoded'],
            parameters: [{ name: 'cardNumber', in: 'formData', type: 'string', pattern: '^[0-9]{13,19}$', maxLength: 19 }],
            responses: res,
          },
        },
      },
    }),
    errors: [],
  },
]);
