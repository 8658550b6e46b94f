import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-gdpr-retention-documented';

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const getReturning = (schema: object) => ({ get: { responses: { '200': { description: 'ok', ...json(schema) } } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

testRule(RULE, [
  {
    name: '3.1: a data subject without x-retention and a schema with a classified property are reported',
    document: oasDoc('3.1', {
      paths: { '/customers/{id}': getReturning(ref('Customer')), '/payees/{id}': getReturning(ref('Payee')) },
      components: {
        schemas: {
          Customer: { type: 'object', 'x-data-subject': true, properties: { id: { type: 'string' } } },
          Payee: { type: 'object', properties: { iban: { type: 'string', 'x-data-classification': 'personal' } } },
        },
      },
    }),
    errors: [
      {
        message:
          'Schema "Customer" is marked x-data-subject: true but declares no retention period (x-retention: an ISO 8601 duration or {period, basis}), and info declares no x-retention-policy.',
        path: ['components', 'schemas', 'Customer'],
      },
      {
        message:
          'Schema "Payee" holds "iban", classified personal, but declares no retention period (x-retention: an ISO 8601 duration or {period, basis}), and info declares no x-retention-policy.',
        path: ['components', 'schemas', 'Payee'],
      },
    ],
  },
  {
    name: '3.1: durations, {period, basis}, nesting under a schema with retention and card data with retention pass',
    document: oasDoc('3.1', {
      paths: { '/customers/{id}': getReturning(ref('Customer')), '/transactions/{id}': getReturning(ref('Transaction')) },
      components: {
        schemas: {
          Customer: {
            type: 'object',
            'x-data-subject': true,
            'x-retention': 'P6Y',
            properties: { address: ref('Address') },
          },
          Address: { type: 'object', 'x-data-classification': 'personal', properties: { line1: { type: 'string' } } },
          Transaction: {
            type: 'object',
            'x-retention': { period: 'P5Y', basis: 'AML record-keeping obligation' },
            properties: { maskedPan: { type: 'string', 'x-data-classification': 'pci-pan-masked' } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: an invalid x-retention is reported where it is written',
    document: oasDoc('3.1', {
      info: { title: 'Customers', version: '1.0.0', 'x-retention-policy': 'https://bank.example/retention' },
      paths: { '/customers/{id}': getReturning(ref('Customer')) },
      components: { schemas: { Customer: { type: 'object', 'x-data-subject': true, 'x-retention': '7 years', properties: {} } } },
    }),
    errors: [
      {
        message: 'x-retention of schema "Customer" is invalid: "7 years" is not an ISO 8601 duration (e.g. P7Y).',
        path: ['components', 'schemas', 'Customer', 'x-retention'],
      },
    ],
  },
  {
    name: '3.1: undeclared personal data is fin-gdpr-personal-data-classified\'s, not this rule\'s',
    document: oasDoc('3.1', { paths: { '/customers/{id}': getReturning({ type: 'object', properties: { email: { type: 'string', format: 'email' } } }) } }),
    errors: [],
  },
  {
    name: '3.0: a data subject in another file is reported there',
    document: oasDoc('3.0', { paths: { '/members/{id}': getReturning({ $ref: 'schemas.yaml#/Member' }) } }),
    files: { 'schemas.yaml': { Member: { type: 'object', 'x-data-subject': true, properties: { name: { type: 'string', 'x-pii': true } } } } },
    errors: [{ source: 'schemas.yaml', path: ['Member'], message: /^The inline schema in the 200 response of GET \/members\/\{id\} is marked x-data-subject: true but declares no retention period/ }],
  },
  {
    name: '3.0: info.x-retention-policy covers the whole document',
    document: oasDoc('3.0', {
      info: { title: 'Customers', version: '1.0.0', 'x-retention-policy': 'https://bank.example/retention' },
      paths: { '/members/{id}': getReturning({ type: 'object', 'x-data-subject': true, properties: {} }) },
    }),
    errors: [],
  },
  {
    name: '3.0: a special-category property contributed by an allOf member makes its member a target',
    document: oasDoc('3.0', {
      paths: { '/patients/{id}': getReturning(ref('Patient')) },
      components: { schemas: { Patient: { allOf: [{ type: 'object', properties: { diagnosis: { type: 'string', 'x-data-classification': 'special-category' } } }] } } },
    }),
    errors: [{ path: ['components', 'schemas', 'Patient', 'allOf', 0], message: /^Schema "Patient" holds "diagnosis", classified special-category, but declares no retention period/ }],
  },
  {
    name: '2.0: a definition marked x-data-subject without retention is reported',
    document: oasDoc('2.0', {
      paths: { '/customers': { get: { responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Customer' } } } } } },
      definitions: { Customer: { type: 'object', 'x-data-subject': true, properties: {} } },
    }),
    errors: [{ path: ['definitions', 'Customer'], message: /^Schema "Customer" is marked x-data-subject: true/ }],
  },
  {
    name: '2.0: a definition with retention passes',
    document: oasDoc('2.0', {
      paths: { '/customers': { get: { responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Customer' } } } } } },
      definitions: { Customer: { type: 'object', 'x-data-subject': true, 'x-retention': 'P10Y', properties: {} } },
    }),
    errors: [],
  },
]);
