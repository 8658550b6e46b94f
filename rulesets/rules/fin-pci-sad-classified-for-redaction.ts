import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { sadClassifiedForRedaction } from '../../functions/sadClassifiedForRedaction.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-pci-sad-classified-for-redaction',
  description:
    'Every request property that carries sensitive authentication data declares x-data-classification: pci-sad and, in OAS 3.x, writeOnly: true, so that gateways, logs and SDKs can redact it.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: sadClassifiedForRedaction },
  category: 'pci',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: [
    'pci-dss-4.0.1:3.3.1',
    'pci-dss-4.0.1:3.2.1',
    'pci-dss-4.0.1:3.5.1',
    'gdpr:art-25-1',
  ],
  howToFix:
    'Add `x-data-classification: pci-sad` (a PIN may use `credential`) and, in OAS 3.x, `writeOnly: true` to the property, and configure log pipelines and gateways to redact classified fields.',
});
