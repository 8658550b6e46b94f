import { oasDoc, testRule } from '../helpers/testRule.js';

const RULE = 'fin-lifecycle-owner-contact';
const contact = { name: 'Payments Platform Team', email: 'payments-api@bank.example' };
const withInfo = (version: '2.0' | '3.0' | '3.1', info: object, extra: Record<string, unknown> = {}) => ({
  ...oasDoc(version, extra),
  info: { title: 'Payments API', version: '2.3.1', ...info },
});
const customer = { type: 'object', 'x-data-subject': true, properties: { email: { type: 'string', format: 'email' } } };
const customerPaths = (schema: object) => ({
  '/customers/{id}': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } } },
});

testRule(RULE, [
  {
    name: '3.1: a document without info.contact fails at info',
    document: withInfo('3.1', {}),
    errors: [{ message: 'info.contact is missing; name the team that owns the API and an email address or URL to reach it.', path: ['info'] }],
  },
  {
    name: '3.1: a named team with an email passes',
    document: withInfo('3.1', { contact }),
    errors: [],
  },
  {
    name: '3.1: a contact with only a name fails at info.contact',
    document: withInfo('3.1', { contact: { name: 'Payments Platform Team' } }),
    errors: [{ message: 'info.contact has neither an email nor a URL; name the owning team and how to reach it.', path: ['info', 'contact'] }],
  },
  {
    name: '3.1: personal data declared in another file requires a data-protection contact',
    document: withInfo('3.1', { contact }, { paths: customerPaths({ $ref: 'schemas.yaml#/Customer' }) }),
    files: { 'schemas.yaml': { Customer: customer } },
    errors: [
      {
        message: 'The API declares personal data but names no data-protection contact; add info.x-dpo-contact (an email address or URL).',
        path: ['info'],
      },
    ],
  },
  {
    name: '3.0: x-dpo-contact (or a privacy contact in the description) satisfies the personal-data part',
    document: withInfo(
      '3.0',
      { contact: { name: 'Cards team', url: 'https://developer.bank.example/support' }, 'x-dpo-contact': { email: 'dpo@bank.example' } },
      { paths: customerPaths({ type: 'object', properties: { name: { type: 'string', 'x-data-classification': 'personal' } } }) },
    ),
    errors: [],
  },
  {
    name: '3.0: x-pii: true counts as declared personal data; a contact without a name fails too',
    document: withInfo('3.0', { contact: { email: 'team@bank.example' } }, { paths: customerPaths({ type: 'object', properties: { phone: { type: 'string', 'x-pii': true } } }) }),
    errors: [
      { path: ['info'] },
      { message: 'info.contact has no name; name the owning team and how to reach it.', path: ['info', 'contact'] },
    ],
  },
  {
    name: '2.0: a contact and a privacy contact in the description pass',
    document: withInfo(
      '2.0',
      { contact, description: 'Privacy questions: contact our data protection officer at dpo@bank.example.' },
      { paths: { '/customers': { get: { parameters: [{ name: 'email', in: 'query', type: 'string', 'x-data-classification': 'personal' }], responses: { '200': { description: 'ok' } } } } } },
    ),
    errors: [],
  },
  {
    name: '2.0: an empty contact fails',
    document: withInfo('2.0', { contact: {} }),
    errors: [{ message: 'info.contact has no name and neither an email nor a URL; name the owning team and how to reach it.', path: ['info', 'contact'] }],
  },
]);
