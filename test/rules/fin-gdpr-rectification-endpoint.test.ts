import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-gdpr-rectification-endpoint';

const ok = { '200': { description: 'ok' } };
const person = { type: 'object', properties: { id: { type: 'string' }, phone: { type: 'string' } } };
const getPerson = () => ({ responses: { '200': { description: 'ok', content: { 'application/json': { schema: person } } } } });

testRule(RULE, [
  {
    name: '3.1: a read-only customers resource is reported',
    document: oasDoc('3.1', { paths: { '/customers': { get: getPerson() }, '/customers/{customerId}': { get: getPerson() } } }),
    errors: [
      {
        message:
          'Data-subject resource /customers/{customerId} (its path segment "customers" is a data-subject collection) offers no rectification (Art. 16): no PATCH or PUT on /customers or /customers/{customerId} and no operation marked x-gdpr-rectification: true.',
        path: ['paths', '/customers/{customerId}'],
      },
    ],
  },
  {
    name: '3.1: PATCH, PUT, POST on an item and a recorded exemption pass',
    document: oasDoc('3.1', {
      paths: {
        '/customers/{customerId}': { get: getPerson(), patch: { responses: ok } },
        '/users/{userId}': { get: getPerson(), put: { responses: ok } },
        '/v1/persons/{person}': { get: getPerson(), post: { responses: ok } },
        '/members/{memberId}': {
          get: getPerson(),
          'x-gdpr-rectification': 'not-applicable',
          'x-gdpr-rectification-reason': 'Read-only replica; members correct their data in the membership system.',
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: a POST on the collection only (creation) does not rectify',
    document: oasDoc('3.1', { paths: { '/people': { post: { responses: ok } }, '/people/{id}': { get: getPerson() } } }),
    errors: [{ path: ['paths', '/people/{id}'], message: /^Data-subject resource \/people\/\{id\} .* offers no rectification/ }],
  },
  {
    name: '3.0: a resource in a path item of another file is reported there',
    document: oasDoc('3.0', { paths: { '/profiles/{profileId}': { $ref: 'paths.yaml#/profile' } } }),
    files: { 'paths.yaml': { profile: { get: getPerson() } } },
    errors: [{ source: 'paths.yaml', path: ['profile'], message: /^Data-subject resource \/profiles\/\{profileId\} .* offers no rectification/ }],
  },
  {
    name: '3.0: an operation marked x-gdpr-rectification passes',
    document: oasDoc('3.0', {
      paths: { '/profiles/{profileId}': { get: getPerson() }, '/correction-requests': { post: { 'x-gdpr-rectification': true, responses: ok } } },
    }),
    errors: [],
  },
  {
    name: '2.0: a read-only users resource is reported',
    document: oasDoc('2.0', { paths: { '/users/{id}': { get: { responses: { '200': { description: 'ok', schema: person } } } } } }),
    errors: [{ path: ['paths', '/users/{id}'], message: /offers no rectification \(Art\. 16\)/ }],
  },
  {
    name: '2.0: a users resource with PUT passes',
    document: oasDoc('2.0', { paths: { '/users/{id}': { get: { responses: { '200': { description: 'ok', schema: person } } }, put: { responses: ok } } } }),
    errors: [],
  },
]);
