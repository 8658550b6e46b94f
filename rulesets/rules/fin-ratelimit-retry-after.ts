import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { retryAfterDocumented } from '../../functions/retryAfterDocumented.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-ratelimit-retry-after',
  description: 'Every 429 and 503 response documents a Retry-After header holding delay-seconds or an HTTP-date.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: retryAfterDocumented },
  category: 'ratelimit',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API4', 'pci-dss-4.0.1:6.2.4'],
  howToFix:
    'Add a Retry-After header (integer seconds, e.g. schema { type: integer, minimum: 1, maximum: 86400 }) to the 429 and 503 responses, best once in a shared components.responses entry.',
});
