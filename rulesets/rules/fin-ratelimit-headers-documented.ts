import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { rateLimitHeadersDocumented } from '../../functions/rateLimitHeadersDocumented.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fin-ratelimit-headers-documented',
  description:
    'The 2xx responses of rate-limited operations document the remaining quota: the IETF RateLimit field (with RateLimit-Policy), or the older RateLimit-* or X-RateLimit-* fields.',
  message: '{{error}}',
  severity: 'warn',
  recommended: true,
  formats: [oas2, oas3_0, oas3_1],
  given: '$',
  then: { function: rateLimitHeadersDocumented },
  category: 'ratelimit',
  oasVersions: ['2.0', '3.0', '3.1'],
  controls: ['owasp-api-2023:API4'],
  howToFix:
    'Document RateLimit and RateLimit-Policy (draft-ietf-httpapi-ratelimit-headers) on the success responses of rate-limited operations, for example as shared components.headers; if limits are deliberately not advertised, set x-ratelimit-undisclosed: true on info or the operation.',
});
