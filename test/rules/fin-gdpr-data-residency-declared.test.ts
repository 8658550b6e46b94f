import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-gdpr-data-residency-declared';

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const customers = { '/customers/{id}': { get: { responses: { '200': { description: 'ok', ...json({ type: 'object', properties: { email: { type: 'string' } } }) } } } } };

testRule(RULE, [
  {
    name: '3.1: an API with personal data and servers without a region is one finding at the servers',
    document: oasDoc('3.1', { servers: [{ url: 'https://api.bank.example/v1' }, { url: 'https://sandbox.bank.example/v1' }], paths: customers }),
    errors: [
      {
        message: 'The API carries personal data but declares no processing region: add x-data-residency (EEA, EU or ISO 3166-1 country codes) to info, or to each of its 2 servers.',
        path: ['servers'],
      },
    ],
  },
  {
    name: '3.1: a region on info, or on every server, passes; an API without personal data is not asked',
    document: oasDoc('3.1', {
      info: { title: 'Customers', version: '1.0.0', 'x-data-residency': 'EEA' },
      servers: [{ url: 'https://api.bank.example/v1' }],
      paths: customers,
    }),
    errors: [],
  },
  {
    name: '3.1: an invalid region and a server that differs from the others are reported',
    document: oasDoc('3.1', {
      servers: [
        { url: 'https://eu.bank.example/v1', 'x-data-residency': ['DE', 'IE'] },
        { url: 'https://us.bank.example/v1', 'x-data-residency': 'Europe' },
        { url: 'https://ap.bank.example/v1' },
      ],
      paths: customers,
    }),
    errors: [
      {
        message: 'x-data-residency of server https://us.bank.example/v1 is invalid: "Europe" is not EEA, EU, EFTA, GLOBAL or an ISO 3166-1 alpha-2 country code (optionally with an ISO 3166-2 subdivision).',
        path: ['servers', 1, 'x-data-residency'],
      },
      {
        message: 'Server https://ap.bank.example/v1 declares no processing region, unlike the other servers: add x-data-residency (EEA, EU or ISO 3166-1 country codes) to it.',
        path: ['servers', 2],
      },
    ],
  },
  {
    name: '3.1: an API without personal data is not asked',
    document: oasDoc('3.1', { servers: [{ url: 'https://api.bank.example/v1' }], paths: { '/rates': { get: { responses: { '200': { description: 'ok', ...json({ type: 'object', properties: { rate: { type: 'number' } } }) } } } } } }),
    errors: [],
  },
  {
    name: '3.0: a path-level server in a path item of another file is reported there',
    document: oasDoc('3.0', {
      servers: [{ url: 'https://eu.bank.example/v1', 'x-data-residency': 'EEA' }],
      paths: { '/customers/{id}': { $ref: 'paths.yaml#/customer' } },
    }),
    files: {
      'paths.yaml': {
        customer: {
          servers: [{ url: 'https://us.bank.example/v1' }],
          get: { responses: { '200': { description: 'ok', ...json({ type: 'object', properties: { email: { type: 'string' } } }) } } },
        },
      },
    },
    errors: [{ source: 'paths.yaml', path: ['customer', 'servers', 0], message: /^Server https:\/\/us\.bank\.example\/v1 declares no processing region, unlike the other servers/ }],
  },
  {
    name: '3.0: an API with personal data and no servers is reported at info',
    document: oasDoc('3.0', { paths: customers }),
    errors: [{ path: ['info'], message: /^The API carries personal data but declares no processing region: add x-data-residency .* to info or to each server\.$/ }],
  },
  {
    name: '3.0: every server declaring a subdivision or country code passes',
    document: oasDoc('3.0', { servers: [{ url: 'https://api.bank.example/v1', 'x-data-residency': 'de-by' }], paths: customers }),
    errors: [],
  },
  {
    name: '2.0: a host without a region is reported at host',
    document: oasDoc('2.0', { host: 'api.bank.example', paths: { '/users/{id}': { get: { responses: { '200': { description: 'ok', schema: { type: 'object', properties: { phone: { type: 'string' } } } } } } } } }),
    errors: [{ path: ['host'], message: 'The API carries personal data but declares no processing region: add x-data-residency (EEA, EU or ISO 3166-1 country codes) to info.' }],
  },
  {
    name: '2.0: a region at the document root passes',
    document: oasDoc('2.0', {
      host: 'api.bank.example',
      'x-data-residency': 'EU',
      paths: { '/users/{id}': { get: { responses: { '200': { description: 'ok', schema: { type: 'object', properties: { phone: { type: 'string' } } } } } } } },
    }),
    errors: [],
  },
]);
