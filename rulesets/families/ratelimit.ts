import finRatelimit429Declared from '../rules/fin-ratelimit-429-declared.js';
import finRatelimitRetryAfter from '../rules/fin-ratelimit-retry-after.js';
import finRatelimitHeadersDocumented from '../rules/fin-ratelimit-headers-documented.js';
import finRatelimitPreferIetfFields from '../rules/fin-ratelimit-prefer-ietf-fields.js';
import finRatelimitAuthEndpoints from '../rules/fin-ratelimit-auth-endpoints.js';
import type { FinRule } from '../types.js';

/** Family H: rate limiting (catalogue §5 H). */
export const rateLimitRules: readonly FinRule[] = [
  finRatelimit429Declared, // H1
  finRatelimitRetryAfter, // H2
  finRatelimitHeadersDocumented, // H3
  finRatelimitPreferIetfFields, // H4
  finRatelimitAuthEndpoints, // H5
];
