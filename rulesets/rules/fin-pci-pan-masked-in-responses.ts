import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { panMaskedInResponses } from '../../functions/panMaskedInResponses.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-pci-pan-masked-in-responses',
  description:
    'Card numbers in responses, response headers and outbound payloads show masking, truncation or tokenisation evidence, and fields named as masked cannot hold a full card number.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: panMaskedInResponses },
  category: 'pci',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:3.4.1',
    'pci-dss-4.0.1:3.5.1',
    'pci-dss-4.0.1:7.2.2',
    'gdpr:art-5-1-c',
    'gdpr:art-25-2',
  ],
  howToFix:
    'Return a masked or truncated card number (BIN and last four at most) with a pattern that cannot hold a full PAN and `x-data-classification: pci-pan-masked`, or a token; where a full PAN is needed, record `x-pci-full-pan-justification` and protect the operation with a dedicated scope.',
});
