import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-pci-pan-masked-in-responses';

const ok = (schema: object) => ({ '200': { description: 'ok', content: { 'application/json': { schema } } } });
const ok2 = (schema: object) => ({ '200': { description: 'ok', schema } });

testRule(RULE, [
  {
    name: '3.1: a card number with a 16-digit pattern in a response is reported',
    document: oasDoc('3.1', {
      paths: { '/cards/{cardId}': { get: { responses: ok({ type: 'object', properties: { cardNumber: { type: 'string', pattern: '^[0-9]{16}$' } } }) } } },
    }),
    errors: [
      {
        message:
          'Property "cardNumber" in the 200 response of GET /cards/{cardId} may return a full card number (its name contains "card number"; its pattern "^[0-9]{16}$" accepts a 16-digit number).',
        path: ['paths', '/cards/{cardId}', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'cardNumber'],
      },
    ],
  },
  {
    name: '3.1: masked, truncated, tokenised and last-four forms pass',
    document: oasDoc('3.1', {
      paths: {
        '/cards/{cardId}': {
          get: {
            responses: ok({
              type: 'object',
              properties: {
                maskedPan: { type: 'string', pattern: '^[0-9]{6}[*]{2,9}[0-9]{4}$', maxLength: 19, 'x-data-classification': 'pci-pan-masked' },
                pan: { type: 'string', pattern: '^[0-9]{6}[X]{6}[0-9]{4}$' },
                cardNumber: { type: 'string', 'x-data-classification': 'pci-pan-token' },
                last4: { type: 'string', pattern: '^[0-9]{4}$' },
                cardNumberLast4: { type: 'string' },
                panLast4: { type: 'string' },
                panToken: { type: 'string' },
                cardBin: { type: 'string' },
                shippingAddress: { type: 'string' },
                trackingNumber: { type: 'string' },
              },
            }),
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a field named as masked whose pattern admits a full PAN is reported, in another file',
    document: oasDoc('3.1', { paths: { '/cards/{cardId}': { get: { responses: ok({ $ref: 'schemas.yaml#/CardSummary' }) } } } }),
    files: { 'schemas.yaml': { CardSummary: { type: 'object', properties: { maskedPan: { type: 'string', pattern: '^[0-9]{16}$' } } } } },
    errors: [
      {
        path: ['CardSummary', 'properties', 'maskedPan'],
        source: 'schemas.yaml',
        message: 'Property "maskedPan" in the 200 response of GET /cards/{cardId} is named as a masked or truncated card number, but its pattern "^[0-9]{16}$" accepts a 16-digit number.',
      },
    ],
  },
  {
    name: '3.0: a bare card number in an allOf-composed response is reported where it is declared',
    document: oasDoc('3.0', {
      paths: { '/cards/{cardId}': { get: { responses: ok({ $ref: '#/components/schemas/CardView' }) } } },
      components: {
        schemas: {
          CardBase: { type: 'object', properties: { id: { type: 'string' } } },
          CardView: { allOf: [{ $ref: '#/components/schemas/CardBase' }, { type: 'object', properties: { number: { type: 'string' } } }] },
        },
      },
    }),
    errors: [
      {
        path: ['components', 'schemas', 'CardView', 'allOf', 1, 'properties', 'number'],
        message: /its name is "number" in a card context \(schema "CardView"\); nothing in its schema rules out a full card number\)\.$/,
      },
    ],
  },
  {
    name: '3.0: writeOnly card numbers in shared schemas and a documented business need pass',
    document: oasDoc('3.0', {
      paths: {
        '/cards': {
          post: {
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Card' } } } },
            responses: ok({ $ref: '#/components/schemas/Card' }),
          },
        },
        '/vault/detokenize': {
          post: {
            'x-pci-full-pan-justification': 'Token vault detokenisation for the settlement service; scope vault:detokenize, ROC 3.4.1',
            responses: ok({ type: 'object', properties: { pan: { type: 'string' } } }),
          },
        },
        '/accounts/{id}': { get: { responses: ok({ type: 'object', properties: { accountNumber: { type: 'string' } } }) } },
      },
      components: { schemas: { Card: { type: 'object', properties: { cardNumber: { type: 'string', writeOnly: true }, last4: { type: 'string', readOnly: true } } } } },
    }),
    errors: [],
  },
  {
    name: '2.0: a PAN in a response definition is reported, a truncated one is not',
    document: oasDoc('2.0', {
      paths: {
        '/cards/{cardId}': {
          get: {
            parameters: [{ name: 'cardId', in: 'path', required: true, type: 'string' }],
            responses: ok2({ type: 'object', properties: { primary_account_number: { type: 'string' }, pan_truncated: { type: 'string', maxLength: 10 } } }),
          },
        },
      },
    }),
    errors: [{ path: ['paths', '/cards/{cardId}', 'get', 'responses', '200', 'schema', 'properties', 'primary_account_number'] }],
  },
  {
    name: '2.0: a card-number response with maxLength 4 passes',
    document: oasDoc('2.0', { paths: { '/cards': { get: { responses: ok2({ type: 'object', properties: { cardNumber: { type: 'string', maxLength: 4 } } }) } } } }),
    errors: [],
  },
]);
