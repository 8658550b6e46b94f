import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Ruleset, type RulesetDefinition } from '@stoplight/spectral-core';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { rulesById } from '../../rulesets/registry.js';
import { lint } from '../../src/engine/lint.js';
import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-auth-no-credentials-in-url';
const ok = { responses: { '200': { description: 'ok' } } };
const str = { type: 'string', maxLength: 200 };
const q = (name: string, extra: Record<string, unknown> = {}) => ({ name, in: 'query', schema: str, ...extra });
const TAIL = 'URLs are recorded in server, proxy and browser logs, so send it in the Authorization header or the request body.';

/** Names that look like credentials at a glance but are not: they must stay silent. */
const TRAPS = [
  'pageToken',
  'nextPageToken',
  'continuationToken',
  'cursor',
  'tokenId',
  'token_type',
  'paymentToken',
  'cardToken',
  'passwordPolicy',
  'pinEntryCapability',
  'sessionTimeout',
  'access_token_expires_in',
  'keyword',
  'spinId',
];

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: pagination cursors, token ids and metadata, card tokens and policy names stay silent',
    document: oasDoc('3.1', { paths: { '/transactions': { get: { ...ok, parameters: TRAPS.map((n) => q(n)) } } } }),
    errors: [],
  },
  {
    name: '3.1: headers, cookies, boolean flags and the resource id of a sessions collection stay silent',
    document: oasDoc('3.1', {
      paths: {
        '/sessions/{sessionId}': {
          parameters: [{ name: 'sessionId', in: 'path', required: true, schema: str }],
          delete: {
            ...ok,
            parameters: [
              { name: 'Authorization', in: 'header', schema: str },
              { name: 'session_token', in: 'cookie', schema: str },
              { name: 'password', in: 'query', schema: { type: 'boolean' } },
            ],
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: an access token in the query is reported at its name with the matched phrase',
    document: oasDoc('3.1', { paths: { '/accounts': { get: { ...ok, parameters: [q('access_token', { required: true })] } } } }),
    errors: [
      {
        message: `Query parameter "access_token" carries a credential ("access token"); ${TAIL}`,
        path: ['paths', '/accounts', 'get', 'parameters', 0, 'name'],
      },
    ],
  },
  {
    name: '3.1: path-item, operation and path parameters are all checked',
    document: oasDoc('3.1', {
      paths: {
        '/password-resets/{token}': {
          parameters: [{ name: 'token', in: 'path', required: true, schema: str }, q('X-API-KEY')],
          post: { ...ok, parameters: [q('otp'), q('pin'), q('client_secret'), q('idToken'), q('sessionId')] },
        },
      },
    }),
    errors: [
      {
        message: `Path parameter "token" carries a credential ("token"); ${TAIL}`,
        path: ['paths', '/password-resets/{token}', 'parameters', 0, 'name'],
      },
      { message: /"X-API-KEY" carries a credential \("api key"\)/, path: ['paths', '/password-resets/{token}', 'parameters', 1, 'name'] },
      { message: /"otp"/, path: ['paths', '/password-resets/{token}', 'post', 'parameters', 0, 'name'] },
      { message: /"pin"/, path: ['paths', '/password-resets/{token}', 'post', 'parameters', 1, 'name'] },
      { message: /"client_secret"/, path: ['paths', '/password-resets/{token}', 'post', 'parameters', 2, 'name'] },
      { message: /"idToken"/, path: ['paths', '/password-resets/{token}', 'post', 'parameters', 3, 'name'] },
      { message: /"sessionId" carries a credential \("session id"\)/, path: ['paths', '/password-resets/{token}', 'post', 'parameters', 4, 'name'] },
    ],
  },
  {
    name: '3.1: a session id in a path that is not the sessions collection is still a credential',
    document: oasDoc('3.1', {
      paths: { '/carts/{sessionId}': { get: { ...ok, parameters: [{ name: 'sessionId', in: 'path', required: true, schema: str }] } } },
    }),
    errors: [{ path: ['paths', '/carts/{sessionId}', 'get', 'parameters', 0, 'name'] }],
  },
  {
    name: '3.1: names the shared dictionary misses in URLs (api token, private token, subscription key, authorization)',
    document: oasDoc('3.1', {
      paths: {
        '/reports': {
          get: { ...ok, parameters: [q('api_token'), q('private_token'), q('subscription-key'), q('authorization'), q('authorizationId')] },
        },
      },
    }),
    errors: [0, 1, 2, 3].map((i) => ({ path: ['paths', '/reports', 'get', 'parameters', i, 'name'] })),
  },
  {
    name: '3.1: x-data-classification decides: credential reports any name, another class silences a credential name',
    document: oasDoc('3.1', {
      paths: {
        '/lookup': {
          get: {
            ...ok,
            parameters: [
              q('ref', { 'x-data-classification': 'credential' }),
              q('pin', { description: 'Indian postal PIN code', 'x-data-classification': 'public' }),
              q('handle', { schema: { type: 'string', maxLength: 64, 'x-data-classification': 'credential' } }),
            ],
          },
        },
      },
    }),
    errors: [
      { message: `Query parameter "ref" is classified as a credential; ${TAIL}`, path: ['paths', '/lookup', 'get', 'parameters', 0, 'name'] },
      { path: ['paths', '/lookup', 'get', 'parameters', 2, 'name'] },
    ],
  },
  {
    name: '3.1: format: password on an innocent-looking name is reported',
    document: oasDoc('3.1', {
      paths: { '/login': { get: { ...ok, parameters: [q('p', { schema: { type: 'string', format: 'password', maxLength: 64 } })] } } },
    }),
    errors: [{ message: /"p" carries a credential \(format: password\)/, path: ['paths', '/login', 'get', 'parameters', 0, 'name'] }],
  },
  {
    name: '3.1: a component parameter used by two operations is reported once, at the component; unused ones too',
    document: oasDoc('3.1', {
      components: {
        parameters: {
          AccessToken: q('access_token'),
          Pin: { name: 'pin', in: 'query', schema: str },
          PageToken: q('pageToken'),
        },
      },
      paths: {
        '/accounts': { get: { ...ok, parameters: [{ $ref: '#/components/parameters/AccessToken' }, { $ref: '#/components/parameters/PageToken' }] } },
        '/cards': { get: { ...ok, parameters: [{ $ref: '#/components/parameters/AccessToken' }] } },
      },
    }),
    errors: [
      { path: ['components', 'parameters', 'AccessToken', 'name'] },
      { path: ['components', 'parameters', 'Pin', 'name'] },
    ],
  },
  {
    name: '3.1: webhook and callback parameters are checked too',
    document: oasDoc('3.1', {
      webhooks: { paid: { post: { ...ok, parameters: [q('secret')] } } },
      paths: {
        '/subscriptions': {
          post: { ...ok, callbacks: { onEvent: { '{$request.body#/url}': { post: { ...ok, parameters: [q('apiKey')] } } } } },
        },
      },
    }),
    errors: [
      { path: ['webhooks', 'paid', 'post', 'parameters', 0, 'name'] },
      { path: ['paths', '/subscriptions', 'post', 'callbacks', 'onEvent', '{$request.body#/url}', 'post', 'parameters', 0, 'name'] },
    ],
  },
  {
    name: "3.1: a parameter $ref'd from another file is reported in that file",
    document: oasDoc('3.1', { paths: { '/accounts': { get: { ...ok, parameters: [{ $ref: 'parameters.yaml#/Token' }] } } } }),
    files: { 'parameters.yaml': { Token: q('refresh_token') } },
    errors: [{ path: ['Token', 'name'], source: 'parameters.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: a nextPageToken query parameter passes',
    document: oasDoc('3.0', { paths: { '/payments': { get: { ...ok, parameters: [q('nextPageToken')] } } } }),
    errors: [],
  },
  {
    name: '3.0: a password query parameter fails',
    document: oasDoc('3.0', { paths: { '/payments': { get: { ...ok, parameters: [q('password')] } } } }),
    errors: [{ message: /^Query parameter "password" carries a credential \("password"\)/, path: ['paths', '/payments', 'get', 'parameters', 0, 'name'] }],
  },
  // OAS 2.0
  {
    name: '2.0: credentials in formData or header, and a cursor in the query, pass',
    document: oasDoc('2.0', {
      paths: {
        '/login': {
          post: {
            ...ok,
            consumes: ['application/x-www-form-urlencoded'],
            parameters: [
              { name: 'password', in: 'formData', type: 'string' },
              { name: 'X-Api-Key', in: 'header', type: 'string' },
              { name: 'cursor', in: 'query', type: 'string' },
            ],
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: query parameters inline and in root parameters fail; a boolean flag does not',
    document: oasDoc('2.0', {
      parameters: { ApiKey: { name: 'api_key', in: 'query', type: 'string' } },
      paths: {
        '/accounts': {
          get: {
            ...ok,
            parameters: [{ $ref: '#/parameters/ApiKey' }, { name: 'pwd', in: 'query', type: 'string' }, { name: 'token', in: 'query', type: 'boolean' }],
          },
        },
      },
    }),
    errors: [{ path: ['parameters', 'ApiKey', 'name'] }, { path: ['paths', '/accounts', 'get', 'parameters', 1, 'name'] }],
  },
]);

/** A one-rule ruleset whose function gets `functionOptions` (options are validated when the ruleset loads). */
function rulesetWithOptions(functionOptions: unknown): RulesetDefinition {
  const rule = rulesById.get(RULE)!;
  const then = { ...(rule.definition.then as object), functionOptions };
  return { rules: { [RULE]: { ...rule.definition, then } } } as unknown as RulesetDefinition;
}

/** Lints `document` with the rule's function given `functionOptions`. */
async function lintWithOptions(document: object, functionOptions: unknown) {
  const dir = await mkdtemp(path.join(tmpdir(), 'finlint-options-'));
  try {
    await writeFile(path.join(dir, 'openapi.yaml'), stringify(document));
    const report = await lint(['openapi.yaml'], { cwd: dir, ruleset: rulesetWithOptions(functionOptions) });
    return report.findings.filter((f) => f.code === RULE).map((f) => f.path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe(`${RULE} options`, () => {
  const document = oasDoc('3.1', {
    paths: { '/partners': { get: { ...ok, parameters: [q('partnerKey'), q('sandboxApiKey'), q('apiKey')] } } },
  });

  it('without options, only the dictionary applies', async () => {
    expect(await lintWithOptions(document, null)).toEqual([
      ['paths', '/partners', 'get', 'parameters', 1, 'name'],
      ['paths', '/partners', 'get', 'parameters', 2, 'name'],
    ]);
  });

  it('names adds credential phrases and vetoes adds exclusions', async () => {
    expect(await lintWithOptions(document, { names: ['partner key'], vetoes: ['sandbox'] })).toEqual([
      ['paths', '/partners', 'get', 'parameters', 0, 'name'],
      ['paths', '/partners', 'get', 'parameters', 2, 'name'],
    ]);
  });

  it('names are tokenised like parameter names (camelCase works)', async () => {
    expect(await lintWithOptions(document, { names: ['partnerKey'] })).toHaveLength(3);
  });

  it.each([
    [{ names: 'partner key' }, /"names" and "vetoes" to be lists of non-empty phrases/],
    [{ vetoes: [''] }, /"names" and "vetoes" to be lists of non-empty phrases/],
    [{ extra: ['x'] }, /accepts only the options "names" and "vetoes"/],
    ['partner key', /has invalid options specified/],
  ])('rejects invalid options %j when the ruleset loads', (options, expected) => {
    let messages: string[] = [];
    try {
      new Ruleset(rulesetWithOptions(options));
    } catch (e) {
      messages = e instanceof AggregateError ? e.errors.map((x: unknown) => String((x as Error).message)) : [String(e)];
    }
    expect(messages).toEqual([expect.stringMatching(expected)]);
  });
});
