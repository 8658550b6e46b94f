import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-gdpr-erasure-endpoint';

const ok = { '200': { description: 'ok' } };
const person = { type: 'object', properties: { id: { type: 'string' }, email: { type: 'string', format: 'email' } } };
const getPerson = (schema: object = person) => ({ responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } });

testRule(RULE, [
  {
    name: '3.1: a customers collection without DELETE is reported at its item path',
    document: oasDoc('3.1', {
      paths: {
        '/customers': { post: { responses: ok } },
        '/customers/{customerId}': { get: getPerson(), patch: { responses: ok } },
      },
    }),
    errors: [
      {
        message:
          'Data-subject resource /customers/{customerId} (its path segment "customers" is a data-subject collection) offers no erasure (Art. 17): no DELETE on /customers or /customers/{customerId} and no operation marked x-gdpr-erasure: true.',
        path: ['paths', '/customers/{customerId}'],
      },
    ],
  },
  {
    name: '3.1: a DELETE or an erasure-request operation anywhere in the document passes',
    document: oasDoc('3.1', {
      paths: {
        '/customers/{customerId}': { get: getPerson(), delete: { responses: ok } },
        '/users/{userId}': { get: getPerson() },
        '/erasure-requests': { post: { 'x-gdpr-erasure': true, responses: ok } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: an exemption without a reason is reported',
    document: oasDoc('3.1', {
      paths: { '/members/{memberId}': { 'x-gdpr-erasure': 'not-applicable', get: getPerson() } },
    }),
    errors: [
      {
        message: 'Data-subject resource /members/{memberId} records x-gdpr-erasure: not-applicable without a reason in x-gdpr-erasure-reason.',
        path: ['paths', '/members/{memberId}'],
      },
    ],
  },
  {
    name: '3.1: searches, membership lists, non-personal responses and opted-out paths are not data-subject resources',
    document: oasDoc('3.1', {
      paths: {
        '/search/users': { get: getPerson() },
        '/teams/{teamId}/members': { get: getPerson() },
        '/stats/users/{userId}': { get: getPerson({ type: 'object', properties: { requests: { type: 'integer' } } }) },
        '/customers/{customerId}': { 'x-data-subject': false, get: getPerson() },
        '/accounts/{accountId}': { get: getPerson() },
        '/customer-segments/{id}': { get: getPerson() },
      },
    }),
    errors: [],
  },
  {
    name: '3.0: a resource whose GET returns a schema marked x-data-subject, in a path item of another file, is reported there',
    document: oasDoc('3.0', { paths: { '/beneficiaries/{beneficiaryId}': { $ref: 'paths.yaml#/beneficiary' } } }),
    files: {
      'paths.yaml': {
        beneficiary: { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', 'x-data-subject': true, properties: { id: { type: 'string' } } } } } } } } },
      },
    },
    errors: [{ source: 'paths.yaml', path: ['beneficiary'], message: /^Data-subject resource \/beneficiaries\/\{beneficiaryId\} \(GET \/beneficiaries\/\{beneficiaryId\} returns a schema marked x-data-subject: true\) offers no erasure/ }],
  },
  {
    name: '3.0: an exemption with a reason on the subject schema passes',
    document: oasDoc('3.0', {
      paths: { '/customers/{id}': { get: getPerson({ $ref: '#/components/schemas/Customer' }) } },
      components: {
        schemas: {
          Customer: {
            type: 'object',
            'x-data-subject': true,
            'x-gdpr-erasure': 'not-applicable',
            'x-gdpr-erasure-reason': 'Art. 17(3)(b): customer records are kept five years under the AML directive',
            properties: { email: { type: 'string' } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: a users resource without DELETE is reported',
    document: oasDoc('2.0', {
      paths: { '/users/{id}': { get: { responses: { '200': { description: 'ok', schema: { type: 'object', properties: { phone: { type: 'string' } } } } } } } },
    }),
    errors: [{ path: ['paths', '/users/{id}'], message: /^Data-subject resource \/users\/\{id\} .* offers no erasure/ }],
  },
  {
    name: '2.0: a users resource with DELETE passes',
    document: oasDoc('2.0', {
      paths: {
        '/users/{id}': {
          get: { responses: { '200': { description: 'ok', schema: { type: 'object', properties: { phone: { type: 'string' } } } } } },
          delete: { responses: { '204': { description: 'deleted' } } },
        },
      },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  const doc = oasDoc('3.1', { paths: { '/beneficiaries/{id}': { get: getPerson() }, '/customers/{id}': { get: getPerson() } } });
  it('replaces the collection names', async () => {
    const findings = await runRuleWithOptions(RULE, { collections: ['beneficiaries'] }, doc);
    expect(findings.map((f) => f.path)).toEqual([['paths', '/beneficiaries/{id}']]);
  });
  it('rejects unknown options with an example', async () => {
    const error: unknown = await runRuleWithOptions(RULE, { collection: [] }, doc).catch((e: unknown) => e);
    expect((error as AggregateError).errors.map((e: Error) => e.message).join('\n')).toMatch(/"fin-gdpr-erasure-endpoint" options: \{ collections\?: string\[\]/);
  });
});
