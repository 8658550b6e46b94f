import { describe, expect, it } from 'vitest';
import { runRuleWithOptions } from '../helpers/withOptions.js';
import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-ratelimit-auth-endpoints';

const tooMany = { description: 'slow down', headers: { 'Retry-After': { schema: { type: 'integer' } } } };
const ok = { '200': { description: 'ok' } };
const json = (properties: Record<string, unknown>) => ({ content: { 'application/json': { schema: { type: 'object', properties } } } });
const str = { type: 'string', maxLength: 64 };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: a login without 429 or lock-out is reported at its responses',
    document: oasDoc('3.1', { paths: { '/login': { post: { responses: { ...ok, '401': { description: 'invalid' } } } } } }),
    errors: [
      {
        message:
          'Authentication operation POST /login (its path contains "login") declares neither a 429 response with Retry-After nor a lock-out response (423), so nothing documents how repeated failed attempts are throttled.',
        path: ['paths', '/login', 'post', 'responses'],
      },
    ],
  },
  {
    name: '3.1: x-auth-endpoint with a shared 429 carrying Retry-After passes',
    document: oasDoc('3.1', {
      paths: { '/verify': { post: { 'x-auth-endpoint': true, responses: { ...ok, '429': { $ref: '#/components/responses/TooManyRequests' } } } } },
      components: { responses: { TooManyRequests: tooMany } },
    }),
    errors: [],
  },
  {
    name: '3.1: a 429 without Retry-After is not enough',
    document: oasDoc('3.1', {
      paths: { '/oauth2/token': { post: { responses: { ...ok, '429': { description: 'slow down' } } } } },
    }),
    errors: [
      {
        message:
          'Authentication operation POST /oauth2/token (its path contains "token") declares 429 without a Retry-After header and no lock-out response (423); clients and auditors cannot see how failed attempts are throttled.',
        path: ['paths', '/oauth2/token', 'post', 'responses'],
      },
    ],
  },
  {
    name: '3.1: a 423 or a documented lock-out code is a lock-out response',
    document: oasDoc('3.1', {
      paths: {
        '/login': { post: { responses: { ...ok, '423': { description: 'locked' } } } },
        '/mfa/verify': {
          post: {
            responses: {
              ...ok,
              '401': json({ code: { type: 'string', enum: ['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED'] } }),
            },
          },
        },
        '/password/reset': { post: { responses: { ...ok, '403': { description: 'Too many attempts: the user is blocked for 30 minutes.' } } } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: CERTIFICATE_BLOCKED is not a lock-out of the user',
    document: oasDoc('3.1', {
      paths: { '/login': { post: { responses: { ...ok, '401': json({ code: { type: 'string', enum: ['CERTIFICATE_BLOCKED'] } }) } } } },
    }),
    errors: [{ path: ['paths', '/login', 'post', 'responses'] }],
  },
  {
    name: '3.1: public login endpoints are still asked; an OTP field in a $ref\'d body marks an auth operation',
    document: oasDoc('3.1', {
      paths: {
        '/signin': { post: { 'x-public': true, security: [], responses: ok } },
        '/payments/{id}/confirm': { post: { requestBody: { $ref: '#/components/requestBodies/Confirm' }, responses: ok } },
      },
      components: { requestBodies: { Confirm: json({ challenge: { type: 'object', properties: { otpCode: str } } }) } },
    }),
    errors: [
      { message: /POST \/signin \(its path contains "signin"\)/, path: ['paths', '/signin', 'post', 'responses'] },
      { message: /POST \/payments\/\{id\}\/confirm \(its request carries "otpCode"\)/, path: ['paths', '/payments/{id}/confirm', 'post', 'responses'] },
    ],
  },
  {
    name: '3.1: a login path item in another file is reported there',
    document: oasDoc('3.1', { paths: { '/login': { $ref: 'login.yaml' } } }),
    files: { 'login.yaml': { post: { responses: { '200': { description: 'ok' } } } } },
    errors: [{ path: ['post', 'responses'], source: 'login.yaml' }],
  },
  {
    name: '3.1: look-alikes are not authentication operations',
    document: oasDoc('3.1', {
      paths: {
        // reads and logouts
        '/sessions': { get: { responses: ok }, delete: { responses: ok } },
        // payment objects named like auth words, without credentials in the request
        '/checkout/sessions': { post: { requestBody: json({ amount: { type: 'integer' } }), responses: ok } },
        '/card-tokens': { post: { requestBody: json({ number: str, cvc: str }), responses: ok } },
        '/payments/{id}/authorize': { post: { requestBody: json({ amount: { type: 'integer' } }), responses: ok } },
        '/cards/{id}/pin': { get: { responses: ok } },
        // registration and card issuing set a password or PIN, they do not verify one
        '/users': { post: { requestBody: json({ email: str, password: str }), responses: ok } },
        '/cards': { post: { requestBody: json({ pin: str }), responses: ok } },
        // a POST that only reads, a sandbox simulation, an explicit opt-out
        '/authentication/search': { post: { responses: ok } },
        '/sandbox/item/reset_login': { post: { responses: ok } },
        '/login': { post: { 'x-auth-endpoint': false, responses: ok } },
        // a link to a dashboard
        '/accounts/{id}/login_links': { post: { responses: ok } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: an ambiguous keyword counts with a credential in the request, unless every request carries it',
    document: oasDoc('3.1', {
      paths: {
        '/token/new': { post: { requestBody: json({ secret_id: str, secret_key: str }), responses: ok } },
      },
    }),
    errors: [{ message: /\(its path contains "token" and its request carries "secret_key"\)/, path: ['paths', '/token/new', 'post', 'responses'] }],
  },
  {
    name: '3.1: a secret sent with every request (Plaid style) does not make /link/token/create an auth operation',
    document: oasDoc('3.1', {
      paths: Object.fromEntries(
        ['/link/token/create', '/accounts/get', '/transactions/sync', '/auth/get', '/identity/get', '/balance/get'].map((p) => [
          p,
          { post: { requestBody: json({ client_id: str, secret: str }), responses: { ...ok, '429': tooMany } } },
        ]),
      ),
    }),
    errors: [],
  },
  // OAS 3.0
  {
    name: '3.0: a tag marks an auth operation',
    document: oasDoc('3.0', { paths: { '/v1/verify': { post: { tags: ['Authentication'], responses: ok } } } }),
    errors: [{ message: /\(its tag "Authentication" contains "authentication"\)/, path: ['paths', '/v1/verify', 'post', 'responses'] }],
  },
  {
    name: '3.0: a password change with a 429 and Retry-After passes',
    document: oasDoc('3.0', {
      paths: { '/users/{id}/password': { put: { responses: { '204': { description: 'changed' }, '429': tooMany } } } },
    }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: a formData OTP marks an auth operation',
    document: oasDoc('2.0', {
      paths: {
        '/challenges/{id}': {
          post: { consumes: ['application/x-www-form-urlencoded'], parameters: [{ name: 'otp', in: 'formData', type: 'string' }], responses: ok },
        },
      },
    }),
    errors: [{ message: /\(its request carries "otp"\)/, path: ['paths', '/challenges/{id}', 'post', 'responses'] }],
  },
  {
    name: '2.0: a token endpoint with 429 and Retry-After passes',
    document: oasDoc('2.0', {
      paths: {
        '/oauth/token': {
          post: { responses: { '200': { description: 'ok' }, '429': { description: 'slow down', headers: { 'Retry-After': { type: 'integer' } } } } },
        },
      },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  const doc = oasDoc('3.1', {
    paths: {
      '/verify-identity': { post: { responses: { '200': { description: 'ok' } } } },
      '/login': { post: { responses: { '200': { description: 'ok' } } } },
    },
  });
  it('keywords replace the defaults', async () => {
    const findings = await runRuleWithOptions(RULE, { keywords: ['verify identity'] }, doc);
    expect(findings.map((f) => f.path)).toEqual([['paths', '/verify-identity', 'post', 'responses']]);
  });
  it('rejects unknown options', async () => {
    await expect(runRuleWithOptions(RULE, { keyword: ['login'] }, doc)).rejects.toThrow();
  });
});
