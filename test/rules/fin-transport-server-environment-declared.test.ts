import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-transport-server-environment-declared';

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: x-environment or an environment word in the description, plus a boolean x-internal, pass',
    document: oasDoc('3.1', {
      servers: [
        { url: 'https://api.bank.example/v1', 'x-environment': 'production', 'x-internal': false },
        { url: 'https://sandbox.api.bank.example/v1', description: 'Sandbox (test data only)', 'x-internal': false },
        { url: 'https://ops.bank.example', description: 'Pre-production for the operations team', 'x-internal': true },
      ],
    }),
    errors: [],
  },
  {
    name: '3.1: a server with neither declaration is reported once, at the server',
    document: oasDoc('3.1', { servers: [{ url: 'https://sandbox.api.bank.example/v1' }] }),
    errors: [
      {
        message:
          'Server "https://sandbox.api.bank.example/v1" does not declare its environment (x-environment) or its audience (x-internal: true or false).',
        path: ['servers', 0],
      },
    ],
  },
  {
    name: '3.1: a missing audience or a missing environment is reported on its own',
    document: oasDoc('3.1', {
      servers: [
        { url: 'https://api.bank.example/v1', 'x-environment': 'production' },
        { url: 'https://eu.bank.example', 'x-internal': 'false' },
        { url: 'https://uk.bank.example', description: 'The latest UK contest server', 'x-internal': false },
      ],
    }),
    errors: [
      { message: 'Server "https://api.bank.example/v1" does not declare its audience (x-internal: true or false).', path: ['servers', 0] },
      // x-internal must be a boolean: the string "false" declares nothing
      { message: /"https:\/\/eu\.bank\.example" does not declare its environment \(x-environment\) or its audience/, path: ['servers', 1] },
      // "latest" and "contest" are not the word "test"
      {
        message:
          'Server "https://uk.bank.example" does not declare its environment (x-environment, or a description naming production, sandbox or test).',
        path: ['servers', 2],
      },
    ],
  },
  {
    name: '3.1: operation servers and servers of a path item $ref\'d from another file are inspected',
    document: oasDoc('3.1', {
      paths: {
        '/cards': { $ref: 'paths/cards.yaml' },
        '/payments': { get: { servers: [{ url: 'https://payments.bank.example' }], responses: { '200': { description: 'ok' } } } },
      },
    }),
    files: {
      'paths/cards.yaml': { servers: [{ url: 'https://cards.bank.example', 'x-internal': false }], get: { responses: { '200': { description: 'ok' } } } },
    },
    errors: [
      { path: ['paths', '/payments', 'get', 'servers', 0] },
      { message: /"https:\/\/cards\.bank\.example" does not declare its environment/, path: ['servers', 0], source: 'paths/cards.yaml' },
    ],
  },
  // OAS 3.0
  {
    name: '3.0: a declared server passes',
    document: oasDoc('3.0', { servers: [{ url: 'https://api.bank.example', 'x-environment': 'live', 'x-internal': false }] }),
    errors: [],
  },
  {
    name: '3.0: an undeclared server is reported',
    document: oasDoc('3.0', { servers: [{ url: 'https://api.bank.example', description: 'Main server' }] }),
    errors: [{ path: ['servers', 0] }],
  },
  // OAS 2.0
  {
    name: '2.0: x-environment and x-internal in info pass',
    document: {
      swagger: '2.0',
      info: { title: 'Payments API', version: '1.0.0', 'x-environment': 'production', 'x-internal': false },
      host: 'api.bank.example',
      paths: {},
    },
    errors: [],
  },
  {
    name: '2.0: x-internal at the root without x-environment reports the environment only',
    document: oasDoc('2.0', { host: 'api.bank.example', 'x-internal': false }),
    errors: [{ message: 'The API\'s host "api.bank.example" does not declare its environment (x-environment) in info.', path: ['info'] }],
  },
  {
    name: '2.0: an info description mentioning "test" does not count; reported at info',
    document: {
      swagger: '2.0',
      info: { title: 'Payments API', version: '1.0.0', description: 'Lets partners test payments.' },
      host: 'api.bank.example',
      paths: {},
    },
    errors: [
      {
        message:
          'The API\'s host "api.bank.example" does not declare its environment (x-environment) or its audience (x-internal: true or false) in info.',
        path: ['info'],
      },
    ],
  },
  {
    name: '3.0: the same undeclared server repeated on every operation is reported once, with the count',
    document: oasDoc('3.0', {
      paths: {
        '/a': { get: { servers: [{ url: 'https://api.bank.example' }], responses: { '200': { description: 'ok' } } } },
        '/b': { get: { servers: [{ url: 'https://api.bank.example' }], responses: { '200': { description: 'ok' } } } },
        '/c': { get: { servers: [{ url: 'https://api.bank.example' }], responses: { '200': { description: 'ok' } } } },
      },
    }),
    errors: [
      {
        message:
          'Server "https://api.bank.example" does not declare its environment (x-environment) or its audience (x-internal: true or false). The same server is declared 2 more times; fix it once, for example at the root.',
        path: ['paths', '/a', 'get', 'servers', 0],
      },
    ],
  },
]);
