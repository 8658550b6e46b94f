import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-input-pattern-anchored';

const ok = { '201': { description: 'created' } };
const body = (schema: object) => ({ content: { 'application/json': { schema } } });
const post = (schema: object) => ({ '/payments': { post: { requestBody: body(schema), responses: ok } } });
const BODY = ['paths', '/payments', 'post', 'requestBody', 'content', 'application/json', 'schema'];
const prop = (pattern: string) => post({ type: 'object', properties: { currency: { type: 'string', pattern } } });

testRule(RULE, [
  {
    name: '3.1: an unanchored pattern is reported at the pattern keyword',
    document: oasDoc('3.1', { paths: prop('[A-Z]{3}') }),
    errors: [
      {
        message:
          'Pattern "[A-Z]{3}" of property "currency" in the request body of POST /payments is not anchored at the start or the end, so it matches inside longer values that it should reject; write ^...$.',
        path: [...BODY, 'properties', 'currency', 'pattern'],
      },
    ],
  },
  {
    name: '3.1: an alternation outside the anchors is reported',
    document: oasDoc('3.1', { paths: prop('^EUR|USD$') }),
    errors: [{ path: [...BODY, 'properties', 'currency', 'pattern'], message: /\| binds more loosely than \^ and \$/ }],
  },
  {
    name: '3.1: a pattern anchored at one end only is reported',
    document: oasDoc('3.1', { paths: prop('^[A-Z]{3}') }),
    errors: [{ message: /is not anchored at the end \(\$\)/, path: [...BODY, 'properties', 'currency', 'pattern'] }],
  },
  {
    name: '3.1: PCRE anchors \\A and \\z are letters in ECMA-262',
    document: oasDoc('3.1', { paths: prop('\\A[A-Z]{3}\\z') }),
    errors: [{ message: /uses \\A, \\z, which ECMA-262 reads as plain letters/, path: [...BODY, 'properties', 'currency', 'pattern'] }],
  },
  {
    name: '3.1: an invalid regular expression is reported',
    document: oasDoc('3.1', { paths: prop('(?i)^[a-z]{3}$') }),
    errors: [{ message: /is not a valid ECMA-262 regular expression/, path: [...BODY, 'properties', 'currency', 'pattern'] }],
  },
  {
    name: '3.1: anchored patterns pass (grouped alternations, per-alternative anchors, lookaheads, escaped slashes), and so do literal starts-with/ends-with checks',
    document: oasDoc('3.1', {
      paths: post({
        type: 'object',
        properties: {
          a: { type: 'string', pattern: '^[A-Z]{3}$' },
          b: { type: 'string', pattern: '^(?:EUR|USD)$' },
          c: { type: 'string', pattern: '^EUR$|^USD$' },
          d: { type: 'string', pattern: '^(?=.*[0-9])[A-Za-z0-9]{8,64}$' },
          e: { type: 'string', pattern: '^https:\\/\\/[^\\s]{1,2000}$' },
          f: { type: 'string', pattern: '(^[0-9]{4}$)' },
          g: { type: 'string', pattern: 'contains-[0-9]+', 'x-pattern-unanchored': true },
          h: { type: 'string', pattern: '^https://' },
          i: { type: 'string', pattern: '^/v1/transfers' },
          j: { type: 'string', pattern: '\\.pdf$' },
        },
      }),
    }),
    errors: [],
  },
  {
    name: '3.1: a catastrophic-backtracking pattern is judged from its text without being run',
    document: oasDoc('3.1', { paths: prop('(a+)+b') }),
    errors: [{ path: [...BODY, 'properties', 'currency', 'pattern'] }],
  },
  {
    name: '3.1: response patterns count too; a pattern in another file is reported there',
    document: oasDoc('3.1', {
      paths: {
        '/accounts': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: 'schemas.yaml#/Account' } } } } } } },
      },
    }),
    files: { 'schemas.yaml': { Account: { type: 'object', properties: { iban: { type: 'string', pattern: '[A-Z]{2}[0-9]{2}[A-Z0-9]+' } } } } },
    errors: [{ source: 'schemas.yaml', path: ['Account', 'properties', 'iban', 'pattern'] }],
  },
  {
    name: '3.0: a pattern on an allOf member is reported once, where it is written',
    document: oasDoc('3.0', {
      paths: {
        '/payments': { post: { requestBody: body({ type: 'object', properties: { a: { $ref: '#/components/schemas/Code' }, b: { allOf: [{ $ref: '#/components/schemas/Code' }] } } }), responses: ok } },
      },
      components: { schemas: { Code: { type: 'string', pattern: '[A-Z]+' } } },
    }),
    errors: [{ path: ['components', 'schemas', 'Code', 'pattern'] }],
  },
  {
    name: '3.0: an anchored pattern passes',
    document: oasDoc('3.0', { paths: prop('^[A-Z]{3}$') }),
    errors: [],
  },
  {
    name: '2.0: inline parameter and header patterns are checked',
    document: oasDoc('2.0', {
      paths: {
        '/payments': {
          get: {
            parameters: [{ name: 'currency', in: 'query', type: 'string', pattern: '[A-Z]{3}' }],
            responses: { '200': { description: 'ok', headers: { 'X-Rate': { type: 'string', pattern: '^[0-9]+$' } } } },
          },
        },
      },
    }),
    errors: [{ path: ['paths', '/payments', 'get', 'parameters', 0, 'pattern'], message: /^Pattern "\[A-Z\]\{3\}" of query parameter "currency" of GET \/payments/ }],
  },
  {
    name: '2.0: anchored inline patterns pass',
    document: oasDoc('2.0', {
      paths: { '/payments': { get: { parameters: [{ name: 'currency', in: 'query', type: 'string', pattern: '^[A-Z]{3}$' }], responses: { '200': { description: 'ok' } } } } },
    }),
    errors: [],
  },
]);
