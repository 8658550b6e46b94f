import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { interactionId } from '../../functions/interactionId.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-fapi-interaction-id',
  description:
    'Resource operations accept an x-fapi-interaction-id request header and every response, errors included, returns it.',
  message: '{{error}}',
  severity: 'info',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: interactionId },
  category: 'fapi',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['fapi-1.0:part1-6.2.1', 'fapi-1.0:part1-6.2.2', 'pci-dss-4.0.1:10.2.2', 'psd2-rts:art-29'],
  howToFix:
    'Define x-fapi-interaction-id once in components.parameters (optional request header, UUID) and components.headers, reference it from every resource operation and every response, or list it in x-default-response-headers when a gateway adds it.',
});
