import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-gdpr-export-endpoint';

const ok = { '200': { description: 'ok' } };
const person = { type: 'object', properties: { id: { type: 'string' }, email: { type: 'string', format: 'email' } } };
const getPerson = () => ({ responses: { '200': { description: 'ok', content: { 'application/json': { schema: person } } } } });

testRule(RULE, [
  {
    name: '3.1: a customers resource without export is reported; a PDF-only export is reported at its response',
    document: oasDoc('3.1', {
      paths: {
        '/customers/{customerId}': { get: getPerson(), delete: { responses: ok } },
        '/users/{userId}': { get: getPerson() },
        '/users/{userId}/export': { get: { responses: { '200': { description: 'a PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } } } } },
      },
    }),
    errors: [
      {
        message:
          'Data-subject resource /customers/{customerId} (its path segment "customers" is a data-subject collection) offers no export of personal data (Art. 15, 20): no operation under /customers ending in /export or /personal-data and no operation marked x-gdpr-export: true.',
        path: ['paths', '/customers/{customerId}'],
      },
      {
        message:
          'Export operation GET /users/{userId}/export returns only application/pdf; a copy of personal data must also be offered in a structured, machine-readable format (application/json, text/csv or XML).',
        path: ['paths', '/users/{userId}/export', 'get', 'responses', '200'],
      },
    ],
  },
  {
    name: '3.1: a JSON export path, a CSV export marked x-gdpr-export and an asynchronous export pass',
    document: oasDoc('3.1', {
      paths: {
        '/customers/{customerId}': { get: getPerson() },
        '/customers/{customerId}/personal-data': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: person }, 'application/pdf': {} } } } } },
        '/data-requests': { post: { 'x-gdpr-export': true, responses: { '202': { description: 'accepted' } } } },
        '/reports/subject-access': { get: { 'x-gdpr-export': true, responses: { '200': { description: 'ok', content: { 'text/csv': { schema: { type: 'string' } } } } } } },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a rights portal declared in info covers every resource',
    document: oasDoc('3.1', {
      info: { title: 'Customers', version: '1.0.0', 'x-gdpr-rights-portal': 'https://bank.example/privacy/requests' },
      paths: { '/customers/{customerId}': { get: getPerson() } },
    }),
    errors: [],
  },
  {
    name: '3.0: a resource in a path item of another file is reported there',
    document: oasDoc('3.0', { paths: { '/members/{memberId}': { $ref: 'paths.yaml#/member' } } }),
    files: { 'paths.yaml': { member: getPersonItem() } },
    errors: [{ source: 'paths.yaml', path: ['member'], message: /^Data-subject resource \/members\/\{memberId\} .* offers no export of personal data/ }],
  },
  {
    name: '3.0: an export marked on an operation whose responses are XML passes',
    document: oasDoc('3.0', {
      paths: {
        '/members/{memberId}': { get: getPerson() },
        '/members/{memberId}/records': { get: { 'x-gdpr-export': true, responses: { '200': { description: 'ok', content: { 'application/vnd.bank.member+xml': { schema: { type: 'string' } } } } } } },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: an export that produces only PDF is reported; the resource has one',
    document: oasDoc('2.0', {
      produces: ['application/pdf'],
      paths: {
        '/customers/{id}': { get: { produces: ['application/json'], responses: { '200': { description: 'ok', schema: person } } } },
        '/customers/{id}/export': { get: { responses: { '200': { description: 'ok', schema: { type: 'file' } } } } },
      },
    }),
    errors: [{ path: ['paths', '/customers/{id}/export', 'get', 'responses', '200'], message: /^Export operation GET \/customers\/\{id\}\/export returns only application\/pdf;/ }],
  },
  {
    name: '2.0: an export producing JSON passes',
    document: oasDoc('2.0', {
      paths: {
        '/customers/{id}': { get: { responses: { '200': { description: 'ok', schema: person } } } },
        '/customers/{id}/export': { get: { produces: ['application/json', 'application/pdf'], responses: { '200': { description: 'ok', schema: person } } } },
      },
    }),
    errors: [],
  },
]);

function getPersonItem() {
  return { get: getPerson() };
}
