import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-transport-doc-links-https';

const ok = { '200': { description: 'ok' } };

testRule(RULE, [
  // OAS 3.1
  {
    name: '3.1: https, relative and mailto links pass',
    document: oasDoc('3.1', {
      info: {
        title: 'Cards API',
        version: '1.2.0',
        termsOfService: 'https://bank.example/terms',
        contact: { name: 'API team', url: 'mailto:api@bank.example' },
        license: { name: 'Proprietary', url: '/licence' },
        'x-logo': { url: 'https://bank.example/logo.svg' },
      },
      externalDocs: { url: 'https://developer.bank.example' },
    }),
    errors: [],
  },
  {
    name: '3.1: http info links are reported at each field',
    document: oasDoc('3.1', {
      info: {
        title: 'Cards API',
        version: '1.2.0',
        termsOfService: 'http://bank.example/terms',
        contact: { url: 'HTTP://bank.example/contact' },
        license: { name: 'Proprietary', url: 'http://bank.example/licence' },
        'x-logo': { url: 'http://bank.example/logo.svg', href: 'http://bank.example' },
      },
    }),
    errors: [
      { message: 'The terms of service link "http://bank.example/terms" uses http://, not https://.', path: ['info', 'termsOfService'] },
      { message: 'The contact URL "HTTP://bank.example/contact" uses http://, not https://.', path: ['info', 'contact', 'url'] },
      { message: /license URL/, path: ['info', 'license', 'url'] },
      { message: /logo URL/, path: ['info', 'x-logo', 'url'] },
      { message: /logo link/, path: ['info', 'x-logo', 'href'] },
    ],
  },
  {
    name: '3.1: externalDocs at root, tag, operation, webhook, component schema, property and inline schema',
    document: oasDoc('3.1', {
      externalDocs: { url: 'http://developer.bank.example' },
      tags: [{ name: 'cards', externalDocs: { url: 'http://developer.bank.example/cards' } }],
      paths: {
        '/cards': {
          get: {
            externalDocs: { url: 'http://developer.bank.example/cards/list' },
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': { schema: { type: 'object', externalDocs: { url: 'http://developer.bank.example/inline' } } },
                },
              },
            },
          },
        },
      },
      webhooks: { cardIssued: { post: { externalDocs: { url: 'http://developer.bank.example/hooks' }, responses: ok } } },
      components: {
        schemas: {
          Card: {
            type: 'object',
            externalDocs: { url: 'http://developer.bank.example/card' },
            properties: { brand: { type: 'string', externalDocs: { url: 'http://developer.bank.example/brands' } } },
          },
        },
      },
    }),
    errors: [
      { message: 'The external documentation link "http://developer.bank.example" uses http://, not https://.', path: ['externalDocs', 'url'] },
      { message: /link of tag "cards"/, path: ['tags', 0, 'externalDocs', 'url'] },
      { message: /link of operation GET \/cards /, path: ['paths', '/cards', 'get', 'externalDocs', 'url'] },
      { message: /link of a schema /, path: ['paths', '/cards', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'externalDocs', 'url'] },
      { message: /link of operation POST cardIssued /, path: ['webhooks', 'cardIssued', 'post', 'externalDocs', 'url'] },
      { message: /link of schema "Card" /, path: ['components', 'schemas', 'Card', 'externalDocs', 'url'] },
      { message: /link of property "brand" /, path: ['components', 'schemas', 'Card', 'properties', 'brand', 'externalDocs', 'url'] },
    ],
  },
  {
    name: '3.1: a schema $ref\'d from another file is reported in that file, once',
    document: oasDoc('3.1', {
      paths: {
        '/cards': {
          get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: 'schemas.yaml#/Card' } } } } } },
          post: { requestBody: { content: { 'application/json': { schema: { $ref: 'schemas.yaml#/Card' } } } }, responses: ok },
        },
      },
    }),
    files: { 'schemas.yaml': { Card: { type: 'object', externalDocs: { url: 'http://developer.bank.example/card' } } } },
    errors: [{ path: ['Card', 'externalDocs', 'url'], source: 'schemas.yaml' }],
  },
  {
    name: '3.1: http URLs that are not documentation links stay silent (servers, examples, descriptions)',
    document: oasDoc('3.1', {
      info: { title: 'Cards API', version: '1.2.0', description: 'See http://bank.example/guide' },
      components: { schemas: { Link: { type: 'string', format: 'uri', example: 'http://bank.example/x', default: 'http://bank.example/y' } } },
    }),
    errors: [],
  },
  // OAS 3.0
  {
    name: '3.0: an https terms of service link passes',
    document: oasDoc('3.0', { info: { title: 'Cards API', version: '1.2.0', termsOfService: 'https://bank.example/terms' } }),
    errors: [],
  },
  {
    name: '3.0: an http callback operation externalDocs link is reported',
    document: oasDoc('3.0', {
      paths: {
        '/payments': {
          post: {
            callbacks: { status: { '{$request.body#/url}': { post: { externalDocs: { url: 'http://developer.bank.example/cb' }, responses: ok } } } },
            responses: ok,
          },
        },
      },
    }),
    errors: [{ message: /link of operation POST \{\$request\.body#\/url\} /, path: ['paths', '/payments', 'post', 'callbacks', 'status', '{$request.body#/url}', 'post', 'externalDocs', 'url'] }],
  },
  // OAS 2.0
  {
    name: '2.0: https links pass',
    document: oasDoc('2.0', { info: { title: 'Cards API', version: '1.2.0', license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' } } }),
    errors: [],
  },
  {
    name: '2.0: http links in info and definitions are reported',
    document: oasDoc('2.0', {
      info: { title: 'Cards API', version: '1.2.0', contact: { url: 'http://bank.example/contact' } },
      definitions: { Card: { type: 'object', externalDocs: { url: 'http://developer.bank.example/card' } } },
    }),
    errors: [{ path: ['info', 'contact', 'url'] }, { message: /of schema "Card"/, path: ['definitions', 'Card', 'externalDocs', 'url'] }],
  },
]);
