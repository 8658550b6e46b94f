import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-lifecycle-version-declared';
const ok = { responses: { '200': { description: 'ok' } } };
const info = (version?: unknown) => ({ title: 'Payments API', ...(version === undefined ? {} : { version }) });
const HIDDEN =
  'Clients cannot tell which major version they call: no /v{n} segment in a server URL, basePath or path, no version header or parameter, and no versioned media type.';

testRule(RULE, [
  {
    name: '3.1: "latest" and an unversioned server fail twice',
    document: { ...oasDoc('3.1', { servers: [{ url: 'https://api.bank.example/payments' }], paths: { '/payments': { get: ok } } }), info: info('latest') },
    errors: [
      { message: 'info.version "latest" is not a semantic version (MAJOR.MINOR.PATCH) or a release date.', path: ['info', 'version'] },
      { message: HIDDEN, path: ['servers'] },
    ],
  },
  {
    name: '3.1: a semantic version and a /v2 server pass',
    document: { ...oasDoc('3.1', { servers: [{ url: 'https://api.bank.example/payments/v2' }], paths: { '/payments': { get: ok } } }), info: info('2.3.1') },
    errors: [],
  },
  {
    name: '3.1: a release-date version passes, with the major version in a server variable default',
    document: {
      ...oasDoc('3.1', {
        servers: [{ url: 'https://api.bank.example/{apiVersion}', variables: { apiVersion: { default: 'v1' } } }],
        paths: { '/payments': { get: ok } },
      }),
      info: info('2024-06-20'),
    },
    errors: [],
  },
  {
    name: '3.1: a version header defined in another file counts as exposure; an integer version still fails',
    document: {
      ...oasDoc('3.1', {
        servers: [{ url: 'https://api.bank.example' }],
        paths: { '/payments': { get: { ...ok, parameters: [{ $ref: 'params.yaml#/ApiVersion' }] } } },
      }),
      info: info('71'),
    },
    files: { 'params.yaml': { ApiVersion: { name: 'Api-Version', in: 'header', required: true, schema: { type: 'string', enum: ['2024-06-20'] } } } },
    errors: [{ message: 'info.version "71" is not a semantic version (MAJOR.MINOR.PATCH) or a release date.', path: ['info', 'version'] }],
  },
  {
    name: '3.0: a suffixed triple passes, with the major version in a versioned media type',
    document: {
      ...oasDoc('3.0', {
        paths: {
          '/accounts': { get: { responses: { '200': { description: 'ok', content: { 'application/vnd.bank.v2+json': { schema: { type: 'object' } } } } } } },
        },
      }),
      info: info('1.3.12_2022-07-01'),
    },
    errors: [],
  },
  {
    name: '3.0: a missing info.version and no exposure (version only in the title) fail',
    document: { ...oasDoc('3.0', { paths: { '/accounts': { get: ok } } }), info: { title: 'Accounts API v2' } },
    errors: [
      { message: 'info.version is missing; declare the API version as MAJOR.MINOR.PATCH.', path: ['info'] },
      { message: HIDDEN, path: ['info'] },
    ],
  },
  {
    name: '2.0: basePath /v1 exposes the major version; "1.0" is not MAJOR.MINOR.PATCH',
    document: { ...oasDoc('2.0', { basePath: '/v1', paths: { '/accounts': { get: ok } } }), info: info('1.0') },
    errors: [{ path: ['info', 'version'] }],
  },
  {
    name: '2.0: v3.1.6 with a versioned basePath passes; an apiKey version header scheme also counts',
    document: {
      ...oasDoc('2.0', {
        securityDefinitions: { version: { type: 'apiKey', in: 'header', name: 'Plaid-Version' } },
        paths: { '/accounts': { get: ok } },
      }),
      info: info('v3.1.6'),
    },
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  it('versionPattern accepts an organisation scheme (integer majors)', async () => {
    const doc = { ...oasDoc('3.1', { servers: [{ url: 'https://checkout.example/v71' }], paths: { '/payments': { get: ok } } }), info: info('71') };
    expect(await runRuleWithOptions(RULE, { versionPattern: '^[0-9]+$' }, doc)).toEqual([]);
    expect((await runRuleWithOptions(RULE, { versionPattern: '^[0-9]+\\.[0-9]+$' }, doc)).map((f) => f.message)).toEqual([
      'info.version "71" does not match ^[0-9]+\\.[0-9]+$.',
    ]);
  });
});
