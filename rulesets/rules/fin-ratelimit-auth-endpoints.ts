import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { rateLimitAuthEndpoints } from '../../functions/rateLimitAuthEndpoints.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-ratelimit-auth-endpoints',
  description:
    'Operations that verify a credential or authentication factor declare a 429 response with Retry-After or a lock-out response (423, or a documented lock-out error).',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: rateLimitAuthEndpoints },
  category: 'ratelimit',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['pci-dss-4.0.1:8.3.4', 'psd2-rts:art-4-3', 'owasp-api-2023:API2', 'owasp-api-2023:API4'],
  howToFix:
    'Document the throttling of failed attempts on every login, token, OTP/MFA, password or PIN operation: a 429 response with Retry-After, and/or a 423 (or a documented ACCOUNT_LOCKED error) for the lock-out; mark such operations x-auth-endpoint: true.',
});
