import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-headers-nosniff';
const json = (headers: object = {}) => ({
  get: { responses: { '200': { description: 'ok', headers, content: { 'application/json': { schema: { type: 'object' } } } } } },
});
const both = {
  'X-Content-Type-Options': { schema: { type: 'string', enum: ['nosniff'] } },
  'Content-Security-Policy': { schema: { type: 'string', example: "frame-ancestors 'none'" } },
};

testRule(RULE, [
  {
    name: '3.1: a JSON API without either header gets two document-level findings',
    document: oasDoc('3.1', { paths: { '/accounts': json(), '/cards': json() } }),
    errors: [
      { message: 'No response documents X-Content-Type-Options: nosniff; declare it on responses or in x-default-response-headers.', path: ['paths'] },
      {
        message: "The API returns JSON but no response documents Content-Security-Policy: frame-ancestors 'none'; declare it on responses or in x-default-response-headers.",
        path: ['paths'],
      },
    ],
  },
  {
    name: '3.1: both headers declared once (names are case-insensitive) pass',
    document: oasDoc('3.1', {
      paths: {
        '/accounts': json({ 'x-content-type-options': both['X-Content-Type-Options'], 'content-security-policy': both['Content-Security-Policy'] }),
        '/cards': json(),
      },
    }),
    errors: [],
  },
  {
    name: '3.1: wrong values are reported where written, here in another file',
    document: oasDoc('3.1', {
      paths: { '/accounts': json({ 'X-Content-Type-Options': { $ref: 'headers.yaml#/Xcto' }, 'Content-Security-Policy': both['Content-Security-Policy'] }) },
    }),
    files: { 'headers.yaml': { Xcto: { schema: { type: 'string', default: 'sniff' } } } },
    errors: [
      { message: 'X-Content-Type-Options "sniff" on the 200 response of GET /accounts is not nosniff.', path: ['Xcto', 'schema', 'default'], source: 'headers.yaml' },
    ],
  },
  {
    name: '3.0: a CSP without frame-ancestors fails; the gateway declaration carries nosniff',
    document: oasDoc('3.0', {
      'x-default-response-headers': { 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'" },
      paths: { '/accounts': json() },
    }),
    errors: [{ message: /does not include frame-ancestors 'none'\.$/, path: ['x-default-response-headers', 'Content-Security-Policy'] }],
  },
  {
    name: '3.0: a non-JSON API needs only nosniff',
    document: oasDoc('3.0', {
      'x-default-response-headers': ['X-Content-Type-Options: nosniff'],
      paths: { '/statements/{id}': { get: { responses: { '200': { description: 'pdf', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } } } } } },
    }),
    errors: [],
  },
  {
    name: '2.0: produces application/json without the headers fails twice',
    document: oasDoc('2.0', { produces: ['application/json'], paths: { '/accounts': { get: { responses: { '200': { description: 'ok' } } } } } }),
    errors: [{ path: ['paths'] }, { path: ['paths'] }],
  },
  {
    name: '2.0: inline header enums pass',
    document: oasDoc('2.0', {
      produces: ['application/json'],
      paths: {
        '/accounts': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                headers: { 'X-Content-Type-Options': { type: 'string', enum: ['nosniff'] }, 'Content-Security-Policy': { type: 'string', enum: ["frame-ancestors 'none'"] } },
              },
            },
          },
        },
      },
    }),
    errors: [],
  },
]);
