import { describe, expect, it } from 'vitest';
import { detectSecret } from '../../functions/utils/secrets.js';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-auth-no-secrets-in-examples';

// {"alg":"PS256"}.{"sub":"1234"}.signature: shaped like a real token, not a published sample.
const JWT = 'eyJhbGciOiJQUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl';
const JWT_IO_SAMPLE =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const STRIPE_LIVE = 'sk_live_51HqLyjWDarjtT1zdp7dc9Xk2';
const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun'.repeat(2)}\n-----END RSA PRIVATE KEY-----`;

const json = (extra: Record<string, unknown>) => ({ content: { 'application/json': extra } });

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: a JWT inside a media-type example is reported at the string',
    document: oasDoc('3.1', {
      paths: {
        '/token': {
          post: {
            responses: {
              '200': {
                description: 'issued',
                ...json({ schema: { type: 'object' }, example: { access_token: JWT, token_type: 'Bearer' } }),
              },
            },
          },
        },
      },
    }),
    errors: [
      {
        message: 'The example contains what looks like a JSON Web Token; use an obvious placeholder such as "<access-token>".',
        path: ['paths', '/token', 'post', 'responses', '200', 'content', 'application/json', 'example', 'access_token'],
      },
    ],
  },
  {
    name: '3.1: schema examples[], const and enum values are scanned',
    document: oasDoc('3.1', {
      components: {
        schemas: {
          Key: { type: 'string', examples: ['<api-key>', STRIPE_LIVE] },
          Header: { type: 'string', const: `Bearer 9f8Qk2LmZ7xR4vT1pW6yB3nH5jD0cA` },
          Pem: { type: 'string', enum: ['none', PEM] },
        },
      },
    }),
    errors: [
      { message: /a live Stripe secret key/, path: ['components', 'schemas', 'Key', 'examples', 1] },
      { message: 'The const value contains what looks like a bearer token; use an obvious placeholder such as "<access-token>".', path: ['components', 'schemas', 'Header', 'const'] },
      { message: /a PEM private key/, path: ['components', 'schemas', 'Pem', 'enum', 1] },
    ],
  },
  {
    name: '3.1: placeholders, test keys, documentation samples and properties named like keywords pass',
    document: oasDoc('3.1', {
      paths: {
        '/token': {
          post: {
            responses: {
              '200': {
                description: 'issued',
                ...json({
                  schema: {
                    type: 'object',
                    properties: {
                      example: { type: 'string', description: `Bearer ${JWT}` },
                      default: { type: 'string' },
                      enum: { type: 'string' },
                    },
                  },
                  examples: {
                    placeholder: { value: { access_token: '<access-token>', authorization: 'Bearer <access-token>' } },
                    sample: { value: { access_token: JWT_IO_SAMPLE, key: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc' } },
                    words: { value: { authorization: 'Bearer your-access-token-goes-here', aws: 'AKIAIOSFODNN7EXAMPLE' } },
                    stripePlaceholder: { value: { key: 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', pem: '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----' } },
                  },
                }),
              },
            },
          },
        },
      },
      'x-notes': { example: JWT },
    }),
    errors: [],
  },
  {
    name: '3.1: a shared Example Object in another file is reported once, in that file',
    document: oasDoc('3.1', {
      paths: {
        '/sessions': {
          post: { responses: { '201': { description: 'created', ...json({ examples: { session: { $ref: 'examples.yaml#/Session' } } }) } } },
        },
        '/sessions/refresh': {
          post: { responses: { '201': { description: 'created', ...json({ examples: { session: { $ref: 'examples.yaml#/Session' } } }) } } },
        },
      },
    }),
    files: { 'examples.yaml': { Session: { summary: 'A session', value: { sessionToken: `Bearer ${JWT}` } } } },
    errors: [{ message: /JSON Web Token/, path: ['Session', 'value', 'sessionToken'], source: 'examples.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: parameter examples, schema example and defaults are scanned',
    document: oasDoc('3.0', {
      paths: {
        '/repos': {
          get: {
            parameters: [
              {
                name: 'Authorization',
                in: 'header',
                schema: { type: 'string', default: 'ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5' },
                examples: {
                  slack: { value: 'xoxb-240199875361-1718237765425-Jq3TkA9vLm2XwP8rZc5NbH7d' },
                  cursor: { value: 'xoxp-1234-5678-90123' },
                },
              },
            ],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    }),
    errors: [
      { message: /a GitHub token/, path: ['paths', '/repos', 'get', 'parameters', 0, 'schema', 'default'] },
      { message: /a Slack token/, path: ['paths', '/repos', 'get', 'parameters', 0, 'examples', 'slack', 'value'] },
    ],
  },
  {
    name: '3.0: ordinary examples pass',
    document: oasDoc('3.0', {
      paths: {
        '/payments': {
          get: {
            responses: {
              '200': { description: 'ok', ...json({ example: { id: 'pay_123', status: 'settled', reference: 'INV-2024-0001' } }) },
            },
          },
        },
      },
    }),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: x-example, schema example and response examples are scanned',
    document: oasDoc('2.0', {
      paths: {
        '/me': {
          get: {
            parameters: [{ name: 'X-Api-Key', in: 'header', type: 'string', 'x-example': 'rk_live_9aB8cD7eF6gH5iJ4kL3' }],
            responses: {
              '200': {
                description: 'ok',
                schema: { $ref: '#/definitions/Me' },
                examples: { 'application/json': { id: 'u1', token: JWT } },
              },
            },
          },
        },
      },
      definitions: { Me: { type: 'object', properties: { id: { type: 'string', example: 'u1' } }, example: { awsKey: 'AKIA2E0A8F3B244C9986' } } },
    }),
    errors: [
      { path: ['paths', '/me', 'get', 'parameters', 0, 'x-example'] },
      { path: ['paths', '/me', 'get', 'responses', '200', 'examples', 'application/json', 'token'] },
      { message: /an AWS access key id/, path: ['definitions', 'Me', 'example', 'awsKey'] },
    ],
  },
  {
    name: '2.0: a test key in x-example passes',
    document: oasDoc('2.0', {
      paths: {
        '/me': {
          get: {
            parameters: [{ name: 'X-Api-Key', in: 'header', type: 'string', 'x-example': 'sk_test_4eC39HqLyjWDarjtT1zdp7dc' }],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  const doc = oasDoc('3.1', {
    components: { schemas: { Key: { type: 'string', examples: ['acme_live_Zx81kQ0pL2mN4bV6', STRIPE_LIVE] } } },
  });

  it('prefixes adds live-key prefixes and allowValues allowlists known samples', async () => {
    const findings = await runRuleWithOptions(RULE, { prefixes: ['acme_live_'], allowValues: [STRIPE_LIVE] }, doc);
    expect(findings.map((f) => [f.message, f.path])).toEqual([
      [
        'The example contains what looks like a "acme_live_" key; use an obvious placeholder such as "<access-token>".',
        ['components', 'schemas', 'Key', 'examples', 0],
      ],
    ]);
  });

  it('allowPrefixes allowlists test credentials inside bearer values', async () => {
    const bearerDoc = oasDoc('3.1', { components: { schemas: { H: { type: 'string', example: 'Bearer acme_sandbox_9f8Qk2LmZ7xR4vT1pW6y' } } } });
    expect(await runRuleWithOptions(RULE, {}, bearerDoc)).toHaveLength(1);
    expect(await runRuleWithOptions(RULE, { allowPrefixes: ['acme_sandbox_'] }, bearerDoc)).toEqual([]);
  });
});

describe('detectSecret', () => {
  it.each([
    [JWT, 'jwt'],
    [`Authorization: Bearer ${JWT}`, 'jwt'],
    ['Bearer 9f8Qk2LmZ7xR4vT1pW6yB3nH5jD0cA', 'bearer'],
    [STRIPE_LIVE, 'provider-key'],
    [PEM, 'private-key'],
  ])('flags %s', (text, kind) => expect(detectSecret(text)?.kind).toBe(kind));

  it.each([
    'eyJub3QiOiJhIGp3dCJ9.eyJzdWIiOiIxMjM0In0.c2ln', // header has no alg
    'Bearer abcdefghijklmnopqrstuvwxyz', // no digits: a word, not a token
    'Bearer 000000000000000000000000a',
    'sk_test_51HqLyjWDarjtT1zdp7dc9Xk2',
    'pk_live_51HqLyjWDarjtT1zdp7dc9Xk2',
    'ghp_short',
    'ghp_1234567890abcdef1234567890abcdef12345678', // a typed sequence
    'ghs_16C7e42F292c6912E7710c838347Ae178B4a', // GitHub's documentation sample
    '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END PUBLIC KEY-----',
  ])('does not flag %s', (text) => expect(detectSecret(text)).toBeUndefined());
});
