import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-input-url-fields-constrained';

const ok = { '201': { description: 'created' } };
const body = (schema: object) => ({ content: { 'application/json': { schema } } });
const post = (schema: object) => ({ '/webhook-endpoints': { post: { requestBody: body(schema), responses: ok } } });
const BODY = ['paths', '/webhook-endpoints', 'post', 'requestBody', 'content', 'application/json', 'schema'];
const GOOD = { type: 'string', format: 'uri', maxLength: 2048, pattern: '^https://[^\\s]+$' };

testRule(RULE, [
  {
    name: '3.1: a bare notification URL is reported with everything it lacks',
    document: oasDoc('3.1', { paths: post({ type: 'object', properties: { notificationUrl: { type: 'string' } } }) }),
    errors: [
      {
        message:
          'Property "notificationUrl" in the request body of POST /webhook-endpoints carries a URL the API may fetch, call or redirect to, but lacks format: uri, an anchored ^https:// pattern (or x-url-allowlist) and maxLength.',
        path: [...BODY, 'properties', 'notificationUrl'],
      },
    ],
  },
  {
    name: '3.1: a format: uri field of any name is in scope; http-or-https patterns do not count',
    document: oasDoc('3.1', {
      paths: post({ type: 'object', properties: { target: { type: 'string', format: 'uri', maxLength: 2048, pattern: '^https?://.+$' } } }),
    }),
    errors: [{ path: [...BODY, 'properties', 'target'], message: /but lacks an anchored \^https:\/\/ pattern \(or x-url-allowlist\)\.$/ }],
  },
  {
    name: '3.1: constrained URLs, allowlists, enums, escaped-slash patterns, readOnly links and response links pass',
    document: oasDoc('3.1', {
      paths: {
        '/webhook-endpoints': {
          post: {
            requestBody: body({
              type: 'object',
              properties: {
                url: GOOD,
                returnUrl: { type: 'string', format: 'uri', maxLength: 2048, 'x-url-allowlist': ['https://shop.example/'] },
                redirect_uri: { type: 'string', format: 'uri', enum: ['https://app.example/cb'] },
                callback: { type: 'string', format: 'uri', pattern: '^https:\\/\\/[a-z.]{1,200}\\/cb$' },
                self_url: { type: 'string', readOnly: true },
                webhook_id: { type: 'string', format: 'uuid' },
              },
            }),
            responses: { '201': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { href: { type: 'string' } } } } } } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a URL field in another file is reported there',
    document: oasDoc('3.1', { paths: post({ $ref: 'schemas.yaml#/Endpoint' }) }),
    files: { 'schemas.yaml': { Endpoint: { type: 'object', properties: { callbackUrl: { type: 'string', format: 'uri', pattern: '^https://' } } } } },
    errors: [{ source: 'schemas.yaml', path: ['Endpoint', 'properties', 'callbackUrl'], message: /but lacks maxLength\.$/ }],
  },
  {
    name: '3.0: a redirect_uri query parameter is reported',
    document: oasDoc('3.0', {
      paths: { '/authorize': { get: { parameters: [{ name: 'redirect_uri', in: 'query', schema: { type: 'string', format: 'uri' } }], responses: { '302': { description: 'redirect' } } } } },
    }),
    errors: [{ path: ['paths', '/authorize', 'get', 'parameters', 0, 'schema'], message: /^Query parameter "redirect_uri" of GET \/authorize carries a URL/ }],
  },
  {
    name: '3.0: constraints from an allOf member count',
    document: oasDoc('3.0', {
      paths: post({ type: 'object', properties: { return_url: { allOf: [{ $ref: '#/components/schemas/HttpsUrl' }], description: 'Where to send the payer.' } } }),
      components: { schemas: { HttpsUrl: GOOD } },
    }),
    errors: [],
  },
  {
    name: '2.0: an inline URL header parameter is reported',
    document: oasDoc('2.0', {
      paths: { '/payments': { post: { parameters: [{ name: 'TPP-Redirect-URI', in: 'header', type: 'string' }], responses: ok } } },
    }),
    errors: [{ path: ['paths', '/payments', 'post', 'parameters', 0] }],
  },
  {
    name: '2.0: a constrained inline URL parameter passes',
    document: oasDoc('2.0', {
      paths: { '/payments': { post: { parameters: [{ name: 'TPP-Redirect-URI', in: 'header', type: 'string', format: 'uri', maxLength: 2048, pattern: '^https://.+$' }], responses: ok } } },
    }),
    errors: [],
  },
]);
