import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-audit-correlation-id-format';
const uuid = { type: 'string', format: 'uuid', maxLength: 36 };
const TRACE = { type: 'string', pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$', maxLength: 55 };
const ok = { '200': { description: 'ok' } };

testRule(RULE, [
  {
    name: '3.1: a bare string X-Request-ID fails at its schema',
    document: oasDoc('3.1', {
      components: { parameters: { RequestId: { name: 'X-Request-ID', in: 'header', schema: { type: 'string' } } } },
      paths: { '/accounts': { get: { parameters: [{ $ref: '#/components/parameters/RequestId' }], responses: ok } } },
    }),
    errors: [
      {
        message: 'Correlation header "X-Request-ID" (request header of /accounts) has neither format: uuid nor a pattern and has no maxLength.',
        path: ['components', 'parameters', 'RequestId', 'schema'],
      },
    ],
  },
  {
    name: '3.1: uuid with maxLength and traceparent with its pattern pass',
    document: oasDoc('3.1', {
      paths: {
        '/accounts': {
          get: {
            parameters: [
              { name: 'X-Request-ID', in: 'header', schema: uuid },
              { name: 'traceparent', in: 'header', schema: TRACE },
            ],
            responses: { '200': { description: 'ok', headers: { 'x-request-id': { schema: uuid } } } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: traceparent needs a pattern (format: uuid is the wrong syntax); a response header without maxLength fails',
    document: oasDoc('3.1', {
      paths: {
        '/accounts': {
          get: {
            parameters: [{ name: 'traceparent', in: 'header', schema: uuid }],
            responses: { '200': { description: 'ok', headers: { 'X-Correlation-ID': { schema: { type: 'string', format: 'uuid' } } } } },
          },
        },
      },
    }),
    errors: [
      { message: /^Correlation header "traceparent" .* has no pattern for the W3C traceparent syntax\.$/, path: ['paths', '/accounts', 'get', 'parameters', 0, 'schema'] },
      {
        message: 'Correlation header "X-Correlation-ID" (the 200 response of GET /accounts) has no maxLength.',
        path: ['paths', '/accounts', 'get', 'responses', '200', 'headers', 'X-Correlation-ID', 'schema'],
      },
    ],
  },
  {
    name: '3.1: a header in another file is reported there',
    document: oasDoc('3.1', {
      paths: { '/accounts': { get: { responses: { '200': { description: 'ok', headers: { 'x-fapi-interaction-id': { $ref: 'headers.yaml#/Interaction' } } } } } } },
    }),
    files: { 'headers.yaml': { Interaction: { schema: { type: 'string', maxLength: 100 } } } },
    errors: [{ path: ['Interaction', 'schema'], source: 'headers.yaml' }],
  },
  {
    name: '3.0: identical inline declarations on many responses are one finding, with a count; other headers are ignored',
    document: oasDoc('3.0', {
      paths: {
        '/a': { get: { responses: { '200': { description: 'ok', headers: { 'X-Request-ID': { schema: { type: 'string' } }, ETag: { schema: { type: 'string' } } } } } } },
        '/b': { get: { responses: { '200': { description: 'ok', headers: { 'X-Request-ID': { schema: { type: 'string' } } } } } } },
      },
    }),
    errors: [
      {
        message:
          'Correlation header "X-Request-ID" (the 200 response of GET /a) has neither format: uuid nor a pattern and has no maxLength. The same declaration is repeated 1 more time; define it once in components.',
        path: ['paths', '/a', 'get', 'responses', '200', 'headers', 'X-Request-ID', 'schema'],
      },
    ],
  },
  {
    name: '3.0: an enum bounds the value like a maxLength',
    document: oasDoc('3.0', {
      paths: { '/a': { get: { parameters: [{ name: 'Request-Id', in: 'header', schema: { type: 'string', pattern: '^[a-z0-9]+$', enum: ['abc'] } }], responses: ok } } },
    }),
    errors: [],
  },
  {
    name: '2.0: inline constraints count; a bare inline header fails at the parameter',
    document: oasDoc('2.0', {
      paths: {
        '/a': { get: { parameters: [{ name: 'X-Request-ID', in: 'header', type: 'string', format: 'uuid', maxLength: 36 }], responses: ok } },
        '/b': { get: { parameters: [{ name: 'X-Correlation-ID', in: 'header', type: 'string' }], responses: ok } },
      },
    }),
    errors: [{ path: ['paths', '/b', 'get', 'parameters', 0] }],
  },
  {
    name: '2.0: fully constrained headers pass',
    document: oasDoc('2.0', {
      paths: { '/a': { get: { parameters: [{ name: 'X-Request-ID', in: 'header', type: 'string', format: 'uuid', maxLength: 36 }], responses: ok } } },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  it('headerNames replaces the names judged', async () => {
    const doc = oasDoc('3.1', { paths: { '/a': { get: { parameters: [{ name: 'Request-Context', in: 'header', schema: { type: 'string' } }], responses: ok } } } });
    expect(await runRuleWithOptions(RULE, {}, doc)).toEqual([]);
    expect(await runRuleWithOptions(RULE, { headerNames: ['Request-Context'] }, doc)).toHaveLength(1);
  });
});
