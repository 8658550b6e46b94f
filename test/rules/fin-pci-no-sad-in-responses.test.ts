import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-pci-no-sad-in-responses';

const ok = (schema: object) => ({ '200': { description: 'ok', content: { 'application/json': { schema } } } });
const ok2 = (schema: object) => ({ '200': { description: 'ok', schema } });

/** Result and capability fields that must never be taken for SAD (catalogue §4.2 vetoes). */
const nearMisses = {
  cardNumberLast4: { type: 'string', maxLength: 4 },
  panLast4: { type: 'string' },
  cvcCheck: { type: 'string', enum: ['pass', 'fail', 'unavailable'] },
  cvvResult: { type: 'string' },
  cvvResponseCode: { type: 'string' },
  pinEntryCapability: { type: 'string' },
  shippingAddress: { type: 'string' },
  pageToken: { type: 'string' },
  trackingNumber: { type: 'string' },
  pinStatus: { type: 'string' },
};

testRule(RULE, [
  {
    name: '3.1: a cvc returned by GET /cards/{cardId} is reported at the property with an explanation',
    document: oasDoc('3.1', {
      paths: {
        '/cards/{cardId}': {
          get: { responses: ok({ type: 'object', properties: { cardId: { type: 'string', format: 'uuid' }, cvc: { type: 'string', pattern: '^[0-9]{3,4}$' } } }) },
        },
      },
    }),
    errors: [
      {
        message:
          'Property "cvc" is sent in the 200 response of GET /cards/{cardId}, but it holds sensitive authentication data (a card verification code: its name contains "cvc").',
        path: ['paths', '/cards/{cardId}', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'cvc'],
      },
    ],
  },
  {
    name: '3.1: a shared Card schema with writeOnly SAD and result fields passes',
    document: oasDoc('3.1', {
      paths: {
        '/cards': {
          post: {
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Card' } } } },
            responses: ok({ $ref: '#/components/schemas/Card' }),
          },
        },
      },
      components: {
        schemas: {
          Card: {
            type: 'object',
            properties: {
              cardId: { type: 'string', format: 'uuid', readOnly: true },
              cvc: { type: 'string', pattern: '^[0-9]{3,4}$', writeOnly: true, 'x-data-classification': 'pci-sad' },
              pin: { type: 'string', writeOnly: true },
              ...nearMisses,
            },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: SAD in a $ref\'d schema of another file is reported in that file',
    document: oasDoc('3.1', {
      paths: { '/cards/{cardId}': { get: { responses: ok({ $ref: 'schemas/card.yaml#/CardSecrets' }) } } },
    }),
    files: { 'schemas/card.yaml': { CardSecrets: { type: 'object', properties: { pinBlock: { type: 'string' }, cvcCheck: { type: 'string' } } } } },
    errors: [{ path: ['CardSecrets', 'properties', 'pinBlock'], source: 'schemas/card.yaml', message: /a PIN or PIN block: its name contains "pin block"/ }],
  },
  {
    name: '3.1: SAD in a webhook payload the API sends is reported',
    document: oasDoc('3.1', {
      webhooks: {
        'card.swiped': {
          post: {
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { track2: { type: 'string' } } } } } },
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    }),
    errors: [
      {
        message: 'Property "track2" is sent in the request of webhook "card.swiped", but it holds sensitive authentication data (track or chip-equivalent data: its name contains "track 2").',
        path: ['webhooks', 'card.swiped', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties', 'track2'],
      },
    ],
  },
  {
    name: '3.1: SAD in a reusable path item is reported once, whether a path uses it or not',
    document: oasDoc('3.1', {
      paths: { '/cards/{cardId}': { $ref: '#/components/pathItems/CardItem' } },
      components: {
        pathItems: {
          CardItem: { get: { responses: ok({ type: 'object', properties: { cvc: { type: 'string' } } }) } },
          Unused: { get: { responses: ok({ type: 'object', properties: { pin: { type: 'string' } } }) } },
        },
      },
    }),
    errors: [
      { path: ['components', 'pathItems', 'CardItem', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'cvc'], message: /response of GET \/cards\/\{cardId\}/ },
      { path: ['components', 'pathItems', 'Unused', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'pin'], message: /in the 200 response of GET of reusable path item "Unused"/ },
    ],
  },
  {
    name: '3.0: SAD contributed by an allOf member is reported where the member declares it',
    document: oasDoc('3.0', {
      paths: { '/cards/{cardId}': { get: { responses: ok({ $ref: '#/components/schemas/IssuedCard' }) } } },
      components: {
        schemas: {
          CardBase: { type: 'object', properties: { last4: { type: 'string' } } },
          IssuedCard: { allOf: [{ $ref: '#/components/schemas/CardBase' }, { type: 'object', properties: { cvv2: { type: 'string' } } }] },
        },
      },
    }),
    errors: [{ path: ['components', 'schemas', 'IssuedCard', 'allOf', 1, 'properties', 'cvv2'], message: /"cvv2".*a card verification code/ }],
  },
  {
    name: '3.0: SAD in an error response and in a response header are reported',
    document: oasDoc('3.0', {
      paths: {
        '/payments': {
          post: {
            responses: {
              '201': { description: 'ok', headers: { 'X-Card-CVV': { schema: { type: 'string' } } } },
              '422': { description: 'bad', content: { 'application/json': { schema: { type: 'object', properties: { rejectedCvc: { type: 'string' } } } } } },
            },
          },
        },
      },
    }),
    errors: [
      { path: ['paths', '/payments', 'post', 'responses', '201', 'headers', 'X-Card-CVV', 'schema'], message: /^Header "X-Card-CVV" is sent in a header of the 201 response of POST \/payments/ },
      { path: ['paths', '/payments', 'post', 'responses', '422', 'content', 'application/json', 'schema', 'properties', 'rejectedCvc'] },
    ],
  },
  {
    name: '3.0: an explicit classification wins both ways',
    document: oasDoc('3.0', {
      paths: {
        '/cards/{cardId}': {
          get: {
            responses: ok({
              type: 'object',
              properties: {
                cvc: { type: 'string', 'x-data-classification': 'public', description: 'a product code that happens to be called cvc' },
                verificationValue: { type: 'string', 'x-data-classification': 'pci-sad' },
              },
            }),
          },
        },
      },
    }),
    errors: [{ path: ['paths', '/cards/{cardId}', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'verificationValue'], message: /it is declared x-data-classification: pci-sad/ }],
  },
  {
    name: '3.0: an issuer exemption on the operation silences the finding',
    document: oasDoc('3.0', {
      paths: {
        '/cards/{cardId}/secrets': {
          get: {
            'x-pci-issuer-exemption': 'Issuer card-display flow; business need recorded in PCI-ROC-2025 section 3.3.3',
            responses: ok({ type: 'object', properties: { cvc: { type: 'string' } } }),
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.0: near misses in a response stay silent',
    document: oasDoc('3.0', { paths: { '/cards/{cardId}': { get: { responses: ok({ type: 'object', properties: nearMisses }) } } } }),
    errors: [],
  },
  {
    name: '2.0: SAD reachable from a response definition is reported (2.0 has no writeOnly)',
    document: oasDoc('2.0', {
      paths: {
        '/cards': {
          post: {
            parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Card' } }],
            responses: ok2({ $ref: '#/definitions/Card' }),
          },
        },
      },
      definitions: { Card: { type: 'object', properties: { number: { type: 'string' }, cvv: { type: 'string' } } } },
    }),
    errors: [{ path: ['definitions', 'Card', 'properties', 'cvv'], message: /^Property "cvv" is sent in the 200 response of POST \/cards/ }],
  },
  {
    name: '2.0: separate request and response definitions pass',
    document: oasDoc('2.0', {
      paths: {
        '/cards': {
          post: {
            parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/CardInput' } }],
            responses: ok2({ $ref: '#/definitions/CardView' }),
          },
        },
      },
      definitions: {
        CardInput: { type: 'object', properties: { number: { type: 'string' }, cvv: { type: 'string' } } },
        CardView: { type: 'object', properties: { last4: { type: 'string' }, cvvCheck: { type: 'string' } } },
      },
    }),
    errors: [],
  },
]);
