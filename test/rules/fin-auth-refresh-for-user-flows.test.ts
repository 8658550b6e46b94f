import { describe, expect, it } from 'vitest';
import { lifetimeSeconds } from '../../functions/refreshForUserFlows.js';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-auth-refresh-for-user-flows';

const code = (extra: Record<string, unknown> = {}) => ({
  authorizationUrl: 'https://auth.bank.example/authorize',
  tokenUrl: 'https://auth.bank.example/token',
  scopes: { accounts: 'Read accounts' },
  ...extra,
});
const oauth = (flows: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  components: { securitySchemes: { oauth: { type: 'oauth2', flows, ...extra } } },
});

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: an authorization-code flow with neither lifetime nor refresh is reported at the flow',
    document: oasDoc('3.1', oauth({ authorizationCode: code() })),
    errors: [
      {
        message:
          'The authorizationCode flow of scheme "oauth" documents neither a short access-token lifetime (x-access-token-lifetime) nor refresh support (refreshUrl or x-refresh-tokens: true).',
        path: ['components', 'securitySchemes', 'oauth', 'flows', 'authorizationCode'],
      },
    ],
  },
  {
    name: '3.1: a short lifetime, refresh support, scheme-level extensions and machine flows pass',
    document: oasDoc('3.1', {
      components: {
        securitySchemes: {
          a: { type: 'oauth2', flows: { authorizationCode: code({ 'x-access-token-lifetime': 300, 'x-refresh-tokens': true }) } },
          b: { type: 'oauth2', flows: { authorizationCode: code({ refreshUrl: 'https://auth.bank.example/token' }) } },
          c: { type: 'oauth2', 'x-access-token-lifetime': 'PT5M', flows: { authorizationCode: code() } },
          d: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.bank.example/token', scopes: {} } } },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a long lifetime is reported at the value even with refresh support',
    document: oasDoc('3.1', oauth({ authorizationCode: code({ 'x-access-token-lifetime': 3600, 'x-refresh-tokens': true }) })),
    errors: [
      {
        message: 'The authorizationCode flow of scheme "oauth" issues access tokens for 3600 seconds, longer than 600 seconds.',
        path: ['components', 'securitySchemes', 'oauth', 'flows', 'authorizationCode', 'x-access-token-lifetime'],
      },
    ],
  },
  {
    name: '3.1: an unreadable lifetime is reported',
    document: oasDoc('3.1', oauth({ authorizationCode: code({ 'x-access-token-lifetime': 'five minutes' }) })),
    errors: [{ message: /neither seconds nor an ISO 8601 duration/ }],
  },
  {
    name: '3.1: a scheme $ref\'d from another file is reported there',
    document: oasDoc('3.1', { components: { securitySchemes: { oauth: { $ref: 'schemes.yaml#/OAuth' } } } }),
    files: { 'schemes.yaml': { OAuth: { type: 'oauth2', flows: { authorizationCode: code() } } } },
    errors: [{ path: ['OAuth', 'flows', 'authorizationCode'], source: 'schemes.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: x-refresh-tokens: false without a lifetime fails',
    document: oasDoc('3.0', oauth({ authorizationCode: code({ 'x-refresh-tokens': false }) })),
    errors: [{ path: ['components', 'securitySchemes', 'oauth', 'flows', 'authorizationCode'] }],
  },
  {
    name: '3.0: a lifetime of 600 seconds passes',
    document: oasDoc('3.0', oauth({ authorizationCode: code({ 'x-access-token-lifetime': 600 }) })),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: an accessCode flow without declarations fails at the scheme',
    document: oasDoc('2.0', {
      securityDefinitions: { oauth: { type: 'oauth2', flow: 'accessCode', ...code() } },
    }),
    errors: [{ message: /^The authorizationCode flow of scheme "oauth"/, path: ['securityDefinitions', 'oauth'] }],
  },
  {
    name: '2.0: an accessCode flow with a lifetime passes, an application flow is not judged',
    document: oasDoc('2.0', {
      securityDefinitions: {
        oauth: { type: 'oauth2', flow: 'accessCode', ...code({ 'x-access-token-lifetime': 300 }) },
        m2m: { type: 'oauth2', flow: 'application', tokenUrl: 'https://auth.bank.example/token', scopes: {} },
      },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  it('maxAccessTokenLifetime lowers the threshold (PSD2: 300 seconds)', async () => {
    const doc = oasDoc('3.1', oauth({ authorizationCode: code({ 'x-access-token-lifetime': 600 }) }));
    expect(await runRuleWithOptions(RULE, { maxAccessTokenLifetime: 300 }, doc)).toHaveLength(1);
    await expect(runRuleWithOptions(RULE, { maxAccessTokenLifetime: 0 }, doc)).rejects.toThrow();
  });
});

describe('lifetimeSeconds', () => {
  it.each([
    [300, 300],
    ['300', 300],
    ['PT5M', 300],
    ['PT1H30M', 5400],
    ['P1D', 86400],
    ['P', undefined],
    ['PT', undefined],
    ['5 minutes', undefined],
    [-1, undefined],
  ])('%s -> %s', (input, expected) => expect(lifetimeSeconds(input)).toBe(expected));
});
