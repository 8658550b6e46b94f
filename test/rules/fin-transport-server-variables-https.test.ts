import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-transport-server-variables-https';

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: a scheme variable restricted to https/wss passes',
    document: oasDoc('3.1', {
      servers: [
        {
          url: '{scheme}://api.bank.example/{version}',
          variables: { scheme: { default: 'https', enum: ['https', 'wss'] }, version: { default: 'v1' } },
        },
      ],
    }),
    errors: [],
  },
  {
    name: '3.1: an enum value http is reported at that enum entry',
    document: oasDoc('3.1', {
      servers: [
        {
          url: '{scheme}://api.bank.example/{version}',
          variables: { scheme: { default: 'https', enum: ['http', 'https'] }, version: { default: 'v1' } },
        },
      ],
    }),
    errors: [
      {
        message:
          'Server variable "scheme" allows "http", so "{scheme}://api.bank.example/{version}" can expand to "http://api.bank.example/v1"; allow only https (or wss).',
        path: ['servers', 0, 'variables', 'scheme', 'enum', 0],
      },
    ],
  },
  {
    name: '3.1: a free-form scheme variable (no enum) is reported at the variable',
    document: oasDoc('3.1', {
      servers: [{ url: '{scheme}://api.bank.example', variables: { scheme: { default: 'https' } } }],
    }),
    errors: [
      {
        message:
          'Server variable "scheme" sets the scheme of "{scheme}://api.bank.example" but has no enum, so any scheme can be used; restrict it to https (or wss).',
        path: ['servers', 0, 'variables', 'scheme'],
      },
    ],
  },
  {
    name: '3.1: a whole-base-URL variable is judged by its values (ws:// in the enum, in an operation server)',
    document: oasDoc('3.1', {
      paths: {
        '/stream': {
          get: {
            servers: [
              {
                url: '{baseUrl}/v1',
                variables: { baseUrl: { default: 'wss://stream.bank.example', enum: ['wss://stream.bank.example', 'ws://stream.bank.example'] } },
              },
            ],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    }),
    errors: [{ message: /allows "ws:\/\/stream\.bank\.example"/, path: ['paths', '/stream', 'get', 'servers', 0, 'variables', 'baseUrl', 'enum', 1] }],
  },
  {
    name: '3.1: near misses stay silent: host/region/port/path variables, literal schemes, relative templates, local servers, undeclared variables',
    document: oasDoc('3.1', {
      servers: [
        { url: 'https://{region}.api.bank.example:{port}/v1', variables: { region: { default: 'eu', enum: ['eu', 'uk'] }, port: { default: '443' } } },
        // a literal http scheme is fin-transport-https-only's finding, not this rule's
        { url: 'http://{region}.api.bank.example', variables: { region: { default: 'eu' } } },
        { url: '{basePath}/payments', variables: { basePath: { default: '/v1' } } },
        { url: '{scheme}://localhost:8080', 'x-environment': 'local', variables: { scheme: { default: 'http' } } },
        { url: '{scheme}://api.bank.example' },
      ],
    }),
    errors: [],
  },
  {
    name: '3.1: a path item $ref\'d from another file is reported in that file',
    document: oasDoc('3.1', { paths: { '/cards': { $ref: 'paths/cards.yaml' } } }),
    files: {
      'paths/cards.yaml': {
        servers: [{ url: '{scheme}://cards.bank.example', variables: { scheme: { default: 'https', enum: ['https', 'http'] } } }],
        get: { responses: { '200': { description: 'ok' } } },
      },
    },
    errors: [{ path: ['servers', 0, 'variables', 'scheme', 'enum', 1], source: 'paths/cards.yaml' }],
  },
  // OAS 3.0
  {
    name: '3.0: an https scheme variable passes',
    document: oasDoc('3.0', {
      servers: [{ url: '{scheme}://api.bank.example', variables: { scheme: { default: 'https', enum: ['https'] } } }],
    }),
    errors: [],
  },
  {
    name: '3.0: a default outside the enum (allowed in 3.0) is reported at the default',
    document: oasDoc('3.0', {
      servers: [{ url: '{scheme}://api.bank.example', variables: { scheme: { default: 'http', enum: ['https'] } } }],
    }),
    errors: [
      {
        message: 'Server variable "scheme" defaults to "http", so "{scheme}://api.bank.example" expands to "http://api.bank.example"; use an https (or wss) default.',
        path: ['servers', 0, 'variables', 'scheme', 'default'],
      },
    ],
  },
  {
    name: '3.0: a variable supplying part of the scheme is judged by the schemes it produces',
    document: oasDoc('3.0', {
      servers: [{ url: 'http{secure}://api.bank.example', variables: { secure: { default: 's', enum: ['s', ''] } } }],
    }),
    errors: [{ message: /allows "", so .* can expand to "http:\/\/api\.bank\.example"/, path: ['servers', 0, 'variables', 'secure', 'enum', 1] }],
  },
  {
    name: '3.0: an http default without enum is reported once, at the default',
    document: oasDoc('3.0', {
      paths: {
        '/payments': {
          servers: [{ url: '{protocol}://payments.bank.example', variables: { protocol: { default: 'http' } } }],
        },
      },
    }),
    errors: [{ message: /defaults to "http"/, path: ['paths', '/payments', 'servers', 0, 'variables', 'protocol', 'default'] }],
  },
]);
