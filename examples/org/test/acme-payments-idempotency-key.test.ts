import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { oasDoc, runRule, testRule } from 'finlint/testing';

// The organisation's own rules and settings are tested against its configuration, with finlint's rule tester.
const config = path.join(__dirname, '..', 'finlint.config.yaml');
const RULE = 'acme-payments-idempotency-key';

const idempotencyKey = { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string' } };
const created = { '201': { description: 'Created' } };

testRule(
  RULE,
  [
    {
      name: 'a payment POST without the header is reported',
      document: oasDoc('3.1', { paths: { '/payments': { post: { responses: created } } } }),
      errors: [
        {
          message: 'POST /payments does not declare a required Idempotency-Key header, so a retried payment request can be executed twice.',
          path: ['paths', '/payments', 'post'],
        },
      ],
    },
    {
      name: 'an optional header does not count (OAS 3.0)',
      document: oasDoc('3.0', { paths: { '/payments/bulk': { post: { parameters: [{ ...idempotencyKey, required: false }], responses: created } } } }),
      errors: [{ path: ['paths', '/payments/bulk', 'post'] }],
    },
    {
      name: 'a required header on the operation is compliant',
      document: oasDoc('3.1', { paths: { '/payments': { post: { parameters: [idempotencyKey], responses: created } } } }),
      errors: [],
    },
    {
      name: 'a path-level header parameter counts, in any letter case (OAS 2.0)',
      document: oasDoc('2.0', {
        paths: { '/payments': { parameters: [{ name: 'idempotency-key', in: 'header', required: true, type: 'string' }], post: { responses: created } } },
      }),
      errors: [],
    },
    {
      name: 'a header reached through $ref counts',
      document: oasDoc('3.1', {
        paths: { '/payments': { post: { parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }], responses: created } } },
        components: { parameters: { IdempotencyKey: idempotencyKey } },
      }),
      errors: [],
    },
    {
      name: 'other paths and methods are out of scope',
      document: oasDoc('3.1', { paths: { '/accounts': { post: { responses: created } }, '/payments': { get: { responses: { '200': { description: 'OK' } } } } } }),
      errors: [],
    },
  ],
  { config },
);

describe('ACME configuration of finlint rules', () => {
  it('lowers fin-transport-no-local-or-private-hosts to info', async () => {
    const findings = await runRule('fin-transport-no-local-or-private-hosts', oasDoc('3.1', { servers: [{ url: 'https://10.0.0.5/v1' }] }), {}, { config });
    expect(findings.map((f) => f.severity)).toEqual([2]);
  });
  it('carries the organisation controls on its own findings', async () => {
    const [finding] = await runRule(RULE, oasDoc('3.1', { paths: { '/payments': { post: { responses: created } } } }), {}, { config });
    expect(finding.controls).toEqual(['owasp-api-2023:API6', 'acme-api-standard:4.2']);
    expect(finding.documentationUrl).toBe('https://wiki.acme-bank.example/api-standard/idempotency');
  });
});
