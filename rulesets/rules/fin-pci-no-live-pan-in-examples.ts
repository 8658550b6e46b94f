import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { noLivePanInExamples } from '../../functions/noLivePanInExamples.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-pci-no-live-pan-in-examples',
  description:
    'Examples, defaults, enums and consts contain no number that looks like a live card number: every Luhn-valid number with a card network prefix and length is a published test number or masked.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: noLivePanInExamples },
  category: 'pci',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:6.5.5',
    'pci-dss-4.0.1:3.5.1',
    'pci-dss-4.0.1:3.4.1',
    'gdpr:art-32',
  ],
  howToFix:
    'Replace the number with a published test card number (for example 4111111111111111) or a masked value such as 411111******1111, and treat the real number as a possible data leak: find where it came from.',
});
