import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-pci-chd-ops-strong-auth';

const res = { '201': { description: 'created' } };
const cardBody = { content: { 'application/json': { schema: { $ref: '#/components/schemas/CardInput' } } } };
const CardInput = {
  type: 'object',
  properties: {
    pan: { type: 'string', pattern: '^[0-9]{12,19}$', maxLength: 19, writeOnly: true },
    cvc: { type: 'string', pattern: '^[0-9]{3,4}$', writeOnly: true },
  },
};
const oauth = {
  type: 'oauth2',
  flows: { clientCredentials: { tokenUrl: 'https://auth.bank.example/token', scopes: { 'cards:tokenize': 'Tokenise cards' } } },
};

testRule(RULE, [
  {
    name: '3.1: an API key alone on card-data operations is reported once, at the scheme',
    document: oasDoc('3.1', {
      security: [{ apiKeyHeader: [] }],
      paths: {
        '/card-tokens': { post: { requestBody: cardBody, responses: res } },
        '/payments': { post: { requestBody: cardBody, responses: res } },
        '/health': { get: { responses: { '200': { description: 'ok' } } } },
      },
      components: { securitySchemes: { apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } }, schemas: { CardInput } },
    }),
    errors: [
      {
        message: 'Security scheme "apiKeyHeader" (an API key) is enough on its own to call 2 operations that carry card data, e.g. POST /card-tokens carries "pan", a card number (PAN).',
        path: ['components', 'securitySchemes', 'apiKeyHeader'],
      },
    ],
  },
  {
    name: '3.1: OAuth with a dedicated scope, or an API key combined with mTLS, passes',
    document: oasDoc('3.1', {
      paths: {
        '/card-tokens': { post: { security: [{ oauth: ['cards:tokenize'] }, { apiKeyHeader: [], tppCert: [] }], requestBody: cardBody, responses: res } },
      },
      components: {
        securitySchemes: { oauth, tppCert: { type: 'mutualTLS' }, apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
        schemas: { CardInput },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: card data in a schema from another file counts, and a weak pair is reported at the alternative',
    document: oasDoc('3.1', {
      paths: {
        '/cards/{cardId}': {
          get: {
            security: [{ oauth: [] }, { basic: [], key: [] }],
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: 'card.yaml#/Card' } } } } },
          },
        },
      },
      components: { securitySchemes: { oauth, basic: { type: 'http', scheme: 'basic' }, key: { type: 'apiKey', in: 'query', name: 'key' } } },
    }),
    files: { 'card.yaml': { Card: { type: 'object', properties: { cardNumber: { type: 'string' } } } } },
    errors: [
      {
        message:
          'The security alternative "basic + key" (HTTP Basic and an API key) is enough on its own to call an operation that carries card data: GET /cards/{cardId} carries "cardNumber", a card number (PAN).',
        path: ['paths', '/cards/{cardId}', 'get', 'security', 1],
      },
    ],
  },
  {
    name: '3.0: HTTP Basic on an operation whose allOf-composed response carries SAD is reported',
    document: oasDoc('3.0', {
      security: [{ basicAuth: [] }],
      paths: { '/cards/{cardId}/secrets': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Secrets' } } } } } } } },
      components: {
        securitySchemes: { basicAuth: { type: 'http', scheme: 'basic' } },
        schemas: { Secrets: { allOf: [{ type: 'object', properties: { id: { type: 'string' } } }, { type: 'object', properties: { pinBlock: { type: 'string' } } }] } },
      },
    }),
    errors: [{ path: ['components', 'securitySchemes', 'basicAuth'], message: /^Security scheme "basicAuth" \(HTTP Basic\) is enough on its own to call an operation that carries card data: GET \/cards\/\{cardId\}\/secrets carries "pinBlock", a PIN or PIN block\.$/ }],
  },
  {
    name: '3.0: justified API keys, masked card data and unauthenticated operations are left alone',
    document: oasDoc('3.0', {
      paths: {
        '/payments': { post: { security: [{ merchantKey: [] }], requestBody: cardBody, responses: res } },
        '/cards': {
          get: {
            security: [{ plainKey: [] }],
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { last4: { type: 'string' }, cvcCheck: { type: 'string' }, panToken: { type: 'string' } } } } } } },
          },
        },
        '/refunds': { post: { security: [{ plainKey: [] }], 'x-pci-auth-justification': 'Server-to-server only, IP allowlist and mTLS at the edge', requestBody: cardBody, responses: res } },
        '/public-keys': { post: { requestBody: cardBody, responses: res } },
      },
      components: {
        securitySchemes: {
          merchantKey: { type: 'apiKey', in: 'header', name: 'X-Key', 'x-pci-auth-justification': 'Secret merchant key, server-to-server, IP allowlisting' },
          plainKey: { type: 'apiKey', in: 'header', name: 'X-Plain' },
        },
        schemas: { CardInput },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: a basic securityDefinition on an operation with a PAN body parameter is reported',
    document: oasDoc('2.0', {
      securityDefinitions: { basic: { type: 'basic' } },
      security: [{ basic: [] }],
      paths: { '/cards': { post: { parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Card' } }], responses: res } } },
      definitions: { Card: { type: 'object', properties: { card_number: { type: 'string' } } } },
    }),
    errors: [{ path: ['securityDefinitions', 'basic'] }],
  },
  {
    name: '2.0: oauth2 passes',
    document: oasDoc('2.0', {
      securityDefinitions: { oauth: { type: 'oauth2', flow: 'application', tokenUrl: 'https://auth.bank.example/token', scopes: { cards: 'cards' } } },
      security: [{ oauth: ['cards'] }],
      paths: { '/cards': { post: { parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Card' } }], responses: res } } },
      definitions: { Card: { type: 'object', properties: { card_number: { type: 'string' } } } },
    }),
    errors: [],
  },
]);
