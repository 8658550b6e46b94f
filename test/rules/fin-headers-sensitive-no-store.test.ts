import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-headers-sensitive-no-store';
const noStore = { 'Cache-Control': { schema: { type: 'string', enum: ['no-store'] } } };
const card = {
  type: 'object',
  properties: { id: { type: 'string', format: 'uuid' }, pan: { type: 'string', pattern: '^[0-9]{12,19}$', maxLength: 19 } },
};
const body = (schema: object, headers?: object) => ({
  description: 'ok',
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema } },
});
const get = (response: object, status = '200') => ({ get: { responses: { [status]: response } } });

testRule(RULE, [
  {
    name: '3.1: a response that returns a full card number without Cache-Control fails at the response',
    document: oasDoc('3.1', { paths: { '/cards/{id}': get(body(card)) } }),
    errors: [
      {
        message: 'The 200 response of GET /cards/{id} returns a card number (PAN) ("pan"), but declares no Cache-Control: no-store header.',
        path: ['paths', '/cards/{id}', 'get', 'responses', '200'],
      },
    ],
  },
  {
    name: '3.1: Cache-Control with no-store (enum, example or description) passes',
    document: oasDoc('3.1', {
      paths: {
        '/cards/{id}': get(body(card, noStore)),
        '/sessions': { post: { responses: { '201': body({ type: 'object', properties: { access_token: { type: 'string' } } }, { 'cache-control': { schema: { type: 'string' }, example: 'no-store, max-age=0' } }) } } },
        '/keys/{id}': get(body({ type: 'object', properties: { secret: { type: 'string' } } }, { 'Cache-Control': { description: 'Always no-store.', schema: { type: 'string' } } })),
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a Cache-Control header that does not say no-store fails at the header',
    document: oasDoc('3.1', {
      paths: {
        '/cards/{id}': get(body(card, { 'Cache-Control': { schema: { type: 'string', enum: ['private, max-age=60'] } } })),
        '/cards': get(body({ type: 'array', items: card }, noStore)),
      },
    }),
    errors: [
      {
        message: 'The 200 response of GET /cards/{id} returns a card number (PAN) ("pan"), but its Cache-Control header does not say no-store.',
        path: ['paths', '/cards/{id}', 'get', 'responses', '200', 'headers', 'Cache-Control'],
      },
    ],
  },
  {
    name: '3.1: a token response defined in another file is reported there',
    document: oasDoc('3.1', { paths: { '/oauth2/token': { post: { responses: { '200': { $ref: 'responses.yaml#/Token' } } } } } }),
    files: { 'responses.yaml': { Token: body({ type: 'object', properties: { access_token: { type: 'string' }, token_type: { type: 'string' } } }) } },
    errors: [{ message: /returns a credential \("access_token"\), but declares no Cache-Control: no-store header\.$/, path: ['Token'], source: 'responses.yaml' }],
  },
  {
    name: '3.1: near misses stay silent: resource ids named token, masked card numbers, pagination tokens, errors, flags',
    document: oasDoc('3.1', {
      paths: {
        '/cards/{token}': get(
          body({
            type: 'object',
            properties: {
              token: { type: 'string', format: 'uuid' },
              panLast4: { type: 'string', maxLength: 4 },
              next_page_token: { type: 'string' },
              password_set: { type: 'boolean' },
              token_type: { type: 'string', enum: ['bearer'] },
            },
          }),
        ),
        '/login': { post: { responses: { '401': body({ type: 'object', properties: { access_token: { type: 'string' } } }) } } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: declared personal data counts; x-data-classification: public overrides a name',
    document: oasDoc('3.1', {
      paths: {
        '/customers/{id}': get(body({ type: 'object', properties: { name: { type: 'string', 'x-data-classification': 'personal' } } })),
        '/apps/{id}': get(body({ type: 'object', properties: { api_key: { type: 'string', 'x-data-classification': 'public' } } })),
        '/customers': get(body({ type: 'array', items: { type: 'object', properties: { email: { type: 'string' } } } }, noStore)),
      },
    }),
    errors: [{ message: /returns data classified personal \("name"\)/, path: ['paths', '/customers/{id}', 'get', 'responses', '200'] }],
  },
  {
    name: '3.0: the OAuth token endpoint always needs no-store, even without a described body',
    document: oasDoc('3.0', {
      components: {
        securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://api.bank.example/oauth2/token', scopes: {} } } } },
      },
      paths: { '/oauth2/token': { post: { responses: { '200': { description: 'token' } } } } },
    }),
    errors: [{ message: 'The 200 response of POST /oauth2/token issues OAuth tokens, but declares no Cache-Control: no-store header.', path: ['paths', '/oauth2/token', 'post', 'responses', '200'] }],
  },
  {
    name: '3.0: a document that never says no-store gets one finding for all its sensitive responses',
    document: oasDoc('3.0', {
      paths: {
        '/cards/{id}': get(body(card)),
        '/cards': get(body({ type: 'array', items: card })),
        '/keys': { post: { responses: { '201': body({ type: 'object', properties: { client_secret: { type: 'string' } } }) } } },
      },
    }),
    errors: [
      {
        message:
          '3 success responses return sensitive data and no response declares Cache-Control: no-store (for example: The 200 response of GET /cards/{id} returns a card number (PAN) ("pan"); The 200 response of GET /cards returns a card number (PAN) ("pan"); The 201 response of POST /keys returns a credential ("client_secret")); declare it on those responses, or in x-default-response-headers when a gateway sets it.',
        path: ['paths'],
      },
    ],
  },
  {
    name: '3.0: x-default-response-headers with Cache-Control: no-store covers every response',
    document: oasDoc('3.0', { 'x-default-response-headers': { 'Cache-Control': 'no-store' }, paths: { '/cards/{id}': get(body(card)) } }),
    errors: [],
  },
  {
    name: '2.0: a response schema with a password fails; a 2.0 inline Cache-Control enum passes',
    document: oasDoc('2.0', {
      paths: {
        '/users/{id}/credentials': { get: { responses: { '200': { description: 'ok', schema: { type: 'object', properties: { password: { type: 'string' } } } } } } },
        '/cards/{id}': { get: { responses: { '200': { description: 'ok', headers: { 'Cache-Control': { type: 'string', enum: ['no-store'] } }, schema: card } } } },
      },
    }),
    errors: [{ path: ['paths', '/users/{id}/credentials', 'get', 'responses', '200'] }],
  },
  {
    name: '2.0: nothing sensitive, nothing to declare',
    document: oasDoc('2.0', { paths: { '/rates': { get: { responses: { '200': { description: 'ok', schema: { type: 'object', properties: { rate: { type: 'string' } } } } } } } } }),
    errors: [],
  },
]);
