import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { cardExpiryNotInUrl } from '../../functions/cardExpiryNotInUrl.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-pci-card-expiry-not-in-url',
  description:
    'Card expiry dates are not carried in path, query, header or cookie parameters.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: cardExpiryNotInUrl },
  category: 'pci',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:3.5.1',
    'pci-dss-4.0.1:4.2.1',
    'gdpr:art-25-1',
  ],
  howToFix:
    'Send the expiry month and year in the request body together with the card number, declared `writeOnly: true`, and remove the parameter.',
});
