import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { noPersonalDataInUrl } from '../../functions/noPersonalDataInUrl.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-gdpr-no-personal-data-in-url',
  description:
    'No path or query parameter carries direct identifiers or contact data (a name, email, phone number, address, date of birth, IP address, device id, bank account number); URLs use opaque ids, and look-ups by personal data use a POST body.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: noPersonalDataInUrl },
  category: 'gdpr',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'gdpr:art-5-1-c',
    'gdpr:art-5-1-f',
    'gdpr:art-25-2',
    'gdpr:art-32-2',
  ],
  howToFix:
    'Identify people by an opaque id (`/customers/{customerId}`) and move look-ups by email, phone or IBAN into the body of a POST search (`POST /customers/search`).',
});
