import { oasDoc, testRule } from '../helpers/testRule.js';
import { ruleConfig } from '../helpers/ruleConfig.js';

const RULE = 'fin-fapi-interaction-id';
const uuid = { type: 'string', format: 'uuid', maxLength: 36 };
const reqHeader = { name: 'x-fapi-interaction-id', in: 'header', schema: uuid };
const echo = { 'x-fapi-interaction-id': { schema: uuid } };
const withEcho = (description: string) => ({ description, headers: echo });

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: a document that never mentions the header gets one finding at paths',
    document: oasDoc('3.1', {
      paths: { '/accounts': { get: { responses: { '200': { description: 'ok' } } } }, '/payments': { post: { responses: { '201': { description: 'ok' } } } } },
    }),
    errors: [
      {
        message:
          'No operation accepts or returns the x-fapi-interaction-id header: all 2 operations leave client and provider without a shared id to trace an interaction by.',
        path: ['paths'],
      },
    ],
  },
  {
    name: '3.1: shared parameter and header on every response pass (catalogue example)',
    document: oasDoc('3.1', {
      components: {
        parameters: { InteractionId: reqHeader },
        headers: { InteractionId: { schema: uuid } },
        responses: { Error: { description: 'error', headers: { 'x-fapi-interaction-id': { $ref: '#/components/headers/InteractionId' } } } },
      },
      paths: {
        '/accounts': {
          parameters: [{ $ref: '#/components/parameters/InteractionId' }],
          get: { responses: { '200': { description: 'ok', headers: { 'X-FAPI-Interaction-ID': { $ref: '#/components/headers/InteractionId' } } }, default: { $ref: '#/components/responses/Error' } } },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: one finding per operation, listing the responses that do not return the header',
    document: oasDoc('3.1', {
      paths: {
        '/accounts': { get: { parameters: [reqHeader], responses: { '200': withEcho('ok'), '400': { description: 'bad' }, '500': { description: 'error' } } } },
        '/balances': { get: { responses: { '200': withEcho('ok') } } },
        '/payments': { post: { responses: { '201': { description: 'created' } } } },
      },
    }),
    errors: [
      { message: 'GET /accounts accepts the x-fapi-interaction-id header but its 400 and 500 responses do not return it.', path: ['paths', '/accounts', 'get'] },
      { message: 'GET /balances does not accept the x-fapi-interaction-id request header.', path: ['paths', '/balances', 'get'] },
      { message: 'POST /payments does not accept the x-fapi-interaction-id request header, and its 201 response does not return it.', path: ['paths', '/payments', 'post'] },
    ],
  },
  {
    name: '3.1: x-public operations and authorization-server endpoints of the file are skipped',
    document: oasDoc('3.1', {
      components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://bank.example/v1/oauth2/token', scopes: {} } } } } },
      paths: {
        '/accounts': { get: { parameters: [reqHeader], responses: { '200': withEcho('ok') } } },
        '/oauth2/token': { post: { responses: { '200': { description: 'token' } } } },
        '/as/par': { post: { responses: { '201': { description: 'request uri' } } } },
        '/status': { get: { 'x-public': true, responses: { '200': { description: 'ok' } } } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: x-default-response-headers covers every response',
    document: oasDoc('3.1', {
      'x-default-response-headers': ['x-fapi-interaction-id'],
      paths: { '/accounts': { get: { parameters: [reqHeader], responses: { '200': { description: 'ok' }, '500': { description: 'error' } } } } },
    }),
    errors: [],
  },
  {
    name: '3.1: an operation in another file is reported there',
    document: oasDoc('3.1', {
      paths: { '/accounts': { get: { parameters: [reqHeader], responses: { '200': withEcho('ok') } } }, '/cards': { $ref: 'paths.yaml#/Cards' } },
    }),
    files: { 'paths.yaml': { Cards: { get: { responses: { '200': { description: 'ok' } } } } } },
    errors: [{ path: ['Cards', 'get'], source: 'paths.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: a query parameter of that name is not the header',
    document: oasDoc('3.0', {
      paths: {
        '/accounts': { get: { parameters: [reqHeader], responses: { '200': withEcho('ok') } } },
        '/cards': { get: { parameters: [{ ...reqHeader, in: 'query' }], responses: { '200': withEcho('ok') } } },
      },
    }),
    errors: [{ message: 'GET /cards does not accept the x-fapi-interaction-id request header.' }],
  },
  {
    name: '3.0: accepted and returned everywhere passes',
    document: oasDoc('3.0', { paths: { '/accounts': { get: { parameters: [reqHeader], responses: { '200': withEcho('ok'), '4XX': withEcho('client error') } } } } }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: inline header parameters and response headers pass',
    document: oasDoc('2.0', {
      paths: {
        '/accounts': {
          get: {
            parameters: [{ name: 'x-fapi-interaction-id', in: 'header', type: 'string' }],
            responses: { '200': { description: 'ok', headers: { 'x-fapi-interaction-id': { type: 'string' } } } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: a response without the header fails at the operation',
    document: oasDoc('2.0', {
      paths: {
        '/accounts': {
          get: {
            parameters: [{ name: 'x-fapi-interaction-id', in: 'header', type: 'string' }],
            responses: { '200': { description: 'ok', headers: { 'x-fapi-interaction-id': { type: 'string' } } }, '401': { description: 'unauthorized' } },
          },
        },
      },
    }),
    errors: [{ message: 'GET /accounts accepts the x-fapi-interaction-id header but its 401 response does not return it.', path: ['paths', '/accounts', 'get'] }],
  },
]);

// Options: header renames the interaction id (e.g. X-Request-ID for Berlin Group).
const config = ruleConfig(RULE, 'info', { header: 'X-Request-ID' });
testRule(
  RULE,
  [
    {
      name: 'header: the configured name replaces x-fapi-interaction-id',
      document: oasDoc('3.1', {
        paths: {
          '/a': { get: { parameters: [{ name: 'X-Request-ID', in: 'header', schema: uuid }], responses: { '200': { description: 'ok', headers: { 'x-request-id': { schema: uuid } } } } } },
          '/b': { get: { parameters: [reqHeader], responses: { '200': withEcho('ok') } } },
        },
      }),
      errors: [{ message: 'GET /b does not accept the X-Request-ID request header, and its 200 response does not return it.', path: ['paths', '/b', 'get'] }],
    },
  ],
  { config },
);
