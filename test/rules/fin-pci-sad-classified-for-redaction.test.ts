import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-pci-sad-classified-for-redaction';

const res = { '201': { description: 'created' } };
const body = (schema: object) => ({ content: { 'application/json': { schema } } });

testRule(RULE, [
  {
    name: '3.1: an unclassified PIN in a request body is reported, naming both missing declarations',
    document: oasDoc('3.1', {
      paths: { '/cards/{cardId}/pin': { put: { requestBody: body({ type: 'object', properties: { pin: { type: 'string', pattern: '^[0-9]{4,6}$' } } }), responses: res } } },
    }),
    errors: [
      {
        message:
          'Property "pin" in the request of PUT /cards/{cardId}/pin holds sensitive authentication data (a PIN or PIN block: its name contains "pin") but does not declare x-data-classification: pci-sad and writeOnly: true.',
        path: ['paths', '/cards/{cardId}/pin', 'put', 'requestBody', 'content', 'application/json', 'schema', 'properties', 'pin'],
      },
    ],
  },
  {
    name: '3.1: classified, writeOnly SAD passes (a PIN may be classified as a credential)',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          post: {
            requestBody: body({
              type: 'object',
              properties: {
                cvc: { type: 'string', pattern: '^[0-9]{3,4}$', writeOnly: true, 'x-data-classification': 'pci-sad' },
                pin: { type: 'string', writeOnly: true, 'x-data-classification': 'credential' },
                cvcCheck: { type: 'string' },
                pinEntryCapability: { type: 'string' },
                shippingAddress: { type: 'string' },
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
    name: '3.1: a SAD property of a component in another file is reported there, naming what is missing',
    document: oasDoc('3.1', { paths: { '/payments': { post: { requestBody: body({ $ref: 'card.yaml#/CardInput' }), responses: res } } } }),
    files: { 'card.yaml': { CardInput: { type: 'object', properties: { cvv: { type: 'string', 'x-data-classification': 'pci-sad' } } } } },
    errors: [{ path: ['CardInput', 'properties', 'cvv'], source: 'card.yaml', message: /but does not declare writeOnly: true\.$/ }],
  },
  {
    name: '3.0: SAD from an allOf member is reported where the member declares it, once for two operations',
    document: oasDoc('3.0', {
      paths: {
        '/payments': { post: { requestBody: body({ $ref: '#/components/schemas/CardPayment' }), responses: res } },
        '/authorizations': { post: { requestBody: body({ $ref: '#/components/schemas/CardPayment' }), responses: res } },
      },
      components: {
        schemas: {
          Card: { type: 'object', properties: { number: { type: 'string' }, securityCode: { type: 'string', writeOnly: true } } },
          CardPayment: { allOf: [{ $ref: '#/components/schemas/Card' }, { properties: { amount: { type: 'integer' } } }] },
        },
      },
    }),
    errors: [
      {
        path: ['components', 'schemas', 'Card', 'properties', 'securityCode'],
        message: /a card verification code: its name contains "security code" in a card context \(schema "Card"\)\) but does not declare x-data-classification: pci-sad\.$/,
      },
    ],
  },
  {
    name: '3.0: readOnly result fields and response-only schemas are not request SAD',
    document: oasDoc('3.0', {
      paths: {
        '/payments': {
          post: {
            requestBody: body({ type: 'object', properties: { cvvResult: { type: 'string', readOnly: true }, amount: { type: 'integer' } } }),
            responses: { '201': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { cvc: { type: 'string' } } } } } } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: an unclassified track-2 field is reported (2.0 cannot say writeOnly)',
    document: oasDoc('2.0', {
      paths: { '/authorizations': { post: { parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Swipe' } }], responses: res } } },
      definitions: { Swipe: { type: 'object', properties: { track2Equivalent: { type: 'string' } } } },
    }),
    errors: [{ path: ['definitions', 'Swipe', 'properties', 'track2Equivalent'], message: /but does not declare x-data-classification: pci-sad\.$/ }],
  },
  {
    name: '2.0: a classified track-2 field passes',
    document: oasDoc('2.0', {
      paths: { '/authorizations': { post: { parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Swipe' } }], responses: res } } },
      definitions: { Swipe: { type: 'object', properties: { track2: { type: 'string', 'x-data-classification': 'pci-sad' } } } },
    }),
    errors: [],
  },
]);
