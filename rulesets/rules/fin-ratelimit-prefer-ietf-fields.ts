import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { preferIetfRateLimitFields } from '../../functions/preferIetfRateLimitFields.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-ratelimit-prefer-ietf-fields',
  description:
    'Responses that document rate limits with X-RateLimit-* or pre-draft-07 RateLimit-* names also document the current IETF RateLimit and RateLimit-Policy fields.',
  message: '{{error}}',
  severity: 'hint',
  recommended: false,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: preferIetfRateLimitFields },
  category: 'ratelimit',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API4'],
  howToFix:
    'Add the RateLimit and RateLimit-Policy structured fields next to the X-RateLimit-* headers (keep the old names during a migration period), best as shared components.headers.',
});
