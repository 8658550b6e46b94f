import { describe, expect, it } from 'vitest';
import { oasDoc, testRule } from '../helpers/testRule.js';
import { runRuleWithOptions } from '../helpers/withOptions.js';

const RULE = 'fin-gdpr-special-category-flagged';

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const getReturning = (schema: object) => ({ get: { responses: { '200': { description: 'ok', ...json(schema) } } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

testRule(RULE, [
  {
    name: '3.1: an unclassified health field, a classified one without condition and an unknown condition are reported',
    document: oasDoc('3.1', {
      paths: { '/customers/{customerId}': getReturning(ref('Customer')) },
      components: {
        schemas: {
          Customer: {
            type: 'object',
            properties: {
              healthCondition: { type: 'string', maxLength: 500 },
              ethnicity: { type: 'string', 'x-data-classification': 'special-category' },
              tradeUnionMember: { type: 'boolean', 'x-data-classification': 'special-category', 'x-gdpr-art9-condition': 'consent' },
            },
          },
        },
      },
    }),
    errors: [
      {
        message:
          'Property "healthCondition" of schema "Customer" holds health data (its name contains "health condition") but is not classified special-category and declares no Art. 9(2) condition in x-gdpr-art9-condition.',
        path: ['components', 'schemas', 'Customer', 'properties', 'healthCondition'],
      },
      {
        message: 'Property "ethnicity" of schema "Customer" is classified special-category but declares no Art. 9(2) condition in x-gdpr-art9-condition.',
        path: ['components', 'schemas', 'Customer', 'properties', 'ethnicity'],
      },
      {
        message:
          'Property "tradeUnionMember" of schema "Customer" declares x-gdpr-art9-condition "consent", which is not an Art. 9(2) condition (explicit-consent, employment, vital-interests, not-for-profit, made-public, legal-claims, substantial-public-interest, health-care, public-health, archiving-research).',
        path: ['components', 'schemas', 'Customer', 'properties', 'tradeUnionMember'],
      },
    ],
  },
  {
    name: '3.1: flagged special-category fields pass',
    document: oasDoc('3.1', {
      paths: { '/customers/{customerId}': getReturning(ref('Customer')) },
      components: {
        schemas: {
          Customer: {
            type: 'object',
            properties: {
              vulnerabilityDetails: {
                type: 'string',
                description: 'Customer health condition',
                'x-data-classification': 'special-category',
                'x-gdpr-art9-condition': 'explicit-consent',
              },
              biometricTemplate: { type: 'string', writeOnly: true, 'x-data-classification': ['personal', 'special-category'], 'x-gdpr-art9-condition': ['explicit-consent'] },
            },
          },
        },
      },
    }),
    errors: [],
  },
  {
    name: '3.1: look-alikes stay silent (fingerprints of cards, devices and keys, health checks, face value, security vulnerabilities)',
    document: oasDoc('3.1', {
      paths: {
        '/cards/{id}': getReturning({
          type: 'object',
          properties: {
            cardFingerprint: { type: 'string' },
            deviceFingerprint: { type: 'string' },
            certificateFingerprint: { type: 'string' },
            fingerprint: { type: 'string' },
            healthCheck: { type: 'string' },
            healthStatus: { type: 'string', enum: ['ok', 'degraded'] },
            faceValue: { type: 'number' },
            biometricsEnabled: { type: 'boolean' },
            unionPayNetwork: { type: 'string' },
            politicallyExposedPerson: { type: 'boolean' },
          },
        }),
        '/repos/{repo}/alerts': getReturning({ type: 'object', properties: { vulnerability: { type: 'object', properties: { severity: { type: 'string' } } } } }),
      },
    }),
    errors: [],
  },
  {
    name: '3.0: a vulnerability marker described as health data is reported in another file',
    document: oasDoc('3.0', { paths: { '/accounts/{id}': getReturning({ $ref: 'schemas.yaml#/Account' }) } }),
    files: { 'schemas.yaml': { Account: { type: 'object', properties: { vulnerability: { type: 'string', description: 'Details of a disability or illness the customer told us about.' } } } } },
    errors: [
      {
        source: 'schemas.yaml',
        path: ['Account', 'properties', 'vulnerability'],
        message: /^Property "vulnerability" in the 200 response of GET \/accounts\/\{id\} holds health data \(its name contains "vulnerability" and its description mentions "disability"\)/,
      },
    ],
  },
  {
    name: '3.0: a special category contributed by an allOf member and a customer vulnerability flag are reported',
    document: oasDoc('3.0', {
      paths: { '/patients/{id}': getReturning(ref('Patient')) },
      components: {
        schemas: {
          Patient: { allOf: [{ type: 'object', properties: { bloodType: { type: 'string', enum: ['A', 'B', 'AB', 'O'] } } }, { type: 'object', properties: { customerVulnerability: { type: 'boolean' } } }] },
        },
      },
    }),
    errors: [
      { path: ['components', 'schemas', 'Patient', 'allOf', 0, 'properties', 'bloodType'], message: /^Property "bloodType" of schema "Patient" holds health data/ },
      { path: ['components', 'schemas', 'Patient', 'allOf', 1, 'properties', 'customerVulnerability'], message: /holds health data \(its name contains "vulnerability" in a vulnerable context \("customer" in the name\)\)/ },
    ],
  },
  {
    name: '3.0: a classified field with a condition passes',
    document: oasDoc('3.0', {
      paths: { '/employees/{id}': getReturning({ type: 'object', properties: { disability: { type: 'string', 'x-data-classification': 'special-category', 'x-gdpr-art9-condition': 'employment' } } }) },
    }),
    errors: [],
  },
  {
    name: '2.0: a definition with religion and a biometric form field are reported',
    document: oasDoc('2.0', {
      paths: {
        '/members': {
          post: {
            consumes: ['multipart/form-data'],
            parameters: [{ name: 'facialImage', in: 'formData', type: 'file' }],
            responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Member' } } },
          },
        },
      },
      definitions: { Member: { type: 'object', properties: { religion: { type: 'string' } } } },
    }),
    errors: [
      { path: ['paths', '/members', 'post', 'parameters', 0], message: /^Parameter \(in: formData\) "facialImage" of \/members holds biometric data/ },
      { path: ['definitions', 'Member', 'properties', 'religion'], message: /^Property "religion" of schema "Member" holds religious or philosophical beliefs/ },
    ],
  },
  {
    name: '2.0: a definition without special categories passes',
    document: oasDoc('2.0', {
      paths: { '/members': { get: { responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Member' } } } } } },
      definitions: { Member: { type: 'object', properties: { nickname: { type: 'string' }, healthScore: { type: 'integer' } } } },
    }),
    errors: [],
  },
]);

describe(`${RULE} options`, () => {
  const doc = oasDoc('3.1', { paths: { '/members/{id}': getReturning({ type: 'object', properties: { wellnessNotes: { type: 'string' }, medicalPlan: { type: 'string' } } }) } });
  it('reports house names and honours house vetoes', async () => {
    const findings = await runRuleWithOptions(RULE, { specialCategory: { names: ['wellness notes'], vetoes: ['plan'] } }, doc);
    expect(findings.map((f) => f.path)).toEqual([['paths', '/members/{id}', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'wellnessNotes']]);
    expect(findings[0].message).toMatch(/holds special-category data \(Art. 9\) \(its name contains "wellness notes"\)/);
  });
});
