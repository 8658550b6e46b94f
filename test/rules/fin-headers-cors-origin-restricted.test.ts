import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-headers-cors-origin-restricted';
const secured = {
  components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.bank.example/token', scopes: { read: 'read' } } } } } },
  security: [{ oauth: ['read'] }],
};
const acao = (schema: object, extra: object = {}) => ({ 'Access-Control-Allow-Origin': { schema, ...extra } });
const get = (headers: object, op: object = {}) => ({ get: { ...op, responses: { '200': { description: 'ok', headers } } } });

testRule(RULE, [
  {
    name: '3.1: a wildcard origin on a secured operation fails at the value',
    document: oasDoc('3.1', { ...secured, paths: { '/accounts': get(acao({ type: 'string', enum: ['*'] })) } }),
    errors: [
      {
        message:
          'The 200 response of GET /accounts, a secured operation, allows any origin (*) in Access-Control-Allow-Origin; allow-list the trusted origins.',
        path: ['paths', '/accounts', 'get', 'responses', '200', 'headers', 'Access-Control-Allow-Origin', 'schema', 'enum', 0],
      },
    ],
  },
  {
    name: '3.1: an allow-listed origin passes; no CORS header at all passes (not every API is called from browsers)',
    document: oasDoc('3.1', {
      ...secured,
      paths: { '/accounts': get(acao({ type: 'string', enum: ['https://app.bank.example'] })), '/cards': get({}) },
    }),
    errors: [],
  },
  {
    name: '3.1: a wildcard with Access-Control-Allow-Credentials: true is called out; the header is in another file',
    document: oasDoc('3.1', {
      ...secured,
      paths: {
        '/accounts': get({
          'access-control-allow-origin': { $ref: 'headers.yaml#/AllowOrigin' },
          'Access-Control-Allow-Credentials': { schema: { type: 'boolean', const: true } },
        }),
      },
    }),
    files: { 'headers.yaml': { AllowOrigin: { schema: { type: 'string' }, example: '*' } } },
    errors: [
      {
        message:
          'The 200 response of GET /accounts allows any origin (*) together with Access-Control-Allow-Credentials: true; allow-list the trusted origins instead.',
        path: ['AllowOrigin', 'example'],
        source: 'headers.yaml',
      },
    ],
  },
  {
    name: '3.1: public operations (x-public, or no security) may allow any origin',
    document: oasDoc('3.1', {
      ...secured,
      paths: {
        '/rates': get(acao({ type: 'string', enum: ['*'] }), { 'x-public': true, security: [] }),
        '/branches': get(acao({ type: 'string', default: '*' }), { security: [] }),
      },
    }),
    errors: [],
  },
  {
    name: '3.0: the "null" origin in an example fails; a shared header is reported once',
    document: oasDoc('3.0', {
      ...secured,
      components: { ...secured.components, headers: { Origin: { schema: { type: 'string' }, examples: { sandboxed: { value: 'null' } } } } },
      paths: {
        '/accounts': get({ 'Access-Control-Allow-Origin': { $ref: '#/components/headers/Origin' } }),
        '/cards': get({ 'Access-Control-Allow-Origin': { $ref: '#/components/headers/Origin' } }),
      },
    }),
    errors: [{ message: /allows the "null" origin in Access-Control-Allow-Origin/, path: ['components', 'headers', 'Origin', 'examples', 'sandboxed', 'value'] }],
  },
  {
    name: '3.0: a gateway declaration of * fails when the API has secured operations',
    document: oasDoc('3.0', { ...secured, 'x-default-response-headers': ['Access-Control-Allow-Origin: *'], paths: { '/accounts': get({}) } }),
    errors: [{ path: ['x-default-response-headers', 0] }],
  },
  {
    name: '3.0: a gateway declaration that names the trusted origin passes',
    document: oasDoc('3.0', {
      ...secured,
      'x-default-response-headers': { 'Access-Control-Allow-Origin': 'https://app.bank.example' },
      paths: { '/accounts': get({}) },
    }),
    errors: [],
  },
  {
    name: '2.0: an inline enum of * fails',
    document: oasDoc('2.0', {
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
      security: [{ key: [] }],
      paths: { '/accounts': { get: { responses: { '200': { description: 'ok', headers: { 'Access-Control-Allow-Origin': { type: 'string', enum: ['*'] } } } } } } },
    }),
    errors: [{ path: ['paths', '/accounts', 'get', 'responses', '200', 'headers', 'Access-Control-Allow-Origin', 'enum', 0] }],
  },
  {
    name: '2.0: an inline default that names the origin passes',
    document: oasDoc('2.0', {
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
      security: [{ key: [] }],
      paths: {
        '/accounts': { get: { responses: { '200': { description: 'ok', headers: { 'Access-Control-Allow-Origin': { type: 'string', default: 'https://app.bank.example' } } } } } },
      },
    }),
    errors: [],
  },
]);
