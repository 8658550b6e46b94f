import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-transport-https-only';

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: https root, path and operation servers pass',
    document: oasDoc('3.1', {
      servers: [{ url: 'https://api.bank.example/v1' }, { url: 'wss://stream.bank.example' }],
      paths: {
        '/payments': {
          servers: [{ url: 'https://payments.bank.example' }],
          get: { servers: [{ url: 'https://eu.bank.example' }], responses: { '200': { description: 'ok' } } },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: http root server is reported at its url',
    document: oasDoc('3.1', { servers: [{ url: 'http://api.bank.example/v1' }] }),
    errors: [{ message: 'Server URL "http://api.bank.example/v1" uses http://, not https://.', path: ['servers', 0, 'url'] }],
  },
  {
    name: '3.1: http servers at path-item, operation and components.pathItems level are reported',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          servers: [{ url: 'HTTP://payments.bank.example' }],
          post: { servers: [{ url: 'ws://stream.bank.example' }], responses: { '201': { description: 'created' } } },
        },
      },
      components: { pathItems: { Refunds: { servers: [{ url: 'http://refunds.bank.example' }] } } },
    }),
    errors: [
      { path: ['paths', '/payments', 'servers', 0, 'url'] },
      { message: /uses ws:\/\//, path: ['paths', '/payments', 'post', 'servers', 0, 'url'] },
      { path: ['components', 'pathItems', 'Refunds', 'servers', 0, 'url'] },
    ],
  },
  {
    name: '3.1: relative URLs, {scheme} templates and local/mock servers are not judged here',
    document: oasDoc('3.1', {
      servers: [
        { url: '/v1' },
        { url: '{scheme}://api.bank.example', variables: { scheme: { default: 'https', enum: ['https'] } } },
        { url: 'http://localhost:8080', 'x-environment': 'local' },
        { url: 'http://mock.bank.example', 'x-environment': 'mock' },
      ],
    }),
    errors: [],
  },
  {
    name: '3.1: a path item $ref\'d from another file carries that file as source',
    document: oasDoc('3.1', { paths: { '/cards': { $ref: 'paths/cards.yaml' } } }),
    files: {
      'paths/cards.yaml': {
        servers: [{ url: 'http://cards.bank.example' }],
        get: { responses: { '200': { description: 'ok' } } },
      },
    },
    errors: [{ path: ['servers', 0, 'url'], source: 'paths/cards.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: https server passes',
    document: oasDoc('3.0', { servers: [{ url: 'https://api.bank.example' }] }),
    errors: [],
  },
  {
    name: '3.0: http server fails',
    document: oasDoc('3.0', { servers: [{ url: 'http://api.bank.example' }] }),
    errors: [{ path: ['servers', 0, 'url'] }],
  },
  // OAS 2.0
  {
    name: '2.0: schemes [https] passes',
    document: oasDoc('2.0', { host: 'api.bank.example', schemes: ['https'] }),
    errors: [],
  },
  {
    name: '2.0: http in root and operation schemes fails',
    document: oasDoc('2.0', {
      host: 'api.bank.example',
      schemes: ['https', 'http'],
      paths: { '/payments': { get: { schemes: ['ws'], responses: { '200': { description: 'ok' } } } } },
    }),
    errors: [
      { message: 'Scheme "http" is not TLS-protected; list only https (or wss).', path: ['schemes', 1] },
      { path: ['paths', '/payments', 'get', 'schemes', 0] },
    ],
  },
]);
