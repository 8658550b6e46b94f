import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-gdpr-no-personal-data-in-url';

const res = { '200': { description: 'ok' } };

testRule(RULE, [
  {
    name: '3.1: an email query parameter and a phone path parameter are reported at the parameter',
    document: oasDoc('3.1', {
      paths: {
        '/customers': { get: { parameters: [{ name: 'email', in: 'query', schema: { type: 'string', format: 'email' } }], responses: res } },
        '/customers/by-phone/{phoneNumber}': {
          get: { parameters: [{ name: 'phoneNumber', in: 'path', required: true, schema: { type: 'string' } }], responses: res },
        },
      },
    }),
    errors: [
      {
        message: 'Query parameter "email" of /customers puts an email address in the URL (its name contains "email").',
        path: ['paths', '/customers', 'get', 'parameters', 0],
      },
      {
        message: 'Path parameter "phoneNumber" of /customers/by-phone/{phoneNumber} puts a phone number in the URL (its name contains "phone number").',
        path: ['paths', '/customers/by-phone/{phoneNumber}', 'get', 'parameters', 0],
      },
    ],
  },
  {
    name: '3.1: opaque ids, a POST search, business contact data, flags, coarse data and headers pass',
    document: oasDoc('3.1', {
      paths: {
        '/customers/{customerId}': {
          get: {
            parameters: [
              { name: 'customerId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
              { name: 'merchantEmail', in: 'query', schema: { type: 'string' } },
              { name: 'emailVerified', in: 'query', schema: { type: 'boolean' } },
              { name: 'country', in: 'query', schema: { type: 'string' } },
              { name: 'city', in: 'query', schema: { type: 'string' } },
              { name: 'PSU-IP-Address', in: 'header', schema: { type: 'string', format: 'ipv4' } },
              { name: 'ssn', in: 'query', schema: { type: 'string' } },
            ],
            responses: res,
          },
        },
        '/customers/search': {
          post: {
            requestBody: {
              content: { 'application/json': { schema: { type: 'object', properties: { email: { type: 'string', format: 'email', 'x-data-classification': 'personal' } } } } },
            },
            responses: res,
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: an email inside an object-valued query parameter built with allOf is reported at the property',
    document: oasDoc('3.1', {
      paths: {
        '/invoices/preview': {
          get: {
            parameters: [{ name: 'customer_details', in: 'query', style: 'deepObject', schema: { $ref: '#/components/schemas/CustomerDetails' } }],
            responses: res,
          },
        },
      },
      components: {
        schemas: {
          Base: { type: 'object', properties: { currency: { type: 'string' } } },
          CustomerDetails: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { ip_address: { type: 'string' } } }] },
        },
      },
    }),
    errors: [
      {
        path: ['components', 'schemas', 'CustomerDetails', 'allOf', 1, 'properties', 'ip_address'],
        message: 'Property "ip_address" of query parameter "customer_details" of /invoices/preview puts an IP address in the URL (its name contains "ip address").',
      },
    ],
  },
  {
    name: '3.0: a $ref\'d IBAN parameter in another file is reported there',
    document: oasDoc('3.0', { paths: { '/accounts': { get: { parameters: [{ $ref: 'parameters.yaml#/Iban' }], responses: res } } } }),
    files: { 'parameters.yaml': { Iban: { name: 'iban', in: 'query', schema: { type: 'string' } } } },
    errors: [{ source: 'parameters.yaml', path: ['Iban'], message: 'Query parameter "iban" of /accounts puts a bank account number in the URL (its name contains "iban").' }],
  },
  {
    name: '3.0: a partial national id and a format-email filter are reported; a declared public value is not',
    document: oasDoc('3.0', {
      paths: {
        '/people': {
          get: {
            parameters: [
              { name: 'ssnLast4', in: 'query', schema: { type: 'string', pattern: '^[0-9]{4}$' } },
              { name: 'q', in: 'query', schema: { type: 'string', format: 'email' } },
              { name: 'name', in: 'query', schema: { type: 'string' }, 'x-data-classification': 'public' },
            ],
            responses: res,
          },
        },
      },
    }),
    errors: [
      { path: ['paths', '/people', 'get', 'parameters', 0], message: /^Query parameter "ssnLast4" of \/people puts part of a national identification number in the URL/ },
      { path: ['paths', '/people', 'get', 'parameters', 1], message: 'Query parameter "q" of /people puts an email address in the URL (its format is email).' },
    ],
  },
  {
    name: '3.0: a date of birth in a body and an IP address in a header pass',
    document: oasDoc('3.0', {
      paths: {
        '/applications': {
          post: {
            parameters: [{ name: 'X-Customer-IP', in: 'header', schema: { type: 'string' } }],
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { dateOfBirth: { type: 'string', format: 'date' } } } } } },
            responses: res,
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '2.0: a last-name query parameter is reported',
    document: oasDoc('2.0', { paths: { '/account-holders': { get: { parameters: [{ name: 'last_name', in: 'query', type: 'string' }], responses: res } } } }),
    errors: [{ path: ['paths', '/account-holders', 'get', 'parameters', 0], message: /puts a person's name in the URL \(its name contains "last name"\)\.$/ }],
  },
  {
    name: '2.0: an opaque account holder token passes',
    document: oasDoc('2.0', {
      paths: { '/account-holders/{token}': { get: { parameters: [{ name: 'token', in: 'path', required: true, type: 'string' }], responses: res } } },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  const doc = oasDoc('3.1', { paths: { '/members': { get: { parameters: [{ name: 'handle', in: 'query', schema: { type: 'string' } }], responses: res } } } });
  it('reports house names', async () => {
    expect(await runRuleWithOptions(RULE, {}, doc)).toEqual([]);
    expect((await runRuleWithOptions(RULE, { personal: { names: ['handle'] } }, doc)).map((f) => f.message)).toEqual([
      'Query parameter "handle" of /members puts personal data in the URL (its name contains "handle").',
    ]);
  });
});
