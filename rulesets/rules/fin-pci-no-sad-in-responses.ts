import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { noSadInResponses } from '../../functions/noSadInResponses.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-pci-no-sad-in-responses',
  description:
    'No response, response header, callback or webhook payload carries sensitive authentication data: card verification codes, PINs or PIN blocks, or track and chip-equivalent data.',
  message: '{{error}}',
  severity: 'error',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: noSadInResponses },
  category: 'pci',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:3.3.1',
    'pci-dss-4.0.1:3.3.1.1',
    'pci-dss-4.0.1:3.3.1.2',
    'pci-dss-4.0.1:3.3.1.3',
    'pci-dss-4.0.1:3.2.1',
    'owasp-api-2023:API3',
    'gdpr:art-5-1-c',
  ],
  howToFix:
    'Remove the sensitive authentication data from every response and outbound payload: return a result field such as cvcCheck instead, and in OAS 3.x mark the property of a shared request schema `writeOnly: true`; an issuer with a documented business need records it in `x-pci-issuer-exemption`.',
});
