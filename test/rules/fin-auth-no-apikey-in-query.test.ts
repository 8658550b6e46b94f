import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-auth-no-apikey-in-query';

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: an API key in a header passes',
    document: oasDoc('3.1', { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } } } }),
    errors: [],
  },
  {
    name: '3.1: an API key in the query is reported at in',
    document: oasDoc('3.1', { components: { securitySchemes: { key: { type: 'apiKey', in: 'query', name: 'api_key' } } } }),
    errors: [
      {
        message:
          'API key scheme "key" is sent in the query string, where server, proxy and browser logs record it; send it in a request header.',
        path: ['components', 'securitySchemes', 'key', 'in'],
      },
    ],
  },
  {
    name: '3.1: an API key in a cookie is reported with its own message',
    document: oasDoc('3.1', { components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } } } }),
    errors: [
      {
        message:
          'API key scheme "session" is sent in a cookie, which browsers attach to every request on their own (CSRF) and share across paths; send it in a request header instead.',
        path: ['components', 'securitySchemes', 'session', 'in'],
      },
    ],
  },
  {
    name: '3.1: non-apiKey schemes with a stray "in" are not judged',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', in: 'query' },
          oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' },
        },
      },
    }),
    errors: [],
  },
  {
    name: "3.1: a $ref'd scheme in another file is reported there",
    document: oasDoc('3.1', { components: { securitySchemes: { key: { $ref: 'schemes.yaml#/Key' } } } }),
    files: { 'schemes.yaml': { Key: { type: 'apiKey', in: 'query', name: 'key' } } },
    errors: [{ path: ['Key', 'in'], source: 'schemes.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: header passes',
    document: oasDoc('3.0', { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } } } }),
    errors: [],
  },
  {
    name: '3.0: query and cookie both fail',
    document: oasDoc('3.0', {
      components: {
        securitySchemes: {
          q: { type: 'apiKey', in: 'query', name: 'key' },
          c: { type: 'apiKey', in: 'cookie', name: 'key' },
        },
      },
    }),
    errors: [
      { message: /query string/, path: ['components', 'securitySchemes', 'q', 'in'] },
      { message: /cookie/, path: ['components', 'securitySchemes', 'c', 'in'] },
    ],
  },
  // OAS 2.0
  {
    name: '2.0: header passes',
    document: oasDoc('2.0', { securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } } }),
    errors: [],
  },
  {
    name: '2.0: query fails',
    document: oasDoc('2.0', { securityDefinitions: { key: { type: 'apiKey', in: 'query', name: 'api_key' } } }),
    errors: [{ message: /query string/, path: ['securityDefinitions', 'key', 'in'] }],
  },
]);
