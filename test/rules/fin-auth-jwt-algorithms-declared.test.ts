import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-auth-jwt-algorithms-declared';

const schemes = (securitySchemes: Record<string, unknown>) => ({ components: { securitySchemes } });

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: a JWT bearer scheme without x-jwt-algs is reported at the scheme',
    document: oasDoc('3.1', schemes({ bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } })),
    errors: [
      {
        message: 'Security scheme "bearer" takes JWTs but does not declare the accepted signing algorithms in x-jwt-algs.',
        path: ['components', 'securitySchemes', 'bearer'],
      },
    ],
  },
  {
    name: '3.1: declared algorithms, an RFC 8725 statement, opaque bearer tokens and OAuth schemes (by default) pass',
    document: oasDoc('3.1', {
      ...schemes({
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', 'x-jwt-algs': ['PS256', 'ES256'] },
        described: { type: 'http', scheme: 'Bearer', bearerFormat: 'jwt', description: 'Tokens are validated per RFC 8725.' },
        opaque: { type: 'http', scheme: 'bearer' },
        opaqueFormat: { type: 'http', scheme: 'bearer', bearerFormat: 'opaque reference token' },
        oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration' },
      }),
    }),
    errors: [],
  },
  {
    name: '3.1: "none" is reported on any scheme, at the list entry',
    document: oasDoc('3.1', {
      ...schemes({
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', 'x-jwt-algs': ['RS256', 'None'] },
        oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.bank.example/.well-known/openid-configuration', 'x-jwt-algs': 'none' },
      }),
    }),
    errors: [
      { message: 'Security scheme "bearer" accepts unsigned JWTs (alg "none").', path: ['components', 'securitySchemes', 'bearer', 'x-jwt-algs', 1] },
      { path: ['components', 'securitySchemes', 'oidc', 'x-jwt-algs'] },
    ],
  },
  {
    name: '3.1: a scheme $ref\'d from another file is reported there',
    document: oasDoc('3.1', schemes({ bearer: { $ref: 'schemes.yaml#/Bearer' } })),
    files: { 'schemes.yaml': { Bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', 'x-jwt-algs': [] } } },
    errors: [
      {
        message: 'Security scheme "bearer" has an x-jwt-algs that is not a non-empty list of algorithm names.',
        path: ['Bearer', 'x-jwt-algs'],
        source: 'schemes.yaml',
      },
    ],
  },
  // OAS 3.0
  {
    name: '3.0: a JWS bearer format without algorithms fails',
    document: oasDoc('3.0', schemes({ jws: { type: 'http', scheme: 'bearer', bearerFormat: 'JWS' } })),
    errors: [{ path: ['components', 'securitySchemes', 'jws'] }],
  },
  {
    name: '3.0: declared algorithms pass',
    document: oasDoc('3.0', schemes({ jws: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', 'x-jwt-algs': ['EdDSA'] } })),
    errors: [],
  },
  // OAS 2.0
  {
    name: '2.0: "none" in x-jwt-algs is reported',
    document: oasDoc('2.0', {
      securityDefinitions: { token: { type: 'apiKey', in: 'header', name: 'Authorization', 'x-jwt-algs': ['none'] } },
    }),
    errors: [{ path: ['securityDefinitions', 'token', 'x-jwt-algs', 0] }],
  },
  {
    name: '2.0: an apiKey header without the extension is not judged',
    document: oasDoc('2.0', { securityDefinitions: { token: { type: 'apiKey', in: 'header', name: 'Authorization' } } }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  const doc = oasDoc('3.1', {
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', 'x-jwt-algs': ['PS256', 'HS256'] },
        oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.bank.example/token', scopes: {} } } },
      },
    },
  });

  it('includeOAuth and allowedAlgorithms apply the FAPI profile', async () => {
    const findings = await runRuleWithOptions(RULE, { includeOAuth: true, allowedAlgorithms: ['PS256', 'ES256', 'EdDSA'] }, doc);
    expect(findings.map((f) => [f.message, f.path])).toEqual([
      [
        'Security scheme "bearer" accepts JWT algorithm "HS256", which is not in the allowed list (PS256, ES256, EdDSA).',
        ['components', 'securitySchemes', 'bearer', 'x-jwt-algs', 1],
      ],
      [
        'Security scheme "oauth" takes JWTs but does not declare the accepted signing algorithms in x-jwt-algs.',
        ['components', 'securitySchemes', 'oauth'],
      ],
    ]);
  });

  it('rejects an empty allowedAlgorithms', async () => {
    await expect(runRuleWithOptions(RULE, { allowedAlgorithms: [] }, doc)).rejects.toThrow();
  });
});
