import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { rateLimit429Declared } from '../../functions/rateLimit429Declared.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-ratelimit-429-declared',
  description:
    'Every operation that is not intentionally public declares an explicit 429 (Too Many Requests) response with a body schema.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: rateLimit429Declared },
  category: 'ratelimit',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API4', 'owasp-api-2023:API6', 'pci-dss-4.0.1:6.2.4', 'psd2-rts:art-36-5'],
  howToFix:
    'Add a 429 response to every operation, ideally a shared components.responses.TooManyRequests with a problem+json body and a Retry-After header, and reference it from each operation.',
});
