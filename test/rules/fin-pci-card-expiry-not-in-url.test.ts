import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-pci-card-expiry-not-in-url';

const res = { '200': { description: 'ok' } };

testRule(RULE, [
  {
    name: '3.1: a cardExpiry query parameter is reported at the parameter',
    document: oasDoc('3.1', {
      paths: { '/payments': { get: { parameters: [{ name: 'cardExpiry', in: 'query', schema: { type: 'string' } }], responses: res } } },
    }),
    errors: [
      {
        message: 'Query parameter "cardExpiry" of /payments puts a card expiry date in the URL (its name contains "expiry" in a card context ("card" in the name)).',
        path: ['paths', '/payments', 'get', 'parameters', 0],
      },
    ],
  },
  {
    name: '3.1: token, session and link expiries are not card expiry',
    document: oasDoc('3.1', {
      paths: {
        '/cards': {
          get: {
            parameters: [
              { name: 'expiresAt', in: 'query', schema: { type: 'string', format: 'date-time' } },
              { name: 'tokenExpiry', in: 'query', schema: { type: 'string' } },
              { name: 'expires_in', in: 'query', schema: { type: 'integer' } },
              { name: 'pageToken', in: 'query', schema: { type: 'string' } },
            ],
            responses: res,
          },
        },
        '/sessions': { get: { parameters: [{ name: 'expiry', in: 'query', schema: { type: 'string' } }], responses: res } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: exp_month and exp_year filters of a card list are reported, from a file $ref',
    document: oasDoc('3.1', {
      paths: { '/v1/issuing/cards': { get: { parameters: [{ $ref: 'params.yaml#/ExpMonth' }, { name: 'exp_year', in: 'query', schema: { type: 'integer' } }], responses: res } } },
    }),
    files: { 'params.yaml': { ExpMonth: { name: 'exp_month', in: 'query', schema: { type: 'integer' } } } },
    errors: [
      { path: ['paths', '/v1/issuing/cards', 'get', 'parameters', 1] },
      { path: ['ExpMonth'], source: 'params.yaml', message: 'Query parameter "exp_month" of /v1/issuing/cards puts a card expiry date in the URL (its name contains "exp month" in a card context (path /v1/issuing/cards)).' },
    ],
  },
  {
    name: '3.0: an expiry property of a deepObject card parameter is reported at the property',
    document: oasDoc('3.0', {
      paths: {
        '/payments': {
          get: {
            parameters: [{ name: 'card', in: 'query', style: 'deepObject', schema: { $ref: '#/components/schemas/CardRef' } }],
            responses: res,
          },
        },
      },
      components: {
        schemas: {
          CardRef: { allOf: [{ type: 'object', properties: { token: { type: 'string' } } }, { type: 'object', properties: { expiryDate: { type: 'string' } } }] },
        },
      },
    }),
    errors: [{ path: ['components', 'schemas', 'CardRef', 'allOf', 1, 'properties', 'expiryDate'], message: /^Property "expiryDate" of query parameter "card" of \/payments/ }],
  },
  {
    name: '3.0: expiry in a request body passes',
    document: oasDoc('3.0', {
      paths: {
        '/payments': {
          post: {
            requestBody: {
              content: { 'application/json': { schema: { type: 'object', properties: { card: { type: 'object', properties: { expiryMonth: { type: 'string', pattern: '^(0[1-9]|1[0-2])$', writeOnly: true } } } } } } },
            },
            responses: res,
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: a card expiry path segment is reported',
    document: oasDoc('2.0', {
      paths: { '/cards/{expiry}/renew': { post: { parameters: [{ name: 'expiry', in: 'path', required: true, type: 'string' }], responses: res } } },
    }),
    errors: [{ path: ['paths', '/cards/{expiry}/renew', 'post', 'parameters', 0], message: /in a card context \(path \/cards\/\{expiry\}\/renew\)/ }],
  },
  {
    name: '2.0: an expiry declared as other data passes',
    document: oasDoc('2.0', {
      paths: { '/cards': { get: { parameters: [{ name: 'card_expiry', in: 'query', type: 'string', 'x-data-classification': 'internal' }], responses: res } } },
    }),
    errors: [],
  },
]);
