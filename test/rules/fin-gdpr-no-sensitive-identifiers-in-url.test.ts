import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-gdpr-no-sensitive-identifiers-in-url';

const res = { '200': { description: 'ok' } };

testRule(RULE, [
  {
    name: '3.1: a national id in the query, a passport number in the path, an SSN header and a health cookie are reported',
    document: oasDoc('3.1', {
      paths: {
        '/customers': {
          get: {
            parameters: [
              { name: 'nationalId', in: 'query', schema: { type: 'string' } },
              { name: 'X-SSN', in: 'header', schema: { type: 'string' } },
              { name: 'medical_condition', in: 'cookie', schema: { type: 'string' } },
            ],
            responses: res,
          },
        },
        '/travellers/{passportNumber}': {
          get: { parameters: [{ name: 'passportNumber', in: 'path', required: true, schema: { type: 'string' } }], responses: res },
        },
      },
    }),
    errors: [
      {
        message: 'Query parameter "nationalId" of /customers puts a national identification number in the URL (its name contains "national id").',
        path: ['paths', '/customers', 'get', 'parameters', 0],
      },
      {
        message: 'Header parameter "X-SSN" of /customers puts a national identification number in a request header (its name contains "ssn").',
        path: ['paths', '/customers', 'get', 'parameters', 1],
      },
      {
        message: 'Cookie parameter "medical_condition" of /customers puts health data in a cookie (its name contains "medical condition").',
        path: ['paths', '/customers', 'get', 'parameters', 2],
      },
      { path: ['paths', '/travellers/{passportNumber}', 'get', 'parameters', 0], message: /^Path parameter "passportNumber" .* \(its name contains "passport number"\)\.$/ },
    ],
  },
  {
    name: '3.1: document metadata, partial ids, system health, business tax ids and bodies pass',
    document: oasDoc('3.1', {
      paths: {
        '/customers/{customerId}': {
          get: {
            parameters: [
              { name: 'customerId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
              { name: 'passportCountry', in: 'query', schema: { type: 'string' } },
              { name: 'taxIdType', in: 'query', schema: { type: 'string' } },
              { name: 'ssnLast4', in: 'query', schema: { type: 'string' } },
              { name: 'healthCheck', in: 'query', schema: { type: 'boolean' } },
              { name: 'merchantTaxId', in: 'query', schema: { type: 'string' } },
              { name: 'X-Device-Fingerprint', in: 'header', schema: { type: 'string' } },
            ],
            responses: res,
          },
        },
        '/customers/lookups': {
          post: {
            requestBody: {
              content: { 'application/json': { schema: { type: 'object', properties: { nationalId: { type: 'string', writeOnly: true, 'x-data-classification': 'national-id' } } } } },
            },
            responses: res,
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.0: a $ref\'d component parameter declared special-category is reported in components',
    document: oasDoc('3.0', {
      paths: { '/claims': { get: { parameters: [{ $ref: '#/components/parameters/Condition' }], responses: res } } },
      components: { parameters: { Condition: { name: 'condition', in: 'query', 'x-data-classification': 'special-category', schema: { type: 'string' } } } },
    }),
    errors: [
      {
        path: ['components', 'parameters', 'Condition'],
        message: 'Query parameter "condition" of /claims puts special-category data (Art. 9) in the URL (it is declared x-data-classification: special-category).',
      },
    ],
  },
  {
    name: '3.0: a criminal record flag inside a JSON query parameter in another file is reported there',
    document: oasDoc('3.0', {
      paths: { '/applicants': { get: { parameters: [{ name: 'filter', in: 'query', content: { 'application/json': { schema: { $ref: 'filter.yaml#/Filter' } } } }], responses: res } } },
    }),
    files: { 'filter.yaml': { Filter: { type: 'object', properties: { criminalRecord: { type: 'boolean' } } } } },
    errors: [{ source: 'filter.yaml', path: ['Filter', 'properties', 'criminalRecord'], message: /^Property "criminalRecord" of query parameter "filter" of \/applicants puts data about criminal convictions or offences \(Art\. 10\) in the URL/ }],
  },
  {
    name: '3.0: a tax id of a person in a body passes',
    document: oasDoc('3.0', {
      paths: { '/people': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { taxId: { type: 'string' } } } } } }, responses: res } } },
    }),
    errors: [],
  },
  {
    name: '2.0: a religion query parameter and a driving licence path parameter are reported',
    document: oasDoc('2.0', {
      paths: {
        '/members/{drivingLicenceNumber}': {
          get: {
            parameters: [
              { name: 'drivingLicenceNumber', in: 'path', required: true, type: 'string' },
              { name: 'religion', in: 'query', type: 'string' },
            ],
            responses: res,
          },
        },
      },
    }),
    errors: [
      { path: ['paths', '/members/{drivingLicenceNumber}', 'get', 'parameters', 0], message: /national identification number in the URL \(its name contains "driving licence"\)\.$/ },
      { path: ['paths', '/members/{drivingLicenceNumber}', 'get', 'parameters', 1], message: /religious or philosophical beliefs or political opinions in the URL \(its name contains "religion"\)\.$/ },
    ],
  },
  {
    name: '2.0: an identity document type and an issuing country pass',
    document: oasDoc('2.0', {
      paths: {
        '/documents': {
          get: {
            parameters: [
              { name: 'idCardType', in: 'query', type: 'string' },
              { name: 'passportIssuingCountry', in: 'query', type: 'string' },
            ],
            responses: res,
          },
        },
      },
    }),
    errors: [],
  },
]);
