import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-transport-no-local-or-private-hosts';

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: public hosts pass, including RFC 2606 .example documentation names and public IPs',
    document: oasDoc('3.1', {
      servers: [
        { url: 'https://api.bank.example/v1' },
        { url: 'https://api.bank.com/v1' },
        { url: 'https://203.0.113.10/v1' },
        { url: 'https://[2a00:1450:4001::1]/v1' },
        { url: 'https://{region}.api.bank.com', variables: { region: { default: 'eu', enum: ['eu', 'uk'] } } },
        { url: '/v1' },
      ],
    }),
    errors: [],
  },
  {
    name: '3.1: a private RFC 1918 address is reported at the url',
    document: oasDoc('3.1', { servers: [{ url: 'https://10.20.0.15:8443/v1' }] }),
    errors: [
      {
        message: 'Server URL "https://10.20.0.15:8443/v1" points at 10.20.0.15, a private network address (RFC 1918).',
        path: ['servers', 0, 'url'],
      },
    ],
  },
  {
    name: '3.1: loopback, unspecified, link-local, IPv6 and local-only names are reported',
    document: oasDoc('3.1', {
      servers: [
        { url: 'http://localhost:8080' },
        { url: 'https://127.0.0.1/v1' },
        { url: 'https://0.0.0.0:3000' },
        { url: 'https://169.254.169.254/latest' },
        { url: 'https://[::1]:8443' },
        { url: 'https://[fe80::1%25eth0]/v1' },
        { url: 'https://[fd12:3456::10]/v1' },
        { url: 'https://172.20.1.1/v1' },
        { url: 'https://192.168.0.10/v1' },
        { url: 'https://payments.svc.cluster.local/v1' },
        { url: 'https://api.bank.internal/v1' },
        { url: 'https://api.bank.test/v1' },
        { url: 'https://api.localhost/v1' },
        { url: 'https://payments-gateway/v1' },
      ],
    }),
    errors: [
      { message: 'Server URL "http://localhost:8080" points at localhost, a loopback host name.', path: ['servers', 0, 'url'] },
      { message: /points at 127\.0\.0\.1, a loopback address\./, path: ['servers', 1, 'url'] },
      { message: /points at 0\.0\.0\.0, the unspecified address\./, path: ['servers', 2, 'url'] },
      { message: /points at 169\.254\.169\.254, a link-local address\./, path: ['servers', 3, 'url'] },
      { message: /points at ::1, a loopback address\./, path: ['servers', 4, 'url'] },
      { message: /a link-local address\./, path: ['servers', 5, 'url'] },
      { message: /a unique local address \(fc00::\/7\)\./, path: ['servers', 6, 'url'] },
      { message: /172\.20\.1\.1, a private network address/, path: ['servers', 7, 'url'] },
      { message: /192\.168\.0\.10, a private network address/, path: ['servers', 8, 'url'] },
      { message: /a \.local name/, path: ['servers', 9, 'url'] },
      { message: /\(\.internal\)/, path: ['servers', 10, 'url'] },
      { message: /\(\.test\)/, path: ['servers', 11, 'url'] },
      { message: /api\.localhost, a loopback host name/, path: ['servers', 12, 'url'] },
      { message: /payments-gateway, a single-label intranet host name/, path: ['servers', 13, 'url'] },
    ],
  },
  {
    name: '3.1: placeholder domains example.com/.net/.org and .invalid are reported',
    document: oasDoc('3.1', {
      servers: [{ url: 'https://api.example.com/v1' }, { url: 'https://example.org' }, { url: 'https://api.bank.invalid' }],
    }),
    errors: [
      {
        message:
          'Server URL "https://api.example.com/v1" points at api.example.com, a placeholder domain (example.com) whose real servers belong to a third party.',
        path: ['servers', 0, 'url'],
      },
      { message: /\(example\.org\)/, path: ['servers', 1, 'url'] },
      { message: /\(\.invalid\)/, path: ['servers', 2, 'url'] },
    ],
  },
  {
    name: '3.1: a host variable value is reported at that value; the literal part at fault is reported once at url',
    document: oasDoc('3.1', {
      servers: [
        {
          url: 'https://{host}:{port}/v1',
          variables: { host: { default: 'api.bank.com', enum: ['api.bank.com', 'localhost'] }, port: { default: '443', enum: ['443', '8443'] } },
        },
        { url: 'https://{region}.bank.internal', variables: { region: { default: 'eu', enum: ['eu', 'uk'] } } },
      ],
    }),
    errors: [
      {
        message: 'Server variable "host" value "localhost" makes "https://{host}:{port}/v1" point at localhost, a loopback host name.',
        path: ['servers', 0, 'variables', 'host', 'enum', 1],
      },
      { message: 'Server URL "https://{region}.bank.internal" points at eu.bank.internal, a private-use name (.internal) that never resolves on the public internet.', path: ['servers', 1, 'url'] },
    ],
  },
  {
    name: '3.1: servers declared non-production or internal are skipped; production and x-internal: false are not',
    document: oasDoc('3.1', {
      servers: [
        { url: 'http://localhost:8080', 'x-environment': 'local' },
        { url: 'https://10.0.0.5', 'x-environment': 'Sandbox' },
        { url: 'https://ledger.bank.internal', 'x-internal': true },
        { url: 'https://10.0.0.6', 'x-environment': 'production' },
        { url: 'https://10.0.0.7', 'x-internal': false },
      ],
    }),
    errors: [{ path: ['servers', 3, 'url'] }, { path: ['servers', 4, 'url'] }],
  },
  {
    name: '3.1: a path item $ref\'d from another file is reported in that file',
    document: oasDoc('3.1', { paths: { '/cards': { $ref: 'paths/cards.yaml' } } }),
    files: {
      'paths/cards.yaml': { servers: [{ url: 'https://192.168.10.4/cards' }], get: { responses: { '200': { description: 'ok' } } } },
    },
    errors: [{ path: ['servers', 0, 'url'], source: 'paths/cards.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: a public server passes',
    document: oasDoc('3.0', { servers: [{ url: 'https://api.bank.example/v1', 'x-environment': 'production' }] }),
    errors: [],
  },
  {
    name: '3.0: a localhost default outside the enum is reported at the default',
    document: oasDoc('3.0', {
      servers: [{ url: 'https://{host}/v1', variables: { host: { default: 'localhost', enum: ['api.bank.com'] } } }],
    }),
    errors: [{ message: /Server variable "host" value "localhost"/, path: ['servers', 0, 'variables', 'host', 'default'] }],
  },
  // OAS 2.0
  {
    name: '2.0: a public host passes',
    document: oasDoc('2.0', { host: 'api.bank.example', schemes: ['https'] }),
    errors: [],
  },
  {
    name: '2.0: a loopback host with port is reported at host',
    document: oasDoc('2.0', { host: 'localhost:8080', schemes: ['https'] }),
    errors: [{ message: 'Host "localhost:8080" points at localhost, a loopback host name.', path: ['host'] }],
  },
  {
    name: '2.0: a private host declared non-production in info is skipped',
    document: {
      swagger: '2.0',
      info: { title: 'Payments API', version: '1.0.0', 'x-environment': 'test' },
      host: '10.1.2.3',
      paths: {},
    },
    errors: [],
  },
  {
    name: '3.1: a local server repeated on every operation is reported once, with the count',
    document: oasDoc('3.1', {
      paths: {
        '/a': { get: { servers: [{ url: 'https://kubernetes.local' }], responses: { '200': { description: 'ok' } } } },
        '/b': { put: { servers: [{ url: 'https://kubernetes.local' }], responses: { '200': { description: 'ok' } } } },
      },
    }),
    errors: [
      {
        message: /^Server URL "https:\/\/kubernetes\.local" points at kubernetes\.local, .* The same server is declared 1 more time; fix it once, for example at the root\.$/,
        path: ['paths', '/a', 'get', 'servers', 0, 'url'],
      },
    ],
  },
]);
