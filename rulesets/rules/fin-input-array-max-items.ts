import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { arrayMaxItems } from '../../functions/arrayMaxItems.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-input-array-max-items',
  description: 'Every array a client sends declares maxItems and an items schema.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: arrayMaxItems },
  category: 'input',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:6.2.4',
    'owasp-api-2023:API4',
  ],
  howToFix:
    'Add `maxItems` (the largest batch the API processes in one call) and an `items` schema; in OAS 3.1 a tuple with `prefixItems` and `items: false` is bounded too.',
});
