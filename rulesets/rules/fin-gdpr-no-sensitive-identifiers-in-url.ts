import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { noSensitiveIdentifiersInUrl } from '../../functions/noSensitiveIdentifiersInUrl.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-gdpr-no-sensitive-identifiers-in-url',
  description:
    'No path, query, header or cookie parameter carries a national identification number, special-category data or criminal-offence data.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: noSensitiveIdentifiersInUrl },
  category: 'gdpr',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'gdpr:art-9',
    'gdpr:art-10',
    'gdpr:art-87',
    'gdpr:art-32-2',
  ],
  howToFix:
    'Send national ids, health, biometric and other special-category or criminal-offence data only in request bodies (writeOnly, classified), and address resources by opaque ids.',
});
