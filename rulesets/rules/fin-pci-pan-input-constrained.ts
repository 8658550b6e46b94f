import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { panInputConstrained } from '../../functions/panInputConstrained.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-pci-pan-input-constrained',
  description:
    'Card numbers received in requests are strings with an anchored 12-19 digit pattern and a maxLength of at most 19, and in OAS 3.x are writeOnly: true.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: panInputConstrained },
  category: 'pci',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:6.2.4',
    'pci-dss-4.0.1:3.5.1',
    'owasp-api-2023:API3',
  ],
  howToFix:
    'Declare the card number as `type: string` with `pattern: "^[0-9]{12,19}$"`, `maxLength: 19`, `writeOnly: true` (3.x) and `x-data-classification: pci-pan`.',
});
