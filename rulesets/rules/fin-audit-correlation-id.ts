import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { correlationId } from '../../functions/correlationId.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-audit-correlation-id',
  description:
    'Every operation accepts a correlation header (X-Request-ID, X-Correlation-ID, x-fapi-interaction-id or traceparent) and every response, errors included, returns one.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: correlationId },
  category: 'audit',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['pci-dss-4.0.1:10.2.1', 'pci-dss-4.0.1:10.2.2', 'psd2-rts:art-29', 'gdpr:art-5-2'],
  howToFix:
    'Define the correlation header once (components.parameters for the request, components.headers for responses), reference it from every operation and every response, or list it in x-default-response-headers when a gateway adds it to all responses.',
});
