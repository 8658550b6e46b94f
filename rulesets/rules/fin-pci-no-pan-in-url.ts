import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { noPanInUrl } from '../../functions/noPanInUrl.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-pci-no-pan-in-url',
  description:
    'No path, query, header or cookie parameter carries a card number (PAN) that may be full; URLs use opaque card ids or tokens.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: noPanInUrl },
  category: 'pci',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:3.4.1',
    'pci-dss-4.0.1:3.5.1',
    'pci-dss-4.0.1:4.2.1',
    'gdpr:art-25-1',
    'gdpr:art-32-1-a',
  ],
  howToFix:
    'Address cards by an opaque id or token (`/cards/{cardId}`), and send card numbers only in request bodies; for look-ups by card number use a POST search with the PAN in the body.',
});
