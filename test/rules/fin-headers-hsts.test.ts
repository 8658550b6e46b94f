import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-headers-hsts';
const sts = (example: string) => ({ 'Strict-Transport-Security': { schema: { type: 'string' }, example } });
const get = (headers: object = {}) => ({ get: { responses: { '200': { description: 'ok', headers } } } });
const servers = [{ url: 'https://api.bank.example/v1' }];

testRule(RULE, [
  {
    name: '3.1: a document that never mentions HSTS gets one finding, at servers',
    document: oasDoc('3.1', { servers, paths: { '/accounts': get(), '/cards': get() } }),
    errors: [
      {
        message:
          'No response documents Strict-Transport-Security; declare it (max-age=31536000; includeSubDomains) on responses or in x-default-response-headers, or mark server-to-server servers x-browser-facing: false.',
        path: ['servers'],
      },
    ],
  },
  {
    name: '3.1: a one-year max-age with includeSubDomains passes; it need not be on every response',
    document: oasDoc('3.1', { servers, paths: { '/accounts': get(sts('max-age=31536000; includeSubDomains')), '/cards': get() } }),
    errors: [],
  },
  {
    name: '3.1: a weak value in a header defined in another file is reported there',
    document: oasDoc('3.1', {
      servers,
      paths: { '/accounts': get({ 'strict-transport-security': { $ref: 'headers.yaml#/Hsts' } }) },
    }),
    files: { 'headers.yaml': { Hsts: { schema: { type: 'string', enum: ['max-age=3600'] } } } },
    errors: [
      {
        message: 'Strict-Transport-Security "max-age=3600" on the 200 response of GET /accounts has max-age=3600, less than 31536000 and lacks includeSubDomains.',
        path: ['Hsts', 'schema', 'enum', 0],
        source: 'headers.yaml',
      },
    ],
  },
  {
    name: '3.1: server-to-server APIs opt out with x-browser-facing: false on every server',
    document: oasDoc('3.1', { servers: [{ url: 'https://mtls.bank.example/v1', 'x-browser-facing': false }], paths: { '/accounts': get() } }),
    errors: [],
  },
  {
    name: '3.0: one browser-facing server is enough to need HSTS; the gateway declaration satisfies it',
    document: oasDoc('3.0', {
      servers: [{ url: 'https://mtls.bank.example/v1', 'x-browser-facing': false }, { url: 'https://api.bank.example/v1' }],
      'x-default-response-headers': ['Strict-Transport-Security: max-age=63072000; includeSubDomains; preload'],
      paths: { '/accounts': get() },
    }),
    errors: [],
  },
  {
    name: '3.0: a gateway value without max-age is reported at the declaration',
    document: oasDoc('3.0', { servers, 'x-default-response-headers': ['Strict-Transport-Security: includeSubDomains'], paths: { '/accounts': get() } }),
    errors: [{ message: /has no max-age\.$/, path: ['x-default-response-headers', 0] }],
  },
  {
    name: '2.0: inline 2.0 header defaults are read',
    document: oasDoc('2.0', {
      paths: { '/accounts': { get: { responses: { '200': { description: 'ok', headers: { 'Strict-Transport-Security': { type: 'string', default: 'max-age=31536000; includeSubDomains' } } } } } } },
    }),
    errors: [],
  },
  {
    name: '2.0: a document without HSTS fails at paths',
    document: oasDoc('2.0', { paths: { '/accounts': get() } }),
    errors: [{ path: ['paths'] }],
  },
]);

describe(`${RULE} options`, () => {
  it('minMaxAge raises the bar; x-browser-facing: false at the root opts out', async () => {
    const doc = oasDoc('3.1', { servers, paths: { '/accounts': get(sts('max-age=31536000; includeSubDomains')) } });
    expect(await runRuleWithOptions(RULE, { minMaxAge: 63072000 }, doc)).toHaveLength(1);
    expect(await runRuleWithOptions(RULE, {}, oasDoc('2.0', { 'x-browser-facing': false, paths: { '/accounts': get() } }))).toEqual([]);
  });
});
