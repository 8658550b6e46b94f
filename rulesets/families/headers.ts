import finHeadersCorsOriginRestricted from '../rules/fin-headers-cors-origin-restricted.js';
import finHeadersExplicitContentType from '../rules/fin-headers-explicit-content-type.js';
import finHeadersHsts from '../rules/fin-headers-hsts.js';
import finHeadersNosniff from '../rules/fin-headers-nosniff.js';
import finHeadersSensitiveNoStore from '../rules/fin-headers-sensitive-no-store.js';
import type { FinRule } from '../types.js';

/** Family M: CORS, caching and browser security headers (catalogue §5 M). */
export const headerRules: readonly FinRule[] = [
  finHeadersCorsOriginRestricted, // M1
  finHeadersSensitiveNoStore, // M2
  finHeadersHsts, // M3
  finHeadersNosniff, // M4
  finHeadersExplicitContentType, // M5
];
