import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-auth-password-length-policy';

const body = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const post = (schema: unknown) => ({ post: { requestBody: body(schema), responses: { '204': { description: 'ok' } } } });
const good = { type: 'string', format: 'password', minLength: 12, maxLength: 128, writeOnly: true };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: short minimum, low maximum and a composition pattern are each reported at their keyword',
    document: oasDoc('3.1', {
      paths: {
        '/password-changes': post({
          type: 'object',
          properties: {
            newPassword: {
              type: 'string',
              minLength: 8,
              maxLength: 20,
              pattern: '^(?=.*[A-Z])(?=.*[0-9]).+$',
              writeOnly: true,
            },
          },
        }),
      },
    }),
    errors: [
      {
        message: 'Password field "newPassword" allows 8-character passwords; require at least 12.',
        path: ['paths', '/password-changes', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties', 'newPassword', 'minLength'],
      },
      {
        message: 'Password field "newPassword" caps passwords at 20 characters; permit at least 64.',
        path: ['paths', '/password-changes', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties', 'newPassword', 'maxLength'],
      },
      {
        message:
          'Password field "newPassword" imposes composition rules through its pattern; check length and breached-password lists instead.',
        path: ['paths', '/password-changes', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties', 'newPassword', 'pattern'],
      },
    ],
  },
  {
    name: '3.1: a compliant password, current/confirmation fields, metadata and PINs pass',
    document: oasDoc('3.1', {
      paths: {
        '/password-changes': post({
          type: 'object',
          properties: {
            currentPassword: { type: 'string', writeOnly: true },
            oldPassword: { type: 'string', writeOnly: true },
            newPassword: good,
            confirmPassword: { type: 'string', maxLength: 20, writeOnly: true },
            passwordHint: { type: 'string', maxLength: 40 },
            passwordResetRequired: { type: 'boolean' },
            pin: { type: 'string', minLength: 4, maxLength: 6 },
            passphrase: { type: 'string', minLength: 15, pattern: '^[^\\u0000]+$' },
            encryptedPassword: { type: 'string', maxLength: 512 },
            passwordChangeDate: { type: 'string', format: 'date' },
          },
        }),
      },
    }),
    errors: [],
  },
  {
    name: '3.1: log-in, token and PSD2 authorisation requests verify an existing password and are not judged',
    document: oasDoc('3.1', {
      paths: {
        '/login': post({ type: 'object', properties: { username: { type: 'string' }, password: { type: 'string', maxLength: 40 } } }),
        '/oauth/token': post({ type: 'object', properties: { password: { type: 'string' } } }),
        '/payments/{paymentId}/authorisations/{authorisationId}': {
          put: {
            requestBody: body({ type: 'object', properties: { psuData: { type: 'object', properties: { password: { type: 'string' } } } } }),
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a schema shared by a log-in and a registration is judged for the registration',
    document: oasDoc('3.1', {
      paths: {
        '/login': post({ $ref: '#/components/schemas/Credentials' }),
        '/registrations': post({ $ref: '#/components/schemas/Credentials' }),
      },
      components: { schemas: { Credentials: { type: 'object', properties: { password: { type: 'string', minLength: 8, maxLength: 128 } } } } },
    }),
    errors: [{ path: ['components', 'schemas', 'Credentials', 'properties', 'password', 'minLength'] }],
  },
  {
    name: '3.1: credentials for other systems are not judged, a new password is judged wherever it is sent',
    document: oasDoc('3.1', {
      paths: {
        '/webhooks': post({ type: 'object', properties: { url: { type: 'string' }, password: { type: 'string', maxLength: 40 } } }),
        '/repos/{repo}/import': post({ type: 'object', properties: { vcsPassword: { type: 'string' } } }),
        '/sso/settings': post({ type: 'object', properties: { newPassword: { type: 'string', minLength: 10, maxLength: 128 } } }),
      },
    }),
    errors: [{ path: ['paths', '/sso/settings', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties', 'newPassword', 'minLength'] }],
  },
  {
    name: '3.1: a missing minLength is reported at the property',
    document: oasDoc('3.1', {
      paths: { '/users': post({ type: 'object', properties: { password: { type: 'string', writeOnly: true } } }) },
    }),
    errors: [
      {
        message: 'Password field "password" declares no minLength; require at least 12 characters.',
        path: ['paths', '/users', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties', 'password'],
      },
    ],
  },
  {
    name: '3.1: a shared schema used by two operations is reported once, in its own file',
    document: oasDoc('3.1', {
      paths: {
        '/users': post({ $ref: 'schemas.yaml#/Credentials' }),
        '/password-resets': post({ $ref: 'schemas.yaml#/Credentials' }),
      },
    }),
    files: { 'schemas.yaml': { Credentials: { type: 'object', properties: { password: { type: 'string', minLength: 10, maxLength: 128 } } } } },
    errors: [{ path: ['Credentials', 'properties', 'password', 'minLength'], source: 'schemas.yaml' }],
  },
  {
    name: '3.1: a password only returned in a response is not a password policy matter',
    document: oasDoc('3.1', {
      paths: {
        '/users/{id}': {
          get: { responses: { '200': { description: 'ok', ...body({ type: 'object', properties: { password: { type: 'string' } } }) } } },
        },
      },
    }),
    errors: [],
  },
  // OAS 3.0
  {
    name: '3.0: allOf-composed constraints are merged before judging',
    document: oasDoc('3.0', {
      paths: {
        '/users': post({
          type: 'object',
          properties: { password: { allOf: [{ $ref: '#/components/schemas/Password' }], writeOnly: true } },
        }),
      },
      components: { schemas: { Password: { type: 'string', minLength: 12, maxLength: 256 } } },
    }),
    errors: [],
  },
  {
    name: '3.0: a referenced Password schema with maxLength 32 is reported in components',
    document: oasDoc('3.0', {
      paths: { '/users': post({ type: 'object', properties: { password: { $ref: '#/components/schemas/Password' } } }) },
      components: { schemas: { Password: { type: 'string', minLength: 12, maxLength: 32 } } },
    }),
    errors: [{ path: ['components', 'schemas', 'Password', 'maxLength'] }],
  },
  // OAS 2.0
  {
    name: '2.0: a formData password parameter with minLength 6 fails',
    document: oasDoc('2.0', {
      paths: {
        '/registrations': {
          post: {
            consumes: ['application/x-www-form-urlencoded'],
            parameters: [
              { name: 'username', in: 'formData', type: 'string', maxLength: 64 },
              { name: 'password', in: 'formData', type: 'string', minLength: 6, maxLength: 128 },
            ],
            responses: { '204': { description: 'ok' } },
          },
        },
      },
    }),
    errors: [{ message: /allows 6-character passwords/, path: ['paths', '/registrations', 'post', 'parameters', 1, 'minLength'] }],
  },
  {
    name: '2.0: a body password with minLength 12 passes',
    document: oasDoc('2.0', {
      paths: {
        '/users': {
          post: {
            parameters: [
              { name: 'body', in: 'body', schema: { type: 'object', properties: { password: { type: 'string', minLength: 12, maxLength: 64 } } } },
            ],
            responses: { '201': { description: 'created' } },
          },
        },
      },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  const doc = oasDoc('3.1', {
    paths: {
      '/users': post({
        type: 'object',
        properties: { password: { type: 'string', minLength: 12, maxLength: 128, pattern: '^(?=.*\\d).+$' } },
      }),
    },
  });

  it('minLength: 15 raises the floor for single-factor passwords', async () => {
    const findings = await runRuleWithOptions(RULE, { minLength: 15, composition: false }, doc);
    expect(findings.map((f) => f.message)).toEqual(['Password field "password" allows 12-character passwords; require at least 15.']);
  });

  it('composition: false accepts PCI-style composition patterns', async () => {
    expect(await runRuleWithOptions(RULE, { composition: false }, doc)).toEqual([]);
    expect(await runRuleWithOptions(RULE, {}, doc)).toHaveLength(1);
  });

  it('rejects an invalid minLength', async () => {
    await expect(runRuleWithOptions(RULE, { minLength: 'twelve' }, doc)).rejects.toThrow();
  });
});
