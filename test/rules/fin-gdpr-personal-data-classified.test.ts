import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-gdpr-personal-data-classified';

const ok = { '200': { description: 'ok' } };
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const getReturning = (schema: object) => ({ get: { responses: { '200': { description: 'ok', ...json(schema) } } } });

testRule(RULE, [
  {
    name: '3.1: a customer schema with unclassified contact data is one finding listing its properties',
    document: oasDoc('3.1', {
      paths: { '/customers/{customerId}': getReturning(ref('Customer')) },
      components: {
        schemas: {
          Customer: {
            type: 'object',
            properties: {
              id: { type: 'string', format: 'uuid' },
              firstName: { type: 'string', maxLength: 100 },
              lastName: { type: 'string', maxLength: 100 },
              email: { type: 'string', format: 'email', maxLength: 254 },
              dateOfBirth: { type: 'string', format: 'date' },
              mobile: { type: 'string' },
              emailVerified: { type: 'boolean' },
            },
          },
        },
      },
    }),
    errors: [
      {
        message:
          'Schema "Customer" holds personal data without x-data-classification: "firstName" (a person\'s name: its name contains "first name"), "lastName" (a person\'s name: its name contains "last name"), "email" (an email address: its name contains "email"), "dateOfBirth" (a date or place of birth: its name contains "date of birth") and 1 more ("mobile"). It describes a natural person ("firstName" and "lastName") but does not declare x-data-subject.',
        path: ['components', 'schemas', 'Customer'],
      },
    ],
  },
  {
    name: '3.1: classified properties, a schema-level classification, x-pii and x-data-subject pass',
    document: oasDoc('3.1', {
      paths: {
        '/customers/{customerId}': getReturning(ref('Customer')),
        '/contacts/{contactId}': getReturning(ref('Contact')),
      },
      components: {
        schemas: {
          Customer: {
            type: 'object',
            'x-data-subject': true,
            properties: {
              firstName: { type: 'string', 'x-data-classification': 'personal' },
              lastName: { type: 'string', 'x-pii': true },
              email: { type: 'string', format: 'email', 'x-data-classification': ['personal'] },
              iban: { type: 'string', 'x-data-classification': 'financial' },
              nationalId: { type: 'string', 'x-data-classification': 'national-id', writeOnly: true },
            },
          },
          Contact: { type: 'object', 'x-data-subject': false, 'x-data-classification': 'personal', properties: { email: { type: 'string' }, phone: { type: 'string' } } },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: look-alikes stay silent (business contact data, flags, ids, blockchain and network addresses, fingerprints)',
    document: oasDoc('3.1', {
      paths: {
        '/merchants/{merchantId}': getReturning(ref('Merchant')),
        '/wallets/{walletId}': getReturning(ref('Wallet')),
        '/products/{productId}': getReturning(ref('Product')),
      },
      components: {
        schemas: {
          Merchant: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              email: { type: 'string', format: 'email' },
              merchantEmail: { type: 'string' },
              companyAddress: { type: 'string' },
              supportPhone: { type: 'string' },
              address: { type: 'object', properties: { line1: { type: 'string' }, postalCode: { type: 'string' } } },
            },
          },
          Wallet: {
            type: 'object',
            properties: {
              address: { type: 'string', pattern: '^0x[0-9a-fA-F]{40}$' },
              depositAddress: { type: 'string' },
              ipAllowlist: { type: 'array', items: { type: 'string' } },
              emailVerified: { type: 'boolean' },
              phoneType: { type: 'string', enum: ['mobile', 'landline'] },
              customerId: { type: 'string', format: 'uuid' },
              cardFingerprint: { type: 'string' },
              deviceFingerprint: { type: 'string' },
              healthCheck: { type: 'string' },
              faceValue: { type: 'number' },
            },
          },
          Product: { type: 'object', properties: { name: { type: 'string' }, displayName: { type: 'string' }, sku: { type: 'string' } } },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: an address object is one property; its lines are not listed again',
    document: oasDoc('3.1', {
      paths: { '/customers/{customerId}': getReturning(ref('Customer')) },
      components: {
        schemas: {
          Customer: {
            type: 'object',
            'x-data-subject': true,
            properties: {
              billingAddress: { type: 'object', properties: { line1: { type: 'string' }, line2: { type: 'string' }, postalCode: { type: 'string' }, city: { type: 'string' } } },
            },
          },
        },
      },
    }),
    errors: [
      {
        message: 'Schema "Customer" holds personal data without x-data-classification: "billingAddress" (a postal address: its name contains "address").',
        path: ['components', 'schemas', 'Customer'],
      },
    ],
  },
  {
    name: '3.1: identical inline copies are one finding; header parameters and response headers are reported once each',
    document: oasDoc('3.1', {
      paths: {
        '/payments': {
          post: {
            parameters: [{ name: 'X-Customer-IP-Address', in: 'header', schema: { type: 'string' } }],
            requestBody: json({ type: 'object', properties: { debtor: { type: 'object', properties: { name: { type: 'string' } } } } }),
            responses: {
              '201': {
                description: 'created',
                headers: { 'X-Customer-Email': { schema: { type: 'string' } } },
                ...json({ type: 'object', properties: { debtor: { type: 'object', properties: { name: { type: 'string' } } } } }),
              },
            },
          },
        },
        '/refunds': {
          post: {
            parameters: [{ name: 'X-Customer-IP-Address', in: 'header', schema: { type: 'string' } }],
            responses: ok,
          },
        },
      },
    }),
    errors: [
      {
        message:
          'Header parameter "X-Customer-IP-Address" of /payments holds an IP address (its name contains "ip address") but declares no x-data-classification; the same parameter is written inline in 1 other operation.',
        path: ['paths', '/payments', 'post', 'parameters', 0],
      },
      {
        message:
          'The inline schema of "debtor" in the request of POST /payments (and 1 identical inline copy elsewhere) holds personal data without x-data-classification: "name" (a person\'s name: its name is "name" in a person context (property "debtor")).',
        path: ['paths', '/payments', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties', 'debtor'],
      },
      {
        message: 'Header "X-Customer-Email" of the 201 response of POST /payments holds an email address (its name contains "email") but declares no x-data-classification.',
        path: ['paths', '/payments', 'post', 'responses', '201', 'headers', 'X-Customer-Email'],
      },
    ],
  },
  {
    name: '3.1: URL parameters are left to the URL rules; a special category is left to fin-gdpr-special-category-flagged',
    document: oasDoc('3.1', {
      paths: {
        '/customers': {
          get: {
            parameters: [
              { name: 'email', in: 'query', schema: { type: 'string' } },
              { name: 'ssn', in: 'query', schema: { type: 'string' } },
            ],
            responses: { '200': { description: 'ok', ...json({ type: 'object', 'x-data-subject': true, properties: { healthCondition: { type: 'string' } } }) } },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.0: a person schema in another file is reported there',
    document: oasDoc('3.0', { paths: { '/customers/{customerId}': getReturning({ $ref: 'schemas.yaml#/Customer' }) } }),
    files: { 'schemas.yaml': { Customer: { type: 'object', properties: { phoneNumber: { type: 'string' }, iban: { type: 'string' } } } } },
    errors: [
      {
        source: 'schemas.yaml',
        path: ['Customer'],
        message:
          'The inline schema in the 200 response of GET /customers/{customerId} holds personal data without x-data-classification: "phoneNumber" (a phone number: its name contains "phone number") and "iban" (a bank account number: its name contains "iban").',
      },
    ],
  },
  {
    name: '3.0: properties contributed by allOf members are reported where they are written',
    document: oasDoc('3.0', {
      paths: { '/customers/{customerId}': getReturning(ref('Customer')) },
      components: {
        schemas: {
          Person: { type: 'object', 'x-data-subject': true, properties: { givenName: { type: 'string' }, familyName: { type: 'string' } } },
          Customer: { allOf: [ref('Person'), { type: 'object', properties: { email: { type: 'string', format: 'email' }, loyaltyTier: { type: 'string' } } }] },
        },
      },
    }),
    errors: [
      { path: ['components', 'schemas', 'Person'], message: /^Schema "Person" holds personal data without x-data-classification: "givenName" .* and "familyName"/ },
      { path: ['components', 'schemas', 'Customer', 'allOf', 1], message: /^Schema "Customer" holds personal data without x-data-classification: "email" \(an email address/ },
    ],
  },
  {
    name: '3.0: an explicit non-personal classification overrides the name',
    document: oasDoc('3.0', {
      paths: { '/branches/{id}': getReturning({ type: 'object', properties: { email: { type: 'string', 'x-data-classification': 'public' }, phone: { type: 'string', 'x-data-classification': 'internal' } } }) },
    }),
    errors: [],
  },
  {
    name: '2.0: a definition and a form field with personal data are reported',
    document: oasDoc('2.0', {
      paths: {
        '/customers': {
          post: {
            consumes: ['application/x-www-form-urlencoded'],
            parameters: [{ name: 'mobileNumber', in: 'formData', type: 'string' }],
            responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Customer' } } },
          },
        },
      },
      definitions: { Customer: { type: 'object', properties: { surname: { type: 'string' }, postcode: { type: 'string' } } } },
    }),
    errors: [
      {
        path: ['paths', '/customers', 'post', 'parameters', 0],
        message: 'Parameter (in: formData) "mobileNumber" of /customers holds a phone number (its name contains "mobile number") but declares no x-data-classification.',
      },
      { path: ['definitions', 'Customer'], message: /^Schema "Customer" holds personal data without x-data-classification: "surname" .* and "postcode"/ },
    ],
  },
  {
    name: '2.0: classified definitions pass',
    document: oasDoc('2.0', {
      paths: { '/customers': { get: { responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Customer' } } } } } },
      definitions: { Customer: { type: 'object', 'x-data-subject': true, 'x-data-classification': 'personal', properties: { surname: { type: 'string' }, postcode: { type: 'string' } } } },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  const doc = oasDoc('3.1', {
    paths: { '/members/{id}': getReturning({ type: 'object', properties: { handle: { type: 'string' }, dealerEmail: { type: 'string' } } }) },
  });
  it('reports house names and honours house business words', async () => {
    expect(await runRuleWithOptions(RULE, { businessContext: ['dealer'] }, doc)).toEqual([]);
    const findings = await runRuleWithOptions(RULE, { personal: { names: ['handle'] } }, doc);
    expect(findings.map((f) => f.message)).toEqual([
      'The inline schema in the 200 response of GET /members/{id} holds personal data without x-data-classification: "handle" (personal data: its name contains "handle") and "dealerEmail" (an email address: its name contains "email").',
    ]);
  });
  it('rejects unknown options with an example', async () => {
    const error: unknown = await runRuleWithOptions(RULE, { persona: {} }, doc).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors.map((e: Error) => e.message).join('\n')).toMatch(/"fin-gdpr-personal-data-classified" options: \{ personal\?/);
  });
});

describe('examples/gdpr-customers.yaml', () => {
  it('lints clean with every fin-gdpr rule', async () => {
    const { readFile } = await import('node:fs/promises');
    const { gdprRules } = await import('../../rulesets/families/gdpr.js');
    const { runRule } = await import('../helpers/testRule.js');
    const text = await readFile(new URL('../../examples/gdpr-customers.yaml', import.meta.url), 'utf8');
    for (const rule of gdprRules) expect(await runRule(rule.id, text), rule.id).toEqual([]);
  });
});
