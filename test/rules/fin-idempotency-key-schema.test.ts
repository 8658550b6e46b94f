import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-idempotency-key-schema';
const created = { responses: { '201': { description: 'created' } } };
const good = { type: 'string', maxLength: 40, pattern: '^[A-Za-z0-9-]{1,40}$' };
const WINDOW = 'does not say how long the server remembers keys; add x-idempotency-window (e.g. PT24H) or state the period in its description.';

testRule(RULE, [
  {
    name: '3.1: a bare string key fails twice: missing window at the parameter, schema gaps at the schema',
    document: oasDoc('3.1', {
      paths: { '/payments': { post: { ...created, parameters: [{ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string' } }] } } },
    }),
    errors: [
      { message: `Idempotency key header "Idempotency-Key" ${WINDOW}`, path: ['paths', '/payments', 'post', 'parameters', 0] },
      {
        message: 'Idempotency key header "Idempotency-Key" has no maxLength and has neither a pattern nor format: uuid.',
        path: ['paths', '/payments', 'post', 'parameters', 0, 'schema'],
      },
    ],
  },
  {
    name: '3.1: a bounded pattern with x-idempotency-window passes; format: uuid with a period in the description too',
    document: oasDoc('3.1', {
      paths: {
        '/payments': { post: { ...created, parameters: [{ name: 'x-idempotency-key', in: 'header', required: true, schema: good, 'x-idempotency-window': 'PT24H' }] } },
        '/refunds': {
          post: {
            ...created,
            parameters: [
              { name: 'Idempotency-Key', in: 'header', description: 'Keys are kept for 24 hours.', schema: { type: 'string', format: 'uuid', maxLength: 36 } },
            ],
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a key in another file is reported there; maxLength above the limit and a non-string type are named',
    document: oasDoc('3.1', {
      info: { title: 'Payments API', version: '1.0.0', 'x-idempotency-window': 'P1D' },
      paths: { '/payouts': { post: { ...created, parameters: [{ $ref: 'params.yaml#/Key' }] } } },
    }),
    files: { 'params.yaml': { Key: { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'integer', maxLength: 1000 } } } },
    errors: [
      {
        message:
          'Idempotency key header "Idempotency-Key" is typed integer rather than string, allows 1000 characters (more than 255) and has neither a pattern nor format: uuid.',
        path: ['Key', 'schema'],
        source: 'params.yaml',
      },
    ],
  },
  {
    name: '3.1: identical inline declarations repeated on several operations are one finding each, with a count',
    document: oasDoc('3.1', {
      'x-idempotency-window': 'PT24H',
      paths: {
        '/payments': { post: { ...created, parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 64 } }] } },
        '/refunds': { post: { ...created, parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 64 } }] } },
        '/payouts': { post: { ...created, parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 64 } }] } },
      },
    }),
    errors: [
      {
        message:
          'Idempotency key header "Idempotency-Key" has neither a pattern nor format: uuid. The same declaration is repeated 2 more times; define it once in components.',
        path: ['paths', '/payments', 'post', 'parameters', 0, 'schema'],
      },
    ],
  },
  {
    name: '3.0: a shared component used by several operations is one finding; other headers are ignored',
    document: oasDoc('3.0', {
      components: { parameters: { Key: { name: 'X-Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 64 }, 'x-idempotency-window': 'PT24H' } } },
      paths: {
        '/payments': { post: { ...created, parameters: [{ $ref: '#/components/parameters/Key' }, { name: 'X-Request-ID', in: 'header', schema: { type: 'string' } }] } },
        '/refunds': { post: { ...created, parameters: [{ $ref: '#/components/parameters/Key' }] } },
      },
    }),
    errors: [{ path: ['components', 'parameters', 'Key', 'schema'] }],
  },
  {
    name: '3.0: x-idempotency-window on the operation that uses the key counts',
    document: oasDoc('3.0', {
      paths: { '/payments': { post: { ...created, 'x-idempotency-window': 'PT24H', parameters: [{ name: 'Idempotency-Key', in: 'header', schema: good }] } } },
    }),
    errors: [],
  },
  {
    name: '2.0: inline parameter constraints count as the schema',
    document: oasDoc('2.0', {
      'x-idempotency-window': 'PT24H',
      paths: {
        '/payments': { post: { ...created, parameters: [{ name: 'Idempotency-Key', in: 'header', type: 'string', maxLength: 40, pattern: '^[A-Za-z0-9-]+$' }] } },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: an unbounded inline key fails at the parameter',
    document: oasDoc('2.0', {
      'x-idempotency-window': 'PT24H',
      paths: { '/payments': { post: { ...created, parameters: [{ name: 'Idempotency-Key', in: 'header', type: 'string' }] } } },
    }),
    errors: [{ path: ['paths', '/payments', 'post', 'parameters', 0] }],
  },
]);

describe(`${RULE} options`, () => {
  it('maxLength lowers the limit (UK Open Banking: 40)', async () => {
    const doc = oasDoc('3.1', {
      'x-idempotency-window': 'PT24H',
      paths: { '/payments': { post: { ...created, parameters: [{ name: 'x-idempotency-key', in: 'header', schema: { type: 'string', format: 'uuid', maxLength: 255 } }] } } },
    });
    expect(await runRuleWithOptions(RULE, {}, doc)).toEqual([]);
    const findings = await runRuleWithOptions(RULE, { maxLength: 40 }, doc);
    expect(findings.map((f) => f.message)).toEqual(['Idempotency key header "x-idempotency-key" allows 255 characters (more than 40).']);
  });
});
