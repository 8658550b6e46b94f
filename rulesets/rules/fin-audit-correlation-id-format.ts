import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { correlationIdFormat } from '../../functions/correlationIdFormat.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-audit-correlation-id-format',
  description:
    'Correlation headers constrain their value: format: uuid or a pattern (traceparent: its W3C pattern), and a maxLength.',
  message: '{{error}}',
  severity: 'hint',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: correlationIdFormat },
  category: 'audit',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['pci-dss-4.0.1:10.2.2', 'psd2-rts:art-29', 'owasp-api-2023:API8'],
  howToFix:
    'Give the header schema format: uuid and maxLength: 36 (x-fapi-interaction-id, X-Request-ID), or for traceparent the pattern ^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$ and maxLength: 55.',
});
